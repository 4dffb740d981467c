package org.tierlab.bench;

import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tierlab.config.ConfigNode;
import org.tierlab.score.CustomerFeatures;
import org.tierlab.score.TieringModel;
import org.tierlab.score.TieringSpecs;

/**
 * Each tiering model on its own, built from the same YAML specification a user writes (docs/scoring.md) and
 * assigning a tier to every customer: the cost of one re-tiering. The data are {@link ScoringData}'s, with the
 * extra columns the lifecycle, weighted, predicted-value and attribute models read.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
@State(Scope.Benchmark)
public class ModelBenchmark {
    /** The specifications benchmarked, by name. */
    static final Map<String, String> SPECS = Map.of(
            "rfm", "{model: rfm}",
            "rfm_ntile", "{model: rfm, binning: ntile}",
            "abc", "{model: abc}",
            "abc_profit", "{model: abc, value: profit}",
            "top", "{model: top, value: monetary, counts: [30, 170], names: [Key, Growth, Standard]}",
            "lifecycle", "{model: lifecycle}",
            "weighted", "{model: weighted, preset: five-factor}",
            "weighted_percentile", "{model: weighted, factors: [{feature: monetary, weight: 3, normalise: percentile},"
                    + " {feature: tenure, weight: 1, normalise: zscore}], thresholds: [80, 50]}",
            "predicted", "{model: predicted, predictor: historical}",
            "attribute_abc", "{model: attribute, attribute: industry,"
                    + " levels: [software, finance, retail, industry, public], within: {model: abc}}");

    /** Customers. */
    @Param({"100000", "1000000", "10000000"})
    public int customers;

    /** Which specification of {@link #SPECS}. */
    @Param({"rfm", "rfm_ntile", "abc", "abc_profit", "top", "lifecycle", "weighted", "weighted_percentile",
            "predicted", "attribute_abc"})
    public String model;

    private CustomerFeatures features;
    private TieringModel tiering;
    private int[] tiers;

    /** Builds the data and the model. */
    @Setup(Level.Trial)
    public void setUp() {
        features = new ScoringData(customers, 42).allFeatures(43);
        tiering = TieringSpecs.parse(ConfigNode.parse(model, new StringReader(SPECS.get(model))));
        tiers = new int[customers];
    }

    /** One tier per customer. */
    @Benchmark
    public int[] assign() {
        tiering.assign(features, tiers);
        return tiers;
    }
}
