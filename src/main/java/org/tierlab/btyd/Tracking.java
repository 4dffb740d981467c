package org.tierlab.btyd;

import java.time.LocalDate;
import java.util.function.DoubleUnaryOperator;
import org.tierlab.log.TransactionLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tracking of repeat transactions per time unit across calibration and holdout, actual against each fitted
 * model: the weekly and cumulative tracking plots of Fader, Hardie and Lee (2005). The cohort is the summarised
 * customers (first purchase by the end of calibration); a model's expectation for a period is the sum over
 * customers of E[X(age at period end)] - E[X(age at period start)], computed once per distinct first day, with
 * ages measured as {@link Summaries} measures T (the last day of a period is at time day - first day).
 */
public final class Tracking {
    /** Phase of a period whose every day is in the calibration period. */
    public static final String CALIBRATION = "calibration";
    /** Phase of a period whose every day is in the holdout period. */
    public static final String HOLDOUT = "holdout";
    /**
     * Phase of a period holding both calibration and holdout days (a month, or a week not counted from a day that
     * makes weeks end on the calibration end): its repeat transactions are partly in-sample, partly out of sample.
     */
    public static final String STRADDLES = "straddles";

    private Tracking() {
    }

    /**
     * The tracking table: one row per time unit from the cohort's first purchase to {@code holdoutEnd}, its phase
     * {@link #CALIBRATION}, {@link #HOLDOUT} or, when it holds days of both, {@link #STRADDLES}.
     *
     * @param bgnbd fitted BG/NBD parameters, or null if the fit did not converge (its columns are then empty)
     * @param pareto fitted Pareto/NBD parameters, or null likewise
     */
    public static Table of(TransactionLog log, Summaries s, LocalDate calibrationEnd, LocalDate holdoutEnd,
            double[] bgnbd, double[] pareto) {
        int origin = Integer.MAX_VALUE;
        for (int d : s.firstDay) {
            origin = Math.min(origin, d);
        }
        int endDay = (int) holdoutEnd.toEpochDay() + 1; // exclusive
        int periods = (int) Math.ceil((endDay - origin) / s.unitDays);
        double[] actual = actualRepeats(log, s, origin, endDay, periods);
        double[] bg = bgnbd == null ? missing(periods)
                : expectedRepeats(s, origin, endDay, periods, t -> BgNbd.expected(bgnbd, t));
        double[] pn = pareto == null ? missing(periods)
                : expectedRepeats(s, origin, endDay, periods, t -> ParetoNbd.expected(pareto, t));
        IntColumn period = IntColumn.create("period");
        StringColumn start = StringColumn.create("start_date");
        StringColumn phase = StringColumn.create("phase");
        long calEnd = calibrationEnd.toEpochDay();
        for (int j = 0; j < periods; j++) {
            int first = origin + (int) Math.ceil(j * s.unitDays);
            int last = Math.min(origin + (int) Math.ceil((j + 1) * s.unitDays), endDay) - 1;
            period.append(j + 1);
            start.append(LocalDate.ofEpochDay(first).toString());
            phase.append(last <= calEnd ? CALIBRATION : first > calEnd ? HOLDOUT : STRADDLES);
        }
        return Table.create("tracking").addColumns(period, start, phase,
                DoubleColumn.create("actual", actual), DoubleColumn.create("bgnbd", bg),
                DoubleColumn.create("pareto_nbd", pn), DoubleColumn.create("actual_cumulative", cumulative(actual)),
                DoubleColumn.create("bgnbd_cumulative", cumulative(bg)),
                DoubleColumn.create("pareto_nbd_cumulative", cumulative(pn)));
    }

    private static double[] actualRepeats(TransactionLog log, Summaries s, int origin, int endDay, int periods) {
        double[] counts = new double[periods];
        for (int i = 0; i < s.size(); i++) {
            int c = s.customer[i];
            for (int row = log.firstRow(c) + 1; row < log.firstRow(c + 1); row++) {
                int d = log.day(row);
                if (d < endDay) {
                    counts[(int) ((d - origin) / s.unitDays)]++;
                }
            }
        }
        return counts;
    }

    private static double[] expectedRepeats(Summaries s, int origin, int endDay, int periods,
            DoubleUnaryOperator expected) {
        int span = endDay - origin;
        int[] byFirstDay = new int[span];
        for (int d : s.firstDay) {
            byFirstDay[d - origin]++;
        }
        double[] out = new double[periods];
        for (int f = 0; f < span; f++) {
            if (byFirstDay[f] == 0) {
                continue;
            }
            double previous = 0;
            for (int j = 0; j < periods; j++) {
                // a purchase on day d happens at time d - first, so a period ending before day e ends at e - 1
                double periodEnd = Math.min(Math.ceil((j + 1) * s.unitDays), span) - 1;
                double age = (periodEnd - f) / s.unitDays;
                if (age <= 0) {
                    continue;
                }
                double e = expected.applyAsDouble(age);
                out[j] += byFirstDay[f] * (e - previous);
                previous = e;
            }
        }
        return out;
    }

    private static double[] missing(int periods) {
        double[] out = new double[periods];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }

    private static double[] cumulative(double[] values) {
        double[] c = new double[values.length];
        double sum = 0;
        for (int j = 0; j < values.length; j++) {
            sum += values[j];
            c[j] = sum;
        }
        return c;
    }
}
