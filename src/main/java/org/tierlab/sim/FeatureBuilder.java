package org.tierlab.sim;

import org.tierlab.score.CustomerFeatures;

/**
 * Turns the observable part of the simulation state into {@link CustomerFeatures} for the first {@code n} people
 * (those the company knows of). Columns are lazy, so a model that reads three columns costs three arrays.
 */
final class FeatureBuilder {
    /** Revenue per year of observed relationship; see {@link #annualValue}. */
    static final String ANNUAL_VALUE = "annual_value";

    private FeatureBuilder() {
    }

    static CustomerFeatures build(Customers c, CustomerState s, AttributeCatalog catalog, int n, int t,
            double periodDays, double[] segmentMargin) {
        CustomerFeatures f = CustomerFeatures.of(n);
        f.putLazy(CustomerFeatures.RECENCY, () -> recency(s, n, t, periodDays));
        f.putLazy(CustomerFeatures.FREQUENCY, () -> frequency(s, n));
        f.putLazy(CustomerFeatures.MONETARY, () -> monetary(s, n));
        f.putLazy(ANNUAL_VALUE, () -> column(n, i -> annualValue(s, i, t, periodDays)));
        // gross margin is the segment's margin on the customer's revenue: not stored, as it is that product
        f.putLazy(CustomerFeatures.PROFIT, () -> column(n, i -> s.monetary[i] * segmentMargin[c.segment[i]]
                - s.serviceCost[i]));
        f.putLazy(CustomerFeatures.TENURE, () -> column(n, i -> s.status[i] == CustomerState.LEAD ? 0
                : (t - s.acquired[i]) * periodDays));
        f.putLazy(CustomerFeatures.SURVEY, () -> column(n, i -> s.survey[i] < 0 ? Double.NaN : s.survey[i]));
        f.putLazy(CustomerFeatures.TREND, () -> column(n, i -> s.recentRate[i] - s.longRate[i]));
        f.putLazy(CustomerFeatures.LEAD, () -> column(n, i -> s.status[i] == CustomerState.LEAD ? 1 : 0));
        f.putLazy(CustomerFeatures.CHURNED, () -> column(n, i -> s.observedChurn[i]));
        f.putLazy(CustomerFeatures.REPURCHASE, () -> column(n, i -> repurchase(s, i, t)));
        for (int a = 0; a < catalog.names().size(); a++) {
            int[] codes = new int[n];
            byte[] src = c.attributes[a];
            for (int i = 0; i < n; i++) {
                codes[i] = src[i];
            }
            f.putCategorical(catalog.names().get(a), codes, catalog.levels(a));
        }
        return f;
    }

    /*
     * Recency, frequency and monetary value are read at every re-tiering of every RFM strategy, so they get loops
     * of their own: through the shared column() loop, whose call site sees every feature's lambda, each value
     * would cost a virtual call.
     */

    private static double[] recency(CustomerState s, int n, int t, double periodDays) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            short last = s.lastPurchase[i];
            out[i] = last == CustomerState.NEVER ? Double.NaN : (t - last) * periodDays;
        }
        return out;
    }

    private static double[] frequency(CustomerState s, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = s.frequency[i];
        }
        return out;
    }

    private static double[] monetary(CustomerState s, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = s.monetary[i];
        }
        return out;
    }

    /**
     * Revenue per year over the part of the customer's life the company has records of (since acquisition, or
     * since the simulation started for older customers, at least one period): what "annual fee" means here.
     */
    private static double annualValue(CustomerState s, int i, int t, double periodDays) {
        if (s.status[i] == CustomerState.LEAD) {
            return 0;
        }
        int observed = Math.max(1, t + 1 - Math.max(0, s.acquired[i]));
        return s.monetary[i] / (observed * periodDays / 365.25);
    }

    /** Share of the periods since acquisition in which the customer bought again (0-1). */
    private static double repurchase(CustomerState s, int i, int t) {
        if (s.status[i] == CustomerState.LEAD) {
            return 0;
        }
        int periods = Math.max(1, t - s.acquired[i]);
        return Math.min(1.0, Math.max(0, s.frequency[i] - 1) / (double) periods);
    }

    private interface Value {
        double of(int i);
    }

    private static double[] column(int n, Value v) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = v.of(i);
        }
        return out;
    }
}
