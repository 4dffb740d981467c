package org.tierlab.score;

import java.util.List;

/**
 * Lifecycle stages by rules over observed history, checked in this order (the first that holds decides):
 * <ol>
 *   <li>{@code lead}: the record is a lead that has not bought;</li>
 *   <li>{@code churned}: known to have left, or no purchase for {@code churnedDays} days;</li>
 *   <li>{@code at_risk}: no purchase for {@code atRiskDays} days, or a last survey answer at or below
 *       {@code surveyAtRisk}, or a purchase trend at or below {@code trendAtRisk};</li>
 *   <li>{@code new}: a customer for at most {@code newDays} days;</li>
 *   <li>{@code established}: everyone else.</li>
 * </ol>
 * Tier names are listed in service-priority order: at_risk, established, new, lead, churned. Features used:
 * lead, churned, recency, tenure, and survey and trend when present (a missing survey answer never triggers).
 */
public final class LifecycleModel implements TieringModel {
    /** Stage names, in priority order. */
    public static final List<String> STAGES = List.of("at_risk", "established", "new", "lead", "churned");
    private static final int AT_RISK = 0;
    private static final int ESTABLISHED = 1;
    private static final int NEW = 2;
    private static final int LEAD = 3;
    private static final int CHURNED = 4;

    private final Thresholds thresholds;

    /**
     * The rule thresholds.
     *
     * @param newDays at most this tenure is new
     * @param atRiskDays at least this many days without purchase is at risk
     * @param churnedDays at least this many days without purchase is churned
     * @param surveyAtRisk a last survey answer at or below this is at risk (use -1 to switch off)
     * @param trendAtRisk a trend at or below this is at risk (use -infinity to switch off)
     */
    public record Thresholds(double newDays, double atRiskDays, double churnedDays, double surveyAtRisk,
            double trendAtRisk) {
        /** Checks the thresholds are in order. */
        public Thresholds {
            if (!(newDays >= 0) || !(atRiskDays > 0) || !(churnedDays > atRiskDays)) {
                throw new IllegalArgumentException("thresholds must satisfy new_days >= 0, at_risk_days > 0 and "
                        + "churned_days > at_risk_days; found " + newDays + ", " + atRiskDays + ", " + churnedDays);
            }
        }

        /** Defaults: new for 90 days, at risk after 90 days without purchase, churned after 365, detractors at risk. */
        public static Thresholds defaults() {
            return new Thresholds(90, 90, 365, 6, Double.NEGATIVE_INFINITY);
        }
    }

    private LifecycleModel(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** A lifecycle model with the given thresholds. */
    public static LifecycleModel of(Thresholds thresholds) {
        return new LifecycleModel(thresholds);
    }

    @Override
    public List<String> tierNames() {
        return STAGES;
    }

    @Override
    public void assign(CustomerFeatures f, int[] out) {
        int n = f.size();
        double[] lead = f.hasNumeric(CustomerFeatures.LEAD) ? f.numeric(CustomerFeatures.LEAD) : null;
        double[] churned = f.hasNumeric(CustomerFeatures.CHURNED) ? f.numeric(CustomerFeatures.CHURNED) : null;
        double[] recency = f.numeric(CustomerFeatures.RECENCY);
        double[] tenure = Columns.finite(f, CustomerFeatures.TENURE, false);
        double[] survey = f.hasNumeric(CustomerFeatures.SURVEY) ? f.numeric(CustomerFeatures.SURVEY) : null;
        double[] trend = f.hasNumeric(CustomerFeatures.TREND) ? f.numeric(CustomerFeatures.TREND) : null;
        Thresholds t = thresholds;
        // parallel chunks; a chunk reports its first customer with a negative recency instead of throwing, so
        // the error always names the first such customer of the whole column
        List<Integer> bad = Chunks.map(n, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                double r = recency[i];
                if (lead != null && lead[i] != 0 || Double.isNaN(r)) {
                    out[i] = LEAD;
                } else if (r < 0) {
                    return i;
                } else if (churned != null && churned[i] != 0 || r >= t.churnedDays()) {
                    out[i] = CHURNED;
                } else if (r >= t.atRiskDays() || survey != null && survey[i] <= t.surveyAtRisk()
                        || trend != null && trend[i] <= t.trendAtRisk()) {
                    out[i] = AT_RISK;
                } else if (tenure[i] <= t.newDays()) {
                    out[i] = NEW;
                } else {
                    out[i] = ESTABLISHED;
                }
            }
            return -1;
        });
        for (int i : bad) {
            if (i >= 0) {
                throw new IllegalArgumentException("feature 'recency' of customer #" + (i + 1) + " is " + recency[i]
                        + "; expected days >= 0");
            }
        }
    }
}
