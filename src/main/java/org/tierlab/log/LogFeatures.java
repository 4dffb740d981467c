package org.tierlab.log;

import org.tierlab.score.CustomerFeatures;

/**
 * What a company would have known about its customers on a given day, computed from a transaction log: the
 * standard features of {@link CustomerFeatures} for every customer whose first purchase is on or before that
 * day. This is how a log feeds the tiering models (in {@code tierlab score --log} and {@code tierlab replay}).
 *
 * @param customer for each row of {@code features}, the customer's number in the log
 * @param features recency (days since the last purchase), frequency (transactions), monetary (revenue),
 *     tenure (days since the first purchase), trend (transactions in the last {@value #TREND_HALF_DAYS} days
 *     minus the {@value #TREND_HALF_DAYS} before), profit (= monetary: a log has no margins) and
 *     {@value #REPEAT_SPEND} (mean value of the transactions after the first, NaN if none), the input of the
 *     Gamma-Gamma spend model, and {@value #PURCHASES} (transactions over all history, whatever the window: the
 *     count customer-base models such as BG/NBD need)
 */
public record LogFeatures(int[] customer, CustomerFeatures features) {
    /** The half-window of the trend feature, in days. */
    public static final int TREND_HALF_DAYS = 180;
    /** Name of the mean repeat-transaction value column. */
    public static final String REPEAT_SPEND = "repeat_spend";
    /** Name of the all-history transaction count column. */
    public static final String PURCHASES = "purchases";

    /**
     * Features as of the end of {@code day} (epoch day).
     *
     * @param windowDays count frequency and monetary only over the last {@code windowDays} days; 0 for all
     *     history (recency, tenure and repeat spend always use all history)
     * @param amounts false for a log without amounts: monetary is then the number of transactions
     */
    public static LogFeatures asOf(TransactionLog log, int day, int windowDays, boolean amounts) {
        int n = 0;
        for (int c = 0; c < log.customers(); c++) {
            if (log.day(log.firstRow(c)) <= day) {
                n++;
            }
        }
        int[] customer = new int[n];
        double[] recency = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        double[] tenure = new double[n];
        double[] trend = new double[n];
        double[] repeatSpend = new double[n];
        double[] purchases = new double[n];
        int windowStart = windowDays > 0 ? day - windowDays + 1 : Integer.MIN_VALUE;
        int k = 0;
        for (int c = 0; c < log.customers(); c++) {
            int from = log.firstRow(c);
            int first = log.day(from);
            if (first > day) {
                continue;
            }
            int last = first;
            int count = 0;
            double revenue = 0;
            int recent = 0;
            int earlier = 0;
            int repeats = 0;
            double repeatRevenue = 0;
            for (int row = from; row < log.firstRow(c + 1) && log.day(row) <= day; row++) {
                int d = log.day(row);
                last = d;
                if (d >= windowStart) {
                    count++;
                    revenue += log.amount(row);
                }
                if (row > from) {
                    repeats++;
                    repeatRevenue += log.amount(row);
                }
                if (d > day - TREND_HALF_DAYS) {
                    recent++;
                } else if (d > day - 2 * TREND_HALF_DAYS) {
                    earlier++;
                }
            }
            customer[k] = c;
            recency[k] = day - last;
            frequency[k] = count;
            monetary[k] = amounts ? revenue : count;
            tenure[k] = day - first;
            trend[k] = recent - earlier;
            repeatSpend[k] = repeats > 0 ? repeatRevenue / repeats : Double.NaN;
            purchases[k] = repeats + 1;
            k++;
        }
        CustomerFeatures f = CustomerFeatures.of(n).put(CustomerFeatures.RECENCY, recency)
                .put(CustomerFeatures.FREQUENCY, frequency).put(CustomerFeatures.MONETARY, monetary)
                .put(CustomerFeatures.PROFIT, monetary).put(CustomerFeatures.TENURE, tenure)
                .put(CustomerFeatures.TREND, trend).put(REPEAT_SPEND, repeatSpend)
                .put(PURCHASES, purchases);
        f.describedBy(i -> "customer '" + log.ids().get(customer[i]) + "'");
        return new LogFeatures(customer, f);
    }
}
