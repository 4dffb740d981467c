package org.tierlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.tierlab.scenario.Scenario;
import org.tierlab.stats.Estimate;
import org.tierlab.stats.MomentAccumulator;

/**
 * All unit results of an experiment, indexed [strategy][replication], with the estimators the outputs need:
 * means with confidence intervals over replications and paired differences between strategies.
 */
public final class ExperimentResult {
    private final Scenario scenario;
    private final UnitResult[][] units;

    ExperimentResult(Scenario scenario, UnitResult[][] units) {
        this.scenario = scenario;
        this.units = units;
    }

    /** The scenario that was run. */
    public Scenario scenario() {
        return scenario;
    }

    /** Result of one unit. */
    public UnitResult unit(int strategy, int replication) {
        return units[strategy][replication];
    }

    /** Number of strategies (baselines included). */
    public int strategies() {
        return units.length;
    }

    /** Number of replications. */
    public int replications() {
        return units[0].length;
    }

    /** Tier names reported for a strategy: the model's tiers, then "unassigned". */
    public List<String> tierNames(int strategy) {
        List<String> names = new ArrayList<>(scenario.strategies().get(strategy).model().tierNames());
        names.add("unassigned");
        return names;
    }

    /** Mean and CI over replications of a per-unit value. */
    public Estimate estimate(int strategy, ToDoubleFunction<UnitResult> value) {
        MomentAccumulator acc = new MomentAccumulator();
        for (UnitResult u : units[strategy]) {
            acc.accept(value.applyAsDouble(u));
        }
        return acc.estimate();
    }

    /** Mean and CI of the paired difference (strategy minus baseline) replication by replication. */
    public Estimate difference(int strategy, int baseline, ToDoubleFunction<UnitResult> value) {
        MomentAccumulator acc = new MomentAccumulator();
        for (int r = 0; r < units[strategy].length; r++) {
            acc.accept(value.applyAsDouble(units[strategy][r]) - value.applyAsDouble(units[baseline][r]));
        }
        return acc.estimate();
    }
}
