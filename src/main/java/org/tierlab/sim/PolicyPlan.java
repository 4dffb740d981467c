package org.tierlab.sim;

import java.util.ArrayList;
import java.util.List;
import org.tierlab.scenario.Action;
import org.tierlab.scenario.Horizon;
import org.tierlab.scenario.Policy;

/**
 * A policy compiled against one tiering model's tier list and the scenario's staff roles: every action as a row
 * of flat primitive arrays, grouped by tier, so the per-period action loop touches no maps, strings or objects.
 * Groups are the model's tiers 0..K-1, then "unassigned" (K), then "all" (K+1): actions listed under the tier
 * name {@code all} apply to every customer whatever their tier (a welcome sequence, say), after the tiered ones.
 */
final class PolicyPlan {
    static final int TRIGGER_EVERY = 0;
    static final int TRIGGER_NEW = 1;
    static final int TRIGGER_AT_RISK = 2;
    /** Action rows are referred to by one unsigned byte per customer. */
    static final int MAX_ACTIONS = org.tierlab.scenario.ScenarioReader.MAX_ACTIONS;

    /** Actions of group g are rows first[g] .. first[g+1]-1. */
    final int[] first;
    final int[] trigger;
    final int[] cadence;
    /** Staff role index, -1 for automated actions. */
    final int[] role;
    final double[] minutes;
    final double[] cost;
    /** Effect multipliers, rounded to float once: customers hold the row index of their current effect. */
    final float[] churnMultiplier;
    final float[] purchaseMultiplier;
    final double[] satisfactionChange;
    final int[] duration;
    /** Per group: the smallest cadence of its staffed scheduled actions (the contact it promises), 0 for none. */
    final int[] promisedInterval;
    final double atRiskDays;

    private PolicyPlan(List<Action> rows, int[] first, int[] promised, List<String> roles, double atRiskDays) {
        int n = rows.size();
        this.first = first;
        this.promisedInterval = promised;
        this.atRiskDays = atRiskDays;
        trigger = new int[n];
        cadence = new int[n];
        role = new int[n];
        minutes = new double[n];
        cost = new double[n];
        churnMultiplier = new float[n];
        purchaseMultiplier = new float[n];
        satisfactionChange = new double[n];
        duration = new int[n];
        for (int j = 0; j < n; j++) {
            Action a = rows.get(j);
            trigger[j] = triggerOf(a);
            cadence[j] = a.schedule() instanceof Action.Schedule.Every e ? e.periods() : 0;
            role[j] = a.role() == null ? -1 : roles.indexOf(a.role());
            minutes[j] = a.minutes();
            cost[j] = a.cost();
            churnMultiplier[j] = (float) a.effect().churnMultiplier();
            purchaseMultiplier[j] = (float) a.effect().purchaseMultiplier();
            satisfactionChange[j] = a.effect().satisfactionChange();
            // no effect outlasts the longest horizon, so period numbers stay within 16 bits
            duration[j] = Math.min(a.effect().duration(), Horizon.MAX_TOTAL_PERIODS);
        }
    }

    static PolicyPlan compile(Policy policy, List<String> tiers, List<String> roles) {
        int k = tiers.size();
        List<Action> rows = new ArrayList<>();
        int[] first = new int[k + 3];
        int[] promised = new int[k + 2];
        for (int g = 0; g < k + 2; g++) {
            String name = g < k ? tiers.get(g) : g == k ? "unassigned" : "all";
            first[g] = rows.size();
            for (Action a : policy.actionsByTier().getOrDefault(name, List.of())) {
                rows.add(a);
                if (a.schedule() instanceof Action.Schedule.Every e && a.minutes() > 0) {
                    promised[g] = promised[g] == 0 ? e.periods() : Math.min(promised[g], e.periods());
                }
            }
        }
        first[k + 2] = rows.size();
        if (rows.size() > MAX_ACTIONS) {
            throw new IllegalArgumentException("policy " + policy.name() + " has " + rows.size()
                    + " actions for this model's tiers; at most " + MAX_ACTIONS + " are supported");
        }
        return new PolicyPlan(rows, first, promised, roles, policy.atRiskDays());
    }

    private static int triggerOf(Action a) {
        if (a.schedule() instanceof Action.Schedule.OnNew) {
            return TRIGGER_NEW;
        }
        return a.schedule() instanceof Action.Schedule.OnAtRisk ? TRIGGER_AT_RISK : TRIGGER_EVERY;
    }

    /** True if group g has at least one action. */
    boolean hasActions(int g) {
        return first[g + 1] > first[g];
    }
}
