package org.tierlab.scenario;

/**
 * What a maintenance action does to the customer who receives it: multipliers on the churn hazard and on the
 * purchase rate that last {@code duration} periods, and a one-off change in satisfaction.
 */
public record Effect(double churnMultiplier, double purchaseMultiplier, double satisfactionChange, int duration) {
    /** No effect at all. */
    public static final Effect NONE = new Effect(1, 1, 0, 0);

    /** Validates ranges. */
    public Effect {
        if (!(churnMultiplier >= 0) || !Double.isFinite(churnMultiplier)) {
            throw new IllegalArgumentException("churn multiplier must be >= 0: " + churnMultiplier);
        }
        if (!(purchaseMultiplier >= 0) || !Double.isFinite(purchaseMultiplier)) {
            throw new IllegalArgumentException("purchase multiplier must be >= 0: " + purchaseMultiplier);
        }
        if (!Double.isFinite(satisfactionChange)) {
            throw new IllegalArgumentException("satisfaction change must be finite");
        }
        if (duration < 0) {
            throw new IllegalArgumentException("duration must be >= 0: " + duration);
        }
    }
}
