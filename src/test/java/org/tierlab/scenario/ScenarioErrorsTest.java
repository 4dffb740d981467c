package org.tierlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tierlab.config.ConfigException;
import org.tierlab.score.CustomerFeatures;
import org.tierlab.score.TieringModel;

/** Every kind of bad scenario gets one message naming the file, the line and the key, and what was expected. */
class ScenarioErrorsTest {
    static final String GOOD = """
            name: errors
            horizon: {periods: 6, period: month, warmup: 1}
            replications: 3
            seed: 1
            population:
              customers: 10
              segments:
                - name: a
                  share: 0.4
                  purchase_rate: {shape: 1, rate: 2}
                  dropout: {model: per_period, a: 1, b: 9}
                  spend: {p: 2, q: 3, gamma: 10}
                - name: b
                  share: 0.6
                  purchase_rate: {shape: 1, rate: 2}
                  dropout: {model: per_period, a: 1, b: 9}
                  spend: {p: 2, q: 3, gamma: 10}
            staff:
              team: 10
            models:
              two: {model: two}
            policies:
              p:
                tiers:
                  top:
                    - {action: callback, every: 1, role: team, minutes: 10}
            strategies:
              - {name: s, model: two, policy: p}
            """;

    private static final TieringModel TWO = new TieringModel() {
        @Override
        public List<String> tierNames() {
            return List.of("top", "rest");
        }

        @Override
        public void assign(CustomerFeatures f, int[] out) {
            java.util.Arrays.fill(out, 0, f.size(), 1);
        }
    };

    private static Scenario read(String yaml) {
        return ScenarioReader.of(spec -> {
            spec.allowOnly("model");
            spec.get("model").asChoice("two");
            return TWO;
        }).read("bad.yaml", yaml);
    }

    static List<Arguments> cases() {
        return List.of(
                Arguments.of("unknown key", GOOD.replace("seed: 1", "seed: 1\nsed: 2"), 5, "sed", "unknown key"),
                Arguments.of("missing field", GOOD.replace("seed: 1\n", ""), 1, "seed", "missing required key"),
                Arguments.of("wrong type", GOOD.replace("replications: 3", "replications: many"), 3, "replications",
                        "expected a whole number"),
                Arguments.of("probability outside [0,1]", GOOD.replace("share: 0.4", "share: 1.4"), 9,
                        "population.segments[0].share", "between 0 and 1"),
                Arguments.of("shares not summing to 1", GOOD.replace("share: 0.6", "share: 0.5"), 8,
                        "population.segments", "must sum to 1"),
                Arguments.of("tier produced by no model", GOOD.replace("  top:\n", "  gold:\n"), 25,
                        "policies.p.tiers.gold", "produced by no model"),
                Arguments.of("negative capacity", GOOD.replace("team: 10", "team: -5"), 19, "staff.team",
                        "0 or more hours"),
                Arguments.of("unknown role", GOOD.replace("role: team", "role: sales"), 26,
                        "policies.p.tiers.top[0].role", "no staff role"),
                Arguments.of("unknown model", GOOD.replace("model: two, policy", "model: three, policy"), 28,
                        "strategies[0].model", "no model named"),
                Arguments.of("horizon too long", GOOD.replace("periods: 6,", "periods: 10000,"), 2, "horizon",
                        "periods + warmup must be at most 10000, found 10001"),
                Arguments.of("too many actions", GOOD.replace("        - {action: callback, every: 1, role: team, minutes: 10}\n",
                        "        - {action: callback, every: 1, role: team, minutes: 10}\n".repeat(257)), 24,
                        "policies.p", "has 257 actions; at most 256 are supported"),
                Arguments.of("bad YAML", GOOD.replace("seed: 1", "seed: [1"), 5, null, "not valid YAML"),
                Arguments.of("duplicate key", GOOD.replace("seed: 1", "seed: 1\nseed: 2"), 5, "seed",
                        "duplicate key 'seed' (first given on line 4)"),
                Arguments.of("duplicate segment name", GOOD.replace("- name: b", "- name: a"), 13,
                        "population.segments[1].name", "segment name 'a' is used twice"),
                Arguments.of("duplicate strategy name", GOOD + "  - {name: s, model: two, policy: p}\n", 29,
                        "strategies[1].name", "strategy name 's' is used twice"),
                Arguments.of("tier produced by no model, flow-style list", GOOD.replace(
                        "      top:\n        - {action: callback, every: 1, role: team, minutes: 10}\n",
                        "      gold: [{action: callback, every: 1, role: team, minutes: 10}]\n"), 25,
                        "policies.p.tiers.gold", "produced by no model"),
                Arguments.of("uniform baseline on a trigger", GOOD + "baselines:\n  uniform: {action: welcome_sequence,"
                        + " on: new, role: team, minutes: 10}\n", 30, "baselines.uniform.on",
                        "the uniform baseline treats everybody on a schedule; expected 'every' (periods), not 'on'"),
                Arguments.of("model name ending in a space", GOOD.replace("  two: {model: two}", "  \"two \": {model: two}")
                        .replace("model: two, policy", "model: \"two \", policy"), 21, "models.two ",
                        "model name 'two ' starts or ends with a space"),
                Arguments.of("model name starting with a tab", GOOD.replace("  two: {model: two}", "  \"\\ttwo\": {model: two}"),
                        21, "models.\ttwo", "model name '?two' starts or ends with a space"),
                Arguments.of("huge arrivals", GOOD.replace("  customers: 10\n",
                        "  customers: 10\n  arrivals: {per_period: 1e12}\n"), 7, "population.arrivals.per_period",
                        "expected a number from 0.0 to 1.0E7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsNamedPrecisely(String what, String yaml, int line, String key, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(yaml));
        assertEquals("bad.yaml", e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        if (key != null) {
            assertEquals(key, e.key(), e.getMessage());
        }
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.yaml:" + line + ": "), e.getMessage());
    }

    /**
     * The attribute model's scope in a scenario file, read by the real model parser: group is accepted, a bad value
     * or a scope without 'within' is named at its line and key.
     */
    @org.junit.jupiter.api.Test
    void attributeScopeIsReadFromTheModelsSection() {
        assertEquals(3, readWithRegionalModel("within: {model: abc}, scope: group").strategies().size());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> readWithRegionalModel("within: {model: abc}, scope: per-region"));
        assertTrue(bad.getMessage().startsWith("bad.yaml:22: 'models.regional.scope': expected base (the 'within'"
                + " model tiers the whole customer base) or group"), bad.getMessage());
        ConfigException alone = assertThrows(ConfigException.class, () -> readWithRegionalModel("scope: group"));
        assertTrue(alone.getMessage().startsWith("bad.yaml:22: 'models.regional.scope': scope says whose customers"
                + " the 'within' model tiers, and no 'within' is given"), alone.getMessage());
    }

    /** GOOD plus a model 'regional' (an attribute model with {@code keys}) on line 22, read by the real parser. */
    private static Scenario readWithRegionalModel(String keys) {
        String regional = "  regional: {model: attribute, attribute: region, levels: [north], " + keys + "}\n";
        return ScenarioReader.of(spec -> spec.get("model").asString().equals("two") ? TWO
                : org.tierlab.score.TieringSpecs.parse(spec))
                .read("bad.yaml", GOOD.replace("  two: {model: two}\n", "  two: {model: two}\n" + regional));
    }

    @org.junit.jupiter.api.Test
    void theGoodScenarioReads() {
        Scenario sc = read(GOOD);
        assertEquals(3, sc.strategies().size(), "two baselines plus one strategy");
    }
}
