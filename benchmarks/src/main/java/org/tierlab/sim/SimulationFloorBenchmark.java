package org.tierlab.sim;

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
import org.tierlab.bench.SimulationBenchmark;
import org.tierlab.scenario.Behaviour;
import org.tierlab.scenario.Scenario;
import org.tierlab.scenario.ScenarioReader;
import org.tierlab.scenario.Strategy;
import org.tierlab.score.TieringSpecs;

/**
 * The floor of {@link SimulationBenchmark}, as {@code ReadColumnsBenchmark} is the floor of the scoring pass: the
 * same population (generated the same way, from the same scenario) played forward with only the random draws the
 * model cannot do without and the observed history tiering needs. Per active customer and period: the purchase
 * count (Poisson by inversion), BG dropout after purchases, the satisfaction drift and its normal noise, the survey
 * sample and answer, and the spend of the period's purchases (gamma); frequency, last purchase and money are
 * kept. Nothing else: no satisfaction effect on purchases or churn, no policy, no re-tiering, no metrics. Each
 * draw is the simulator's own (same keys, same samplers), so no simulator of this model built on them can run a
 * unit faster than this.
 *
 * <p>It lives in the simulator's package to use its package-private samplers ({@code FastMath.normal}) and the
 * dropout draw without making them public for a benchmark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx8g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class SimulationFloorBenchmark {
    /** Starting customers. */
    @Param({"100000", "1000000"})
    public int customers;

    private Scenario scenario;
    private final AtomicInteger replication = new AtomicInteger();

    /**
     * Reads the scenario of {@link SimulationBenchmark}, and checks that the floor draws what the simulator draws:
     * with satisfaction effects off, the simulator's no-maintenance baseline buys exactly the floor's purchases.
     */
    @Setup
    public void setUp() {
        String yaml = SimulationBenchmark.scenario(customers);
        scenario = read(yaml);
        Scenario plain = read(yaml.replace("seed: 1\n", "seed: 1\nbehaviour: {satisfaction_effects: false}\n"));
        int none = plain.strategies().stream().map(Strategy::name).toList().indexOf(ScenarioReader.NO_MAINTENANCE);
        double simulated = 0;
        for (double v : Simulation.run(plain, none, 0, true).period()[PeriodMetric.TRANSACTIONS.ordinal()]) {
            simulated += v;
        }
        long floor = FloorUnit.run(plain, 0, plain.horizon().warmup());
        if (none < 0 || simulated != floor) {
            throw new IllegalStateException("the floor's purchases (" + floor + ") are not the simulator's ("
                    + simulated + ") with satisfaction effects off and no maintenance");
        }
    }

    private static Scenario read(String yaml) {
        return ScenarioReader.of(TieringSpecs::parse).read("bench.yaml", yaml);
    }

    /** One unit on one core. */
    @Benchmark
    public long oneUnit() {
        return FloorUnit.run(scenario, replication.getAndIncrement() & 7, 0);
    }

    /** Two units at once, one per core. */
    @Benchmark
    @Threads(2)
    public long twoUnitsInParallel() {
        return FloorUnit.run(scenario, replication.getAndIncrement() & 7, 0);
    }

    /** One replication of the floor: the population, then every period's draws for each active customer. */
    static final class FloorUnit {
        private static final int TABULATED = 32;

        private final Customers people;
        private final Behaviour behaviour;
        private final long repKey;
        private final Rng rng = new Rng();
        private final byte[] active;
        private final int[] frequency;
        private final short[] lastPurchase;
        private final float[] monetary;
        private final float[] satisfaction;
        private final byte[] survey;
        private final double spendP;
        private final double[] gammaD = new double[TABULATED + 1];
        private final double[] gammaC = new double[TABULATED + 1];

        private FloorUnit(Scenario scenario, int replication) {
            people = Customers.generate(scenario, replication, 0);
            behaviour = scenario.behaviour();
            repKey = Rng.key(scenario.seed(), 0, replication);
            int n = people.size;
            active = new byte[n];
            frequency = new int[n];
            lastPurchase = new short[n];
            monetary = new float[n];
            satisfaction = new float[n];
            survey = new byte[n];
            // the benchmark's population has one segment
            spendP = scenario.population().segments().get(0).spendP();
            for (int k = 1; k <= TABULATED; k++) {
                gammaD[k] = k * spendP - 1.0 / 3;
                gammaC[k] = 1 / Math.sqrt(9 * gammaD[k]);
            }
        }

        /** Runs a unit; returns the number of purchases from period {@code countFrom} on. */
        static long run(Scenario scenario, int replication, int countFrom) {
            return new FloorUnit(scenario, replication).run(scenario.horizon().totalPeriods(), countFrom);
        }

        private long run(int periods, int countFrom) {
            int n = people.appearedBy[0]; // the benchmark's scenario has no arrivals and no leads
            for (int i = 0; i < n; i++) {
                active[i] = 1;
                frequency[i] = 1;
                satisfaction[i] = people.baseSatisfaction[i];
            }
            long purchases = 0;
            for (int t = 0; t < periods; t++) {
                for (int i = 0; i < n; i++) {
                    if (active[i] == 1) {
                        int bought = step(i, t);
                        purchases += t >= countFrom ? bought : 0;
                    }
                }
            }
            return purchases;
        }

        private int step(int i, int t) {
            long base = Rng.cell(repKey, i, t);
            int n = Rng.poisson(Rng.uniform(base, Streams.PURCHASES), people.rate[i]);
            int untilDeath = Simulation.purchasesUntilDropout(Rng.uniform(base, Streams.DROPOUT), people.drop[i], n);
            boolean dies = untilDeath <= n;
            n = dies ? untilDeath : n;
            if (n > 0) {
                double shape = n * spendP;
                double g = n <= TABULATED ? rng.reset(base, Streams.SPEND).nextGamma(gammaD[n], gammaC[n])
                        : rng.reset(base, Streams.SPEND).nextGamma(shape);
                frequency[i] += n;
                lastPurchase[i] = (short) t;
                monetary[i] += (float) (g / people.spendRate[i]);
            }
            if (dies) {
                active[i] = 0;
                return n;
            }
            double sat = satisfaction[i];
            sat += behaviour.drift() * (people.baseSatisfaction[i] - sat);
            sat += behaviour.noiseSd() * FastMath.normal(Rng.uniform(base, Streams.SATISFACTION));
            sat = sat < 0 ? 0 : sat > 10 ? 10 : sat;
            satisfaction[i] = (float) sat;
            if (Rng.uniform(base, Streams.SURVEY) < behaviour.surveyShare()) {
                long answer = Math.round(sat + behaviour.surveyNoiseSd()
                        * FastMath.normal(Rng.uniform(base, Streams.SURVEY_ANSWER)));
                survey[i] = (byte) (answer < 0 ? 0 : answer > 10 ? 10 : answer);
            }
            return n;
        }
    }
}
