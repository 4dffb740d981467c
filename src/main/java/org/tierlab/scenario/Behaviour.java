package org.tierlab.scenario;

/**
 * How satisfaction moves and what it does, and how surveys sample it.
 *
 * @param satisfactionEffects false switches off every satisfaction effect on churn and purchases
 * @param drift share of the gap to the customer's baseline satisfaction closed each period
 * @param noiseSd sd of the per-period random change in satisfaction
 * @param neglectPenalty satisfaction lost per period a customer goes without the contact its tier expects
 * @param churnSensitivity churn hazard is multiplied by exp(-k (s - reference))
 * @param purchaseSensitivity purchase rate is multiplied by exp(k (s - reference))
 * @param reference satisfaction at which both multipliers are 1
 * @param surveyShare share of active customers asked the 0-10 question each period
 * @param surveyNoiseSd sd of the answer around the customer's satisfaction
 * @param repurchaseWindow periods over which a repeat purchase counts for the repurchase rate
 */
public record Behaviour(boolean satisfactionEffects, double drift, double noiseSd, double neglectPenalty,
        double churnSensitivity, double purchaseSensitivity, double reference, double surveyShare,
        double surveyNoiseSd, int repurchaseWindow) {
    /** Defaults used when a scenario has no {@code behaviour} section. */
    public static Behaviour defaults() {
        return new Behaviour(true, 0.1, 0.2, 0.15, 0.15, 0.1, 7.0, 0.1, 1.0, 3);
    }

    /** Validates ranges. */
    public Behaviour {
        Checks.probability("drift", drift);
        Checks.nonNegative("noise_sd", noiseSd);
        Checks.nonNegative("neglect_penalty", neglectPenalty);
        Checks.nonNegative("churn_sensitivity", churnSensitivity);
        Checks.nonNegative("purchase_sensitivity", purchaseSensitivity);
        Checks.probability("survey.share", surveyShare);
        Checks.nonNegative("survey.noise_sd", surveyNoiseSd);
        if (repurchaseWindow < 1) {
            throw new IllegalArgumentException("repurchase_window must be >= 1");
        }
    }
}
