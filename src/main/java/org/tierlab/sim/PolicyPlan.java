package org.tierlab.sim;

import java.util.List;
import org.tierlab.scenario.Action;
import org.tierlab.scenario.Policy;

/**
 * A policy compiled against one tiering model's tier list: per tier, its actions as primitive arrays, so the
 * per-period action loop touches no maps or objects. Actions listed under the tier name {@code all} apply to
 * every customer whatever their tier (for example a welcome sequence), after the tiered actions.
 */
final class PolicyPlan {
    static final int TRIGGER_EVERY = 0;
    static final int TRIGGER_NEW = 1;
    static final int TRIGGER_AT_RISK = 2;

    /** Actions for tiers 0..K-1, then "unassigned" (K), then "all" (K+1). */
    final Action[][] actions;
    /** Smallest cadence of the tier's scheduled actions: the contact interval the tier promises, 0 for none. */
    final int[] promisedInterval;
    final double atRiskDays;

    private PolicyPlan(Action[][] actions, int[] promisedInterval, double atRiskDays) {
        this.actions = actions;
        this.promisedInterval = promisedInterval;
        this.atRiskDays = atRiskDays;
    }

    static PolicyPlan compile(Policy policy, List<String> tiers) {
        int k = tiers.size();
        Action[][] actions = new Action[k + 2][];
        int[] promised = new int[k + 2];
        for (int t = 0; t < k + 2; t++) {
            String name = t < k ? tiers.get(t) : t == k ? "unassigned" : "all";
            List<Action> list = policy.actionsByTier().getOrDefault(name, List.of());
            actions[t] = list.toArray(new Action[0]);
            for (Action a : list) {
                if (a.schedule() instanceof Action.Schedule.Every e && a.minutes() > 0) {
                    promised[t] = promised[t] == 0 ? e.periods() : Math.min(promised[t], e.periods());
                }
            }
        }
        return new PolicyPlan(actions, promised, policy.atRiskDays());
    }

    static int trigger(Action a) {
        if (a.schedule() instanceof Action.Schedule.OnNew) {
            return TRIGGER_NEW;
        }
        return a.schedule() instanceof Action.Schedule.OnAtRisk ? TRIGGER_AT_RISK : TRIGGER_EVERY;
    }
}
