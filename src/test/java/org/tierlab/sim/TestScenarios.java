package org.tierlab.sim;

import java.util.List;
import org.tierlab.config.ConfigNode;
import org.tierlab.scenario.Scenario;
import org.tierlab.scenario.ScenarioReader;
import org.tierlab.score.CustomerFeatures;
import org.tierlab.score.TieringModel;

/** Small scenarios for engine tests, tiered by a test model that needs no scoring library. */
final class TestScenarios {
    private TestScenarios() {
    }

    /**
     * Tiers "top" and "rest": the first {@code share} of the known people by index are "top". Deterministic and
     * independent of behaviour, so capacity arithmetic can be checked by hand.
     */
    static TieringModel halves(double share) {
        return new TieringModel() {
            @Override
            public List<String> tierNames() {
                return List.of("top", "rest");
            }

            @Override
            public void assign(CustomerFeatures features, int[] out) {
                int cut = (int) Math.round(features.size() * share);
                for (int i = 0; i < features.size(); i++) {
                    out[i] = i < cut ? 0 : 1;
                }
            }
        };
    }

    static ScenarioReader reader() {
        return ScenarioReader.of((ConfigNode spec) -> {
            spec.allowOnly("model", "share");
            spec.get("model").asChoice("halves");
            return halves(spec.doubleOr("share", 0.5));
        });
    }

    static Scenario read(String yaml) {
        return reader().read("test.yaml", yaml);
    }
}
