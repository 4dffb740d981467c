package org.tierlab.score;

import java.util.ArrayList;
import java.util.List;
import org.tierlab.config.ConfigException;
import org.tierlab.config.ConfigNode;

/**
 * Builds a {@link TieringModel} from its YAML specification (in a scenario's {@code models} section or a file
 * given to {@code tierlab score --spec}). Every problem is reported at the offending key's line. The
 * specification keys are documented in docs/scoring.md.
 */
public final class TieringSpecs {
    private TieringSpecs() {
    }

    /**
     * Checks a model's name, a key of a {@code models} map (a scenario's, or a {@code replay --models} file), and
     * returns it. A name with leading or trailing spaces is refused: outputs carry the name in table column names
     * ({@code tier_NAME} in replay's customers.csv), which lose surrounding spaces, so "a " would become "a", or
     * collide with a model named "a". An empty name could not be told from a missing one.
     *
     * @param models the mapping whose key {@code name} is
     * @throws ConfigException naming the file, the key's line and the key
     */
    public static String modelName(ConfigNode models, String name) {
        if (name.isEmpty() || !name.strip().equals(name) || !name.trim().equals(name)) {
            throw new ConfigException(models.file(), models.lineOf(name), models.get(name).path(), "model name '"
                    + name.replaceAll("\\p{Cntrl}", "?") + "' " + (name.isEmpty() ? "is empty" : "starts or ends with a"
                    + " space") + "; expected a name without surrounding spaces (it names the model's tier_NAME column)");
        }
        return name;
    }

    /** Parses one model specification. */
    public static TieringModel parse(ConfigNode spec) {
        String model = spec.get("model").asChoice("rfm", "abc", "top", "lifecycle", "weighted", "attribute",
                "predicted");
        TieringModel parsed;
        try {
            parsed = switch (model) {
                case "rfm" -> rfm(spec);
                case "abc" -> abc(spec);
                case "top" -> top(spec);
                case "predicted" -> predicted(spec);
                case "lifecycle" -> lifecycle(spec);
                case "weighted" -> weighted(spec);
                default -> attribute(spec);
            };
        } catch (IllegalArgumentException e) {
            throw spec.error(e.getMessage());
        }
        checkDistinctNames(spec, parsed);
        return parsed;
    }

    /**
     * Two tiers of one name could not be told apart in any output (a tier column, tier sizes), so they are refused
     * here, for every use of a specification (a scenario, {@code tierlab score}).
     */
    private static void checkDistinctNames(ConfigNode spec, TieringModel model) {
        List<String> names = model.tierNames();
        for (int k = 0; k < names.size(); k++) {
            if (names.indexOf(names.get(k)) != k) {
                throw spec.error("the model names two tiers '" + names.get(k) + "'; expected distinct tier names");
            }
        }
    }

    private static TieringModel rfm(ConfigNode spec) {
        spec.allowOnly("model", "bins", "binning", "breaks", "segments");
        int bins = spec.intOr("bins", 2, 100, 5);
        String mode = spec.stringOr("binning", "quantile");
        List<RfmModel.Segment> segments = spec.has("segments") ? segments(spec.get("segments")) : null;
        try {
            return rfm(spec, bins, mode, segments);
        } catch (RfmModel.UnreachableSegmentException e) {
            throw spec.get("segments").elements().get(e.index()).error(e.getMessage()); // at the segment's own line
        }
    }

    private static TieringModel rfm(ConfigNode spec, int bins, String mode, List<RfmModel.Segment> segments) {
        switch (spec.has("binning") ? spec.get("binning").asChoice("quantile", "ntile", "custom") : mode) {
            case "ntile":
                return RfmModel.of(bins, new Binning.EqualCount(), segments);
            case "custom":
                ConfigNode breaks = spec.get("breaks").allowOnly("recency", "frequency", "monetary");
                return RfmModel.of(bins, custom(breaks.get("recency"), bins), custom(breaks.get("frequency"), bins),
                        custom(breaks.get("monetary"), bins), segments);
            default:
                return RfmModel.of(bins, new Binning.Quantile(), segments);
        }
    }

    /** Custom breaks, checked here so a wrong count is named at the breaks' line, not when data is scored. */
    private static Binning custom(ConfigNode breaks, int bins) {
        if (breaks.elements().size() != bins - 1) {
            throw breaks.error(bins + " bins need " + (bins - 1) + " breaks, found " + breaks.elements().size());
        }
        try {
            return new Binning.Custom(breaks.asDoubles());
        } catch (IllegalArgumentException e) {
            throw breaks.error(e.getMessage());
        }
    }

    private static List<RfmModel.Segment> segments(ConfigNode list) {
        List<RfmModel.Segment> out = new ArrayList<>();
        for (ConfigNode s : list.elements()) {
            s.allowOnly("name", "r", "f", "m");
            try {
                out.add(new RfmModel.Segment(s.get("name").asString(), range(s.get("r")), range(s.get("f")),
                        range(s.get("m"))));
            } catch (IllegalArgumentException e) {
                throw s.error(e.getMessage());
            }
        }
        return out;
    }

    private static int[] range(ConfigNode n) {
        List<ConfigNode> els = n.elements();
        if (els.size() != 2) {
            throw n.error("expected a score range [low, high]");
        }
        return new int[] {els.get(0).asInt(1, 100), els.get(1).asInt(1, 100)};
    }

    private static TieringModel abc(ConfigNode spec) {
        spec.allowOnly("model", "value", "shares", "names");
        double[] shares = spec.has("shares") ? spec.get("shares").asDoubles() : new double[] {0.8, 0.15, 0.05};
        List<String> names = spec.has("names") ? spec.get("names").asStrings() : null;
        return AbcModel.of(spec.stringOr("value", CustomerFeatures.MONETARY), shares, names);
    }

    private static TieringModel top(ConfigNode spec) {
        spec.allowOnly("model", "value", "counts", "names");
        List<ConfigNode> countNodes = spec.list("counts");
        int[] counts = new int[countNodes.size()];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = countNodes.get(k).asInt(1, Integer.MAX_VALUE);
        }
        return TopCountModel.of(spec.stringOr("value", CustomerFeatures.MONETARY), counts, spec.get("names").asStrings());
    }

    private static TieringModel predicted(ConfigNode spec) {
        spec.allowOnly("model", "predictor", "horizon_days", "lapsed_days", "shares", "names");
        spec.get("predictor").asChoice("historical");
        double lapsed = spec.has("lapsed_days") ? spec.get("lapsed_days").asPositive() : 365;
        double horizon = spec.has("horizon_days") ? spec.get("horizon_days").asPositive() : 365;
        double[] shares = spec.has("shares") ? spec.get("shares").asDoubles() : new double[] {0.8, 0.15, 0.05};
        List<String> names = spec.has("names") ? spec.get("names").asStrings() : null;
        return PredictedValueModel.of(ValuePredictor.historicalRate(lapsed), horizon, shares, names);
    }

    private static TieringModel lifecycle(ConfigNode spec) {
        spec.allowOnly("model", "new_days", "at_risk_days", "churned_days", "survey_at_risk", "trend_at_risk");
        LifecycleModel.Thresholds d = LifecycleModel.Thresholds.defaults();
        return LifecycleModel.of(new LifecycleModel.Thresholds(
                spec.has("new_days") ? spec.get("new_days").asNonNegative() : d.newDays(),
                spec.has("at_risk_days") ? spec.get("at_risk_days").asPositive() : d.atRiskDays(),
                spec.has("churned_days") ? spec.get("churned_days").asPositive() : d.churnedDays(),
                spec.doubleOr("survey_at_risk", d.surveyAtRisk()),
                spec.doubleOr("trend_at_risk", d.trendAtRisk())));
    }

    private static TieringModel weighted(ConfigNode spec) {
        spec.allowOnly("model", "preset", "factors", "thresholds", "names");
        if (spec.has("preset")) {
            spec.allowOnly("model", "preset");
            spec.get("preset").asChoice("five-factor");
            return WeightedScoreModel.fiveFactor();
        }
        List<WeightedScoreModel.Factor> factors = new ArrayList<>();
        for (ConfigNode f : spec.list("factors")) {
            f.allowOnly("feature", "weight", "normalise");
            String norm = f.stringOr("normalise", "minmax");
            if (f.has("normalise")) {
                f.get("normalise").asChoice("minmax", "percentile", "zscore");
            }
            factors.add(new WeightedScoreModel.Factor(f.get("feature").asString(), f.get("weight").asNonNegative(),
                    WeightedScoreModel.Normalisation.valueOf(norm.toUpperCase(java.util.Locale.ROOT))));
        }
        ConfigNode thresholds = spec.get("thresholds");
        List<String> names = spec.has("names") ? spec.get("names").asStrings() : null;
        // checked here, not only by the model, so that each is named at its own key rather than at 'thresholds'
        double weightSum = factors.stream().mapToDouble(WeightedScoreModel.Factor::weight).sum();
        if (!(weightSum > 0)) {
            throw spec.get("factors").error("factor weights must sum to a positive number, they sum to " + weightSum);
        }
        int tiers = thresholds.elements().size() + 1;
        if (names != null && names.size() != tiers) {
            throw spec.get("names").error(tiers - 1 + " thresholds make " + tiers + " tiers, but " + names.size()
                    + " names were given");
        }
        try {
            return WeightedScoreModel.of(factors, thresholds.asDoubles(), names);
        } catch (IllegalArgumentException e) {
            throw thresholds.error(e.getMessage());
        }
    }

    private static TieringModel attribute(ConfigNode spec) {
        spec.allowOnly("model", "attribute", "levels", "within", "scope");
        TieringModel within = spec.has("within") ? parse(spec.get("within")) : null;
        return AttributeModel.of(spec.get("attribute").asString(), spec.get("levels").asStrings(), within,
                scope(spec, within != null));
    }

    /** {@code scope: base | group}: whose customers the {@code within} model tiers; only with a {@code within}. */
    private static AttributeModel.Scope scope(ConfigNode spec, boolean hasWithin) {
        ConfigNode scope = spec.opt("scope");
        if (scope == null) {
            return AttributeModel.Scope.BASE;
        }
        String value = scope.isScalar() ? scope.asString() : null;
        if (!"base".equals(value) && !"group".equals(value)) {
            throw scope.error("expected base (the 'within' model tiers the whole customer base) or group (it tiers"
                    + " each level's customers apart), found " + (value == null ? "a list or mapping" : "'" + value + "'"));
        }
        if (!hasWithin) {
            throw scope.error("scope says whose customers the 'within' model tiers, and no 'within' is given;"
                    + " expected a 'within' model (e.g. within: {model: abc}) or no scope");
        }
        return value.equals("group") ? AttributeModel.Scope.GROUP : AttributeModel.Scope.BASE;
    }
}
