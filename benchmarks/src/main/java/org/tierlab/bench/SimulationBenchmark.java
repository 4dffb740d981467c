package org.tierlab.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.tierlab.scenario.Scenario;
import org.tierlab.scenario.ScenarioReader;
import org.tierlab.score.TieringSpecs;
import org.tierlab.sim.Simulation;
import org.tierlab.sim.UnitResult;

/**
 * Simulator throughput: one unit of work (one replication of one strategy) with RFM re-tiering every quarter,
 * monthly staffed and automated actions, and every metric on. Customer-periods per second = customers x 60
 * periods / (seconds per operation); with {@code twoThreads}, two units run at once, one per core. The fork uses
 * the parallel collector, as the {@code tierlab} launcher does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx8g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class SimulationBenchmark {
    /** Starting customers. */
    @Param({"100000", "1000000"})
    public int customers;

    private Scenario scenario;
    private int strategy;
    private final AtomicInteger replication = new AtomicInteger();

    /** Periods simulated per unit (measured plus warm-up). */
    public static final int PERIODS = 60;

    /** The benchmark's scenario with {@code customers} starting customers (also the floor's: SimulationFloorBenchmark). */
    public static String scenario(int customers) {
        return """
                name: bench
                horizon: {periods: 48, period: month, warmup: 12}
                replications: 2
                seed: 1
                population:
                  customers: %d
                  segments:
                    - name: all
                      share: 1
                      purchase_rate: {shape: 1.2, rate: 1.5}
                      dropout: {model: after_purchase, a: 0.8, b: 6}
                      spend: {p: 5, q: 4, gamma: 40}
                      margin: 0.3
                      tenure: {min: 0, max: 36}
                staff: {service: %d}
                models: {rfm: {model: rfm}}
                policies:
                  care:
                    tiers:
                      Champions: [{action: callback, every: 1, role: service, minutes: 10, cost: 2, effect: {churn: 0.7, purchase: 1.1, satisfaction: 0.3, duration: 1}}]
                      Loyal Customers: [{action: callback, every: 2, role: service, minutes: 10, cost: 2, effect: {churn: 0.8, satisfaction: 0.2, duration: 2}}]
                      At Risk: [{action: win_back, every: 1, role: service, minutes: 10, cost: 4, effect: {churn: 0.6, purchase: 1.3, duration: 1}}]
                      all: [{action: email, every: 1, cost: 0.01, effect: {churn: 0.98, duration: 1}}]
                strategies:
                  - {name: rfm-care, model: rfm, policy: care, retier_every: 3}
                """.formatted(customers, customers / 20);
    }

    /** Reads the scenario. */
    @Setup
    public void setUp() {
        scenario = ScenarioReader.of(TieringSpecs::parse).read("bench.yaml", scenario(customers));
        strategy = scenario.strategies().size() - 1;
    }

    /** One unit on one core. */
    @Benchmark
    public UnitResult oneUnit() {
        return Simulation.run(scenario, strategy, replication.getAndIncrement() & 7, true);
    }

    /** Two units at once, one per core: the experiment's parallelism. */
    @Benchmark
    @Threads(2)
    public UnitResult twoUnitsInParallel() {
        return Simulation.run(scenario, strategy, replication.getAndIncrement() & 7, true);
    }
}
