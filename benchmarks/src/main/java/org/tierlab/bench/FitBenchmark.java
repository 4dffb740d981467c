package org.tierlab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.tierlab.btyd.BgNbd;
import org.tierlab.btyd.Fit;
import org.tierlab.btyd.GammaGamma;
import org.tierlab.btyd.LikelihoodModel;
import org.tierlab.btyd.ParetoNbd;
import org.tierlab.btyd.Summaries;

/**
 * One maximum-likelihood fit (optimisation plus standard errors) on the 2,357-customer CDNOW sample summaries,
 * from the start {@code tierlab fit} uses (all parameters 1, no penalty). Setup fails unless the fit converges.
 * Python lifetimes: BG/NBD about 80 ms, Pareto/NBD about 500 ms, Gamma-Gamma about 40 ms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FitBenchmark {
    @Param({"bgnbd", "pareto", "gammagamma"})
    public String model;

    private LikelihoodModel m;
    private double[] start;
    private Summaries s;

    @Setup
    public void setUp() {
        s = CdnowData.summarise(CdnowData.read("sample"));
        m = switch (model) {
            case "bgnbd" -> new BgNbd();
            case "pareto" -> new ParetoNbd();
            case "gammagamma" -> new GammaGamma();
            default -> throw new IllegalArgumentException(model);
        };
        start = new double[m.parameters().size()];
        java.util.Arrays.fill(start, 1);
        Fit f = Fit.of(m, s, start, 0);
        if (!f.converged()) {
            throw new IllegalStateException(model + " did not converge: " + f.message());
        }
    }

    @Benchmark
    public void fit(Blackhole bh) {
        Fit f = Fit.of(m, s, start, 0);
        bh.consume(f.logLikelihood());
        bh.consume(f);
    }
}
