package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tierlab.config.ConfigException;
import org.tierlab.config.ConfigNode;

/** Model specifications as files give them: the attribute model's {@code scope} and RFM custom breaks, with their errors. */
class TieringSpecsTest {
    /** A scenario's models section holding one attribute model; {@code SCOPE} is replaced by each test. */
    private static final String MODELS = """
            models:
              by-region:
                model: attribute
                attribute: region
                levels: [north, south]
                SCOPE
                within: {model: abc}
            """;

    private static TieringModel parse(String yaml) {
        ConfigNode root = ConfigNode.parse("m.yaml", new StringReader(yaml));
        return TieringSpecs.parse(root.get("models").get("by-region"));
    }

    /** North spends 1000, 800, 200 and the south 60, 30, 10: over the whole base the south is all C. */
    private static int[] tiers(TieringModel m) {
        CustomerFeatures f = CustomerFeatures.of(6)
                .put(CustomerFeatures.MONETARY, new double[] {30, 1000, 10, 200, 60, 800})
                .putCategorical("region", new int[] {1, 0, 1, 0, 1, 0}, List.of("north", "south"));
        int[] out = new int[6];
        m.assign(f, out);
        return out;
    }

    @Test
    void scopeBaseIsTheDefaultAndScopeGroupTiersEachLevelApart() {
        int[] wholeBase = {5, 0, 5, 1, 5, 0}; // south / C for the whole south
        assertArrayEquals(wholeBase, tiers(parse(MODELS.replace("SCOPE", ""))));
        assertArrayEquals(wholeBase, tiers(parse(MODELS.replace("SCOPE", "scope: base"))));
        // the south alone (100): 60 and 30 start at 0 % and 60 % (A), 10 at 90 % (B)
        assertArrayEquals(new int[] {3, 0, 4, 1, 3, 0}, tiers(parse(MODELS.replace("SCOPE", "scope: group"))));
    }

    @Test
    void aBadScopeIsNamedWithFileLineAndKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse(MODELS.replace("SCOPE", "scope: regional")));
        assertEquals("m.yaml:6: 'models.by-region.scope': expected base (the 'within' model tiers the whole"
                + " customer base) or group (it tiers each level's customers apart), found 'regional'", e.getMessage());
        ConfigException list = assertThrows(ConfigException.class,
                () -> parse(MODELS.replace("SCOPE", "scope: [group]")));
        assertEquals(6, list.line(), list.getMessage());
        assertEquals("models.by-region.scope", list.key());
        assertEquals("found a list or mapping", list.getMessage().substring(list.getMessage().lastIndexOf("found")));
    }

    @Test
    void aScopeWithoutWithinIsAnError() {
        for (String scope : List.of("scope: group", "scope: base")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> parse(MODELS.replace("SCOPE", scope).replace("    within: {model: abc}\n", "")));
            assertEquals("m.yaml:6: 'models.by-region.scope': scope says whose customers the 'within' model tiers,"
                    + " and no 'within' is given; expected a 'within' model (e.g. within: {model: abc}) or no scope",
                    e.getMessage());
        }
    }

    /** A custom break list of the wrong length is named at its line when the file is read, not blamed on the data. */
    @Test
    void customBreaksOfTheWrongCountAreNamedAtTheirLine() {
        String yaml = """
                models:
                  by-region:
                    model: rfm
                    bins: 3
                    binning: custom
                    breaks:
                      recency: [30, 180]
                      frequency: [1, 5, 9]
                      monetary: [100, 1000]
                    segments: [{name: Best, r: [3, 3], f: [2, 3], m: [2, 3]}]
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        assertEquals("m.yaml:8: 'models.by-region.breaks.frequency': 3 bins need 2 breaks, found 3", e.getMessage());
    }

    /** Weights that sum to zero and a wrong number of names are named at their own keys, not at 'thresholds'. */
    @Test
    void weightedSpecErrorsAreNamedAtTheirKeys() {
        String yaml = """
                models:
                  by-region:
                    model: weighted
                    factors:
                      - {feature: monetary, weight: 0}
                    thresholds: [80, 50]
                    names: [Gold, Silver]
                """;
        ConfigException weights = assertThrows(ConfigException.class, () -> parse(yaml));
        assertEquals("m.yaml:5: 'models.by-region.factors': factor weights must sum to a positive number, they sum"
                + " to 0.0", weights.getMessage());
        ConfigException names = assertThrows(ConfigException.class, () -> parse(yaml.replace("weight: 0", "weight: 1")));
        assertEquals("m.yaml:7: 'models.by-region.names': 2 thresholds make 3 tiers, but 2 names were given",
                names.getMessage());
    }
    /**
     * Segments are matched in order, first match wins: a segment whose every score cell an earlier segment already
     * takes can never be given. That is a mistake in the table, named at the segment's line with the earlier
     * segments that take its scores.
     */
    @Test
    void aSegmentEarlierSegmentsCoverIsAnErrorAtItsLine() {
        String yaml = """
                models:
                  rfm:
                    model: rfm
                    bins: 3
                    segments:
                      - {name: Best, r: [2, 3], f: [2, 3], m: [1, 3]}
                      - {name: Recent, r: [3, 3], f: [1, 1], m: [1, 3]}
                      - {name: Loyal, r: [3, 3], f: [1, 3], m: [2, 3]}
                      - {name: Gone, r: [1, 1], f: [1, 3], m: [1, 3]}
                """;
        ConfigNode root = ConfigNode.parse("m.yaml", new StringReader(yaml));
        ConfigException e = assertThrows(ConfigException.class, () -> TieringSpecs.parse(root.get("models").get("rfm")));
        assertEquals("m.yaml:8: 'models.rfm.segments[2]': segment 'Loyal' can never be given: segments are matched in"
                + " order and every score it covers (R 3, F 1-3, M 2-3) matches an earlier segment (Best, Recent);"
                + " expected each segment to be the first match for some scores (move it up, or narrow the earlier"
                + " ones)", e.getMessage());
        // partly covered is fine: Loyal still takes R 3, F 1, M 2-3 when Recent is narrower
        TieringModel ok = TieringSpecs.parse(ConfigNode.parse("m.yaml", new StringReader(yaml.replace(
                "Recent, r: [3, 3], f: [1, 1], m: [1, 3]", "Recent, r: [3, 3], f: [1, 1], m: [1, 1]")))
                .get("models").get("rfm"));
        assertEquals(List.of("Best", "Recent", "Loyal", "Gone", RfmModel.OTHERS), ok.tierNames());
    }

    /** The same check for a table given in code; the standard table passes it. */
    @Test
    void aCoveredSegmentGivenInCodeIsRefusedButTheStandardTableLoads() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RfmModel.of(3,
                new Binning.Quantile(), List.of(
                        new RfmModel.Segment("All", new int[] {1, 3}, new int[] {1, 3}, new int[] {1, 3}),
                        new RfmModel.Segment("Best", new int[] {3, 3}, new int[] {3, 3}, new int[] {3, 3}))));
        assertEquals("segment 'Best' can never be given: segments are matched in order and every score it covers"
                + " (R 3, F 3, M 3) matches an earlier segment (All); expected each segment to be the first match for"
                + " some scores (move it up, or narrow the earlier ones)", e.getMessage());
        assertEquals(12, RfmModel.of(5, new Binning.Quantile(), null).tierNames().size());
    }

    /**
     * Every standard segment is the first match for some scores (Need Attention was once listed after At Risk, which
     * took all its scores), checked cell by cell against the documented ranges: R 2, F 2, M 2 is Need Attention, R 2
     * with F 4 is At Risk, R 1 with F and M 5 is Can't Lose Them.
     */
    @Test
    void everyStandardSegmentGetsTheScoresTheDocsGiveIt() {
        RfmModel rfm = RfmModel.of(5, new Binning.Quantile(), null);
        byte[] r = new byte[125];
        byte[] f = new byte[125];
        byte[] m = new byte[125];
        for (int k = 0; k < 125; k++) { // every cell once, cell k = (r-1)*25 + (f-1)*5 + (m-1)
            r[k] = (byte) (1 + k / 25);
            f[k] = (byte) (1 + k / 5 % 5);
            m[k] = (byte) (1 + k % 5);
        }
        int[] tiers = new int[125];
        rfm.segments(new RfmScores(r, f, m), tiers);
        java.util.Map<String, Integer> cells = new java.util.TreeMap<>();
        for (int t : tiers) {
            cells.merge(rfm.tierNames().get(t), 1, Integer::sum);
        }
        assertEquals(java.util.Map.ofEntries(java.util.Map.entry("About To Sleep", 3), java.util.Map.entry("At Risk", 16),
                java.util.Map.entry("Can't Lose Them", 4), java.util.Map.entry("Champions", 8),
                java.util.Map.entry("Hibernating", 2), java.util.Map.entry("Lost", 1),
                java.util.Map.entry("Loyal Customers", 28), java.util.Map.entry("Need Attention", 3),
                java.util.Map.entry("New Customers", 2), java.util.Map.entry(RfmModel.OTHERS, 36),
                java.util.Map.entry("Potential Loyalist", 21), java.util.Map.entry("Promising", 1)), cells);
        assertEquals("Need Attention", rfm.tierNames().get(tiers[25 + 5 + 1])); // R 2, F 2, M 2
        assertEquals("At Risk", rfm.tierNames().get(tiers[25 + 15 + 1])); // R 2, F 4, M 2
        assertEquals("Can't Lose Them", rfm.tierNames().get(tiers[20 + 4])); // R 1, F 5, M 5
    }
}
