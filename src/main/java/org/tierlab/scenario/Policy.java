package org.tierlab.scenario;

import java.util.List;
import java.util.Map;

/**
 * A maintenance policy: for each tier name, the actions its customers receive.
 *
 * @param name the policy's name in the scenario
 * @param actionsByTier tier name to its actions (tiers not listed get nothing)
 * @param atRiskDays a customer with no purchase for this many days counts as at risk for {@code on: at_risk}
 */
public record Policy(String name, Map<String, List<Action>> actionsByTier, double atRiskDays) {
    /** Copies the map and checks the at-risk threshold. */
    public Policy {
        actionsByTier = Map.copyOf(actionsByTier);
        if (!(atRiskDays > 0)) {
            throw new IllegalArgumentException("at-risk days must be > 0");
        }
    }

    /** The policy with no actions: the no-maintenance baseline. */
    public static Policy none() {
        return new Policy("no-maintenance", Map.of(), 90);
    }
}
