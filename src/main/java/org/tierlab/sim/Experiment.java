package org.tierlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.tierlab.scenario.Scenario;

/**
 * Runs every (strategy, replication) unit of a scenario on a pool of threads and collects the results in a
 * fixed order, so the output does not depend on the thread count or on scheduling.
 */
public final class Experiment {
    private Experiment() {
    }

    /**
     * Runs the scenario.
     *
     * @param threads worker threads (1 or more)
     * @param commonRandomNumbers true (the default everywhere) to give all strategies the same draws
     * @param progress called with the number of finished units after each one finishes
     */
    public static ExperimentResult run(Scenario scenario, int threads, boolean commonRandomNumbers,
            IntConsumer progress) {
        int strategies = scenario.strategies().size();
        int reps = scenario.replications();
        UnitResult[][] results = new UnitResult[strategies][reps];
        // a fork-join pool, so that the scoring core's parallel passes inside a unit run on these same workers
        // (a parallel stream started by a fork-join worker uses that worker's pool): --threads 1 is one core
        ExecutorService pool = new ForkJoinPool(Math.max(1, threads), p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("tierlab-sim-" + t.getPoolIndex());
            return t;
        }, null, false);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            // replication-major order: the first replications of every strategy finish first
            for (int r = 0; r < reps; r++) {
                for (int s = 0; s < strategies; s++) {
                    int si = s;
                    int ri = r;
                    futures.add(pool.submit(() -> {
                        results[si][ri] = Simulation.run(scenario, si, ri, commonRandomNumbers);
                        progress.accept(done.incrementAndGet());
                    }));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error; // out of memory, above all: the command line explains it
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        return new ExperimentResult(scenario, results);
    }
}
