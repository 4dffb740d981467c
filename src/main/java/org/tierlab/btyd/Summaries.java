package org.tierlab.btyd;

import java.time.LocalDate;
import org.tierlab.log.TransactionLog;

/**
 * The per-customer summaries customer-base models are fitted on, as parallel arrays, for the customers whose
 * first purchase falls in the calibration period. In the chosen time unit: {@code x} repeat transactions in
 * calibration, {@code tx} the time of the last of them since the first purchase (0 if none), {@code T} the
 * time from the first purchase to the end of calibration; {@code meanSpend} the mean value of the repeat
 * transactions (NaN if none); {@code holdoutX} and {@code holdoutSpend} the transactions and their value in the
 * holdout period.
 */
public final class Summaries {
    /** Row in the log's customer numbering for each summarised customer. */
    public final int[] customer;
    public final int[] x;
    public final double[] tx;
    public final double[] T;
    public final double[] meanSpend;
    public final int[] holdoutX;
    public final double[] holdoutSpend;
    /** Days per time unit. */
    public final double unitDays;
    /** First day of each summarised customer (epoch day). */
    public final int[] firstDay;

    private Summaries(int n, double unitDays) {
        customer = new int[n];
        x = new int[n];
        tx = new double[n];
        T = new double[n];
        meanSpend = new double[n];
        holdoutX = new int[n];
        holdoutSpend = new double[n];
        firstDay = new int[n];
        this.unitDays = unitDays;
    }

    /** Number of customers summarised. */
    public int size() {
        return x.length;
    }

    /**
     * Summarises {@code log}: calibration up to and including {@code calibrationEnd}, holdout from the day after
     * to {@code holdoutEnd} inclusive.
     */
    public static Summaries of(TransactionLog log, LocalDate calibrationEnd, LocalDate holdoutEnd, double unitDays) {
        int calEnd = (int) calibrationEnd.toEpochDay();
        int holdEnd = (int) holdoutEnd.toEpochDay();
        int n = 0;
        for (int c = 0; c < log.customers(); c++) {
            if (log.day(log.firstRow(c)) <= calEnd) {
                n++;
            }
        }
        Summaries s = new Summaries(n, unitDays);
        int k = 0;
        for (int c = 0; c < log.customers(); c++) {
            int from = log.firstRow(c);
            int to = log.firstRow(c + 1);
            int first = log.day(from);
            if (first > calEnd) {
                continue;
            }
            int repeats = 0;
            int last = first;
            double spend = 0;
            int hx = 0;
            double hs = 0;
            for (int row = from + 1; row < to; row++) {
                int d = log.day(row);
                if (d <= calEnd) {
                    repeats++;
                    last = d;
                    spend += log.amount(row);
                } else if (d <= holdEnd) {
                    hx++;
                    hs += log.amount(row);
                }
            }
            s.customer[k] = c;
            s.firstDay[k] = first;
            s.x[k] = repeats;
            s.tx[k] = (last - first) / unitDays;
            s.T[k] = (calEnd - first) / unitDays;
            s.meanSpend[k] = repeats > 0 ? spend / repeats : Double.NaN;
            s.holdoutX[k] = hx;
            s.holdoutSpend[k] = hs;
            k++;
        }
        return s;
    }
}
