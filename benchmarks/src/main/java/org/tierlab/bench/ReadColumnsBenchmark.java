package org.tierlab.bench;

import java.util.SplittableRandom;
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

/**
 * The floor no scoring pass can beat: one sequential pass that only reads the three RFM input columns.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ReadColumnsBenchmark {
    @Param({"100000", "1000000", "10000000"})
    public int customers;

    private double[] recency;
    private double[] frequency;
    private double[] monetary;

    /** Random columns; the values do not matter for a pure read. */
    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(42);
        recency = new double[customers];
        frequency = new double[customers];
        monetary = new double[customers];
        for (int i = 0; i < customers; i++) {
            recency[i] = rng.nextInt(365);
            frequency[i] = 1 + rng.nextInt(20);
            monetary[i] = rng.nextDouble() * 1000;
        }
    }

    /** Sums the three columns so the JIT cannot drop the reads. */
    @Benchmark
    public double readThreeColumns() {
        double s = 0;
        for (int i = 0; i < customers; i++) {
            s += recency[i] + frequency[i] + monetary[i];
        }
        return s;
    }
}
