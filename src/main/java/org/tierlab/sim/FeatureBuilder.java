package org.tierlab.sim;

import org.tierlab.scenario.Population;
import org.tierlab.score.CustomerFeatures;

/**
 * Turns the observable part of the simulation state into {@link CustomerFeatures} for the first {@code n} people
 * (those the company knows of). Columns are lazy, so a model that reads three columns costs three arrays, and
 * models release them after use.
 */
final class FeatureBuilder {
    /** Revenue per year of observed relationship; see {@link #annualValue}. */
    static final String ANNUAL_VALUE = CustomerFeatures.ANNUAL_VALUE;

    private static final int RECENCY = 0;
    private static final int FREQUENCY = 1;
    private static final int MONETARY = 2;
    private static final int ANNUAL = 3;
    private static final int PROFIT = 4;
    private static final int TENURE = 5;
    private static final int SURVEY = 6;
    private static final int TREND = 7;
    private static final int LEAD = 8;
    private static final int CHURNED = 9;
    private static final int REPURCHASE = 10;
    /** Each numeric feature's name, indexed by the constants above: what {@link #build} and {@link #probe} give. */
    private static final String[] NAMES = {CustomerFeatures.RECENCY, CustomerFeatures.FREQUENCY,
        CustomerFeatures.MONETARY, ANNUAL_VALUE, CustomerFeatures.PROFIT, CustomerFeatures.TENURE,
        CustomerFeatures.SURVEY, CustomerFeatures.TREND, CustomerFeatures.LEAD, CustomerFeatures.CHURNED,
        CustomerFeatures.REPURCHASE};

    private final Customers c;
    private final CustomerState s;
    private final int n;
    private final int t;
    private final double periodDays;
    private final double[] segmentMargin;

    private FeatureBuilder(Customers c, CustomerState s, int n, int t, double periodDays, double[] segmentMargin) {
        this.c = c;
        this.s = s;
        this.n = n;
        this.t = t;
        this.periodDays = periodDays;
        this.segmentMargin = segmentMargin;
    }

    static CustomerFeatures build(Customers c, CustomerState s, AttributeCatalog catalog, int n, int t,
            double periodDays, double[] segmentMargin) {
        FeatureBuilder b = new FeatureBuilder(c, s, n, t, periodDays, segmentMargin);
        CustomerFeatures f = CustomerFeatures.of(n);
        for (int k = 0; k < NAMES.length; k++) {
            int feature = k;
            f.putLazy(NAMES[k], () -> b.column(feature));
        }
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

    /**
     * A handful of made-up customers with every feature {@link #build} gives, numeric and categorical, and every
     * level of every attribute of {@code population} (customer i has level i mod the number of levels): what a
     * scenario's models are tried on when it is read, so a model needing a feature or a level the simulator never
     * gives fails at once. Messages name each of them "a simulated customer".
     */
    static CustomerFeatures probe(Population population) {
        AttributeCatalog catalog = AttributeCatalog.of(population);
        int n = 2;
        for (int a = 0; a < catalog.names().size(); a++) {
            n = Math.max(n, catalog.levels(a).size());
        }
        // made up, so a position ("customer #3") would name nobody the scenario's author knows of: the message says
        // what is wrong with the model (the level or value the simulation gives), at the model's line
        CustomerFeatures f = CustomerFeatures.of(n).describedBy(i -> "a simulated customer");
        // plausible, distinct values per customer, in the order of NAMES: days, counts, money, 0-10 answers,
        // 0/1 flags, shares
        double[][] values = new double[NAMES.length][n];
        for (int i = 0; i < n; i++) {
            double[] v = {30.0 * i, 1 + i, 100.0 * (i + 1), 120.0 * (i + 1), 30.0 * (i + 1), 365.0 * (i + 1), i % 11,
                0.1 * i, 0, 0, (i % 5) / 4.0};
            for (int k = 0; k < NAMES.length; k++) {
                values[k][i] = v[k];
            }
        }
        for (int k = 0; k < NAMES.length; k++) {
            f.put(NAMES[k], values[k]);
        }
        for (int a = 0; a < catalog.names().size(); a++) {
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                codes[i] = i % catalog.levels(a).size();
            }
            f.putCategorical(catalog.names().get(a), codes, catalog.levels(a));
        }
        return f;
    }

    /**
     * One feature for every known person. The feature is a switch inside the loop rather than a function object
     * per feature: a call through an interface shared by eleven features could not be inlined and cost a call per
     * value, which made monthly lifecycle re-tiering of a million customers slow; the switch's branch is the same
     * for the whole loop.
     */
    private double[] column(int feature) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = value(feature, i);
        }
        return out;
    }

    private double value(int feature, int i) {
        switch (feature) {
            case RECENCY:
                short last = s.lastPurchase[i];
                return last == CustomerState.NEVER ? Double.NaN : daysSince(t - last, periodDays);
            case FREQUENCY:
                return s.frequency[i];
            case MONETARY:
                return s.monetary[i];
            case ANNUAL:
                return annualValue(i);
            case PROFIT:
                // gross margin is the segment's margin on the customer's revenue: not stored, as it is that product
                return s.monetary[i] * segmentMargin[c.segment[i]] - s.serviceCost[i];
            case TENURE:
                return s.status[i] == CustomerState.LEAD ? 0 : (t - s.acquired[i]) * periodDays;
            case SURVEY:
                return s.survey[i] < 0 ? Double.NaN : s.survey[i];
            case TREND:
                return s.recentRate[i] - s.longRate[i];
            case LEAD:
                return s.status[i] == CustomerState.LEAD ? 1 : 0;
            case CHURNED:
                return s.observedChurn[i];
            default:
                return repurchase(i);
        }
    }

    /**
     * The days in {@code periods} periods as a company's records count them since a purchase: whole days, as
     * replayed logs have them too. Whole numbers also let RFM count the few distinct recency values in one pass
     * instead of ranking fractional days, and rounding keeps the order and the ties of the exact figure, since
     * periods are days apart. The recency feature and the policy's at-risk trigger both count days this way.
     */
    static double daysSince(int periods, double periodDays) {
        return Math.rint(periods * periodDays);
    }

    /**
     * Revenue per year over the part of the customer's life the company has records of (since acquisition, or
     * since the simulation started for older customers, at least one period): what "annual fee" means here.
     */
    private double annualValue(int i) {
        if (s.status[i] == CustomerState.LEAD) {
            return 0;
        }
        int observed = Math.max(1, t + 1 - Math.max(0, s.acquired[i]));
        return s.monetary[i] / (observed * periodDays / 365.25);
    }

    /** Share of the periods since acquisition in which the customer bought again (0-1). */
    private double repurchase(int i) {
        if (s.status[i] == CustomerState.LEAD) {
            return 0;
        }
        int periods = Math.max(1, t - s.acquired[i]);
        return Math.min(1.0, Math.max(0, s.frequency[i] - 1) / (double) periods);
    }
}
