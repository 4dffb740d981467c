package org.tierlab.scenario;

import java.util.List;
import java.util.Map;

/**
 * Everything one experiment needs: the population, the behaviour model, staff capacity and the strategies to
 * compare (the two baselines included). Read from a YAML file by {@link ScenarioReader}.
 *
 * @param name scenario name, also the default run folder name
 * @param description free text
 * @param horizon periods, period length, warm-up
 * @param replications independent replications
 * @param seed the one root seed every random stream derives from
 * @param population the synthetic customers
 * @param behaviour satisfaction and survey model
 * @param capacityHours staff hours per period by role, in the order given
 * @param strategies strategies to compare, baselines first
 * @param text the scenario file's text, kept for the run folder
 */
public record Scenario(String name, String description, Horizon horizon, int replications, long seed,
        Population population, Behaviour behaviour, Map<String, Double> capacityHours, List<Strategy> strategies,
        String text) {
    /** Copies collections and validates counts. */
    public Scenario {
        strategies = List.copyOf(strategies);
        capacityHours = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(capacityHours));
        if (replications < 2) {
            throw new IllegalArgumentException("replications must be >= 2 for confidence intervals");
        }
    }

    /** The staff roles in declaration order. */
    public List<String> roles() {
        return List.copyOf(capacityHours.keySet());
    }

    /** This scenario with replications and seed replaced (CLI overrides). */
    public Scenario with(Integer newReplications, Long newSeed) {
        return new Scenario(name, description, horizon, newReplications == null ? replications : newReplications,
                newSeed == null ? seed : newSeed, population, behaviour, capacityHours, strategies, text);
    }
}
