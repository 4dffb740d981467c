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
    /** Marks a negative recency during {@link #assign}; never a result. */
    private static final int NEGATIVE_RECENCY = -1;

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

    /**
     * Applies the rules from the lowest precedence to the highest, one column per pass, each pass overwriting the
     * stage where its rule holds: the result is that of testing the rules in order (lead, churned, at risk, new,
     * established), while a simulator's lazy columns are computed and released one at a time.
     */
    @Override
    public void assign(CustomerFeatures f, int[] out) {
        Thresholds t = thresholds;
        double[] tenure = Columns.finite(f, CustomerFeatures.TENURE, false);
        Chunks.forEach(f.size(), (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = tenure[i] <= t.newDays() ? NEW : ESTABLISHED;
            }
        });
        f.release(CustomerFeatures.TENURE);
        markAtMost(f, CustomerFeatures.TREND, t.trendAtRisk(), false, out);
        checkSurvey(f);
        markAtMost(f, CustomerFeatures.SURVEY, t.surveyAtRisk(), true, out); // a survey never answered is no alarm
        double[] recency = f.numeric(CustomerFeatures.RECENCY);
        boolean anyNegative = Chunks.map(f.size(), (c, from, to) -> {
            boolean negative = false;
            for (int i = from; i < to; i++) {
                double r = recency[i];
                if (Double.isNaN(r)) {
                    out[i] = LEAD;
                } else if (r < 0 || r == Double.POSITIVE_INFINITY) {
                    out[i] = NEGATIVE_RECENCY; // an error unless the customer turns out to be a lead
                    negative = true;
                } else if (r >= t.churnedDays()) {
                    out[i] = CHURNED;
                } else if (r >= t.atRiskDays()) {
                    out[i] = AT_RISK;
                }
            }
            return negative;
        }).contains(true);
        f.release(CustomerFeatures.RECENCY);
        markFlagged(f, CustomerFeatures.CHURNED, CHURNED, out);
        markFlagged(f, CustomerFeatures.LEAD, LEAD, out);
        for (int i = 0; anyNegative && i < f.size(); i++) {
            if (out[i] == NEGATIVE_RECENCY) {
                double r = f.numeric(CustomerFeatures.RECENCY)[i];
                throw new IllegalArgumentException("feature 'recency' of " + f.describe(i) + " is " + r
                        + (r < 0 ? "; expected days >= 0"
                                : "; expected a finite number of days >= 0 (or empty if the customer never bought)"));
            }
        }
    }

    /**
     * A survey answer is on the 0..10 scale, or missing (NaN: never answered, which never triggers). Anything else
     * (11, -1, an infinity) would silently count as a detractor or a promoter: an error naming the customer.
     */
    private static void checkSurvey(CustomerFeatures f) {
        if (!f.hasNumeric(CustomerFeatures.SURVEY)) {
            return;
        }
        double[] v = f.numeric(CustomerFeatures.SURVEY);
        boolean anyBad = Chunks.map(f.size(), (c, from, to) -> {
            for (int i = from; i < to; i++) {
                if (v[i] < 0 || v[i] > 10) {
                    return true;
                }
            }
            return false;
        }).contains(true);
        for (int i = 0; anyBad && i < v.length; i++) {
            if (v[i] < 0 || v[i] > 10) {
                throw new IllegalArgumentException("feature 'survey' of " + f.describe(i) + " is " + v[i]
                        + "; expected an answer from 0 to 10 (or empty if never answered)");
            }
        }
    }

    /**
     * Sets at risk where an optional column's value is at most {@code limit}, then releases the column. A missing
     * value (NaN) never triggers where {@code missingAllowed}, and is otherwise an error naming the customer: no
     * rule says what a missing trend means, and skipping it would silently leave a customer out of at risk.
     */
    private static void markAtMost(CustomerFeatures f, String name, double limit, boolean missingAllowed, int[] out) {
        if (!f.hasNumeric(name)) {
            return;
        }
        double[] v = missingAllowed ? f.numeric(name) : Columns.finite(f, name, true);
        int stage = AT_RISK;
        Chunks.forEach(f.size(), (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = v[i] <= limit ? stage : out[i];
            }
        });
        f.release(name);
    }

    /**
     * Sets {@code stage} where an optional 0/1 column is set, except over a stage of higher precedence (lead,
     * or the negative-recency mark, which only a lead may clear), then releases the column. A value other than
     * 0 or 1 (an empty cell among them) is an error: read as "set", it would silently make the customer a lead
     * or churned.
     */
    private static void markFlagged(CustomerFeatures f, String name, int stage, int[] out) {
        if (!f.hasNumeric(name)) {
            return;
        }
        double[] v = f.numeric(name);
        boolean isLead = stage == LEAD;
        boolean anyBad = Chunks.map(f.size(), (c, from, to) -> {
            boolean bad = false;
            for (int i = from; i < to; i++) {
                bad |= v[i] != 0 && v[i] != 1;
                boolean keep = !isLead && (out[i] == LEAD || out[i] == NEGATIVE_RECENCY);
                out[i] = v[i] != 0 && !keep ? stage : out[i];
            }
            return bad;
        }).contains(true);
        if (anyBad) {
            Columns.flags(f, name); // throws, naming the first bad customer
        }
        f.release(name);
    }
}
