package org.tierlab.scenario;

import org.tierlab.score.TieringModel;

/**
 * One contender in a comparison: a tiering model, a policy and how often customers are re-tiered.
 *
 * @param name strategy name (the baselines are {@code no-maintenance} and {@code uniform})
 * @param modelName the model's name in the scenario (or the baseline's)
 * @param model the tiering model
 * @param policy the policy applied per tier
 * @param retierEvery re-tier every this many periods; 0 means once at the start of measurement (static)
 * @param uniform true for the uniform-treatment baseline, which ignores tiers and spreads the staff budget
 */
public record Strategy(String name, String modelName, TieringModel model, Policy policy, int retierEvery,
        boolean uniform) {
    /** Validates the cadence. */
    public Strategy {
        if (retierEvery < 0) {
            throw new IllegalArgumentException("retier_every must be >= 0");
        }
    }
}
