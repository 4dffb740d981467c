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
import org.tierlab.btyd.Summaries;
import org.tierlab.log.TransactionLog;

/**
 * The per-customer summaries the models are fitted on (x, t_x, T, mean spend, holdout counts) from a log already
 * in memory: weeks, calibration to 1997-09-30, holdout to 1998-06-30. Python lifetimes takes about 170 ms for
 * the sample (its summary_data_from_transaction_data).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SummariesBenchmark {
    @Param({"sample", "master"})
    public String file;

    private TransactionLog log;

    @Setup
    public void setUp() {
        log = CdnowData.read(file);
    }

    @Benchmark
    public void summarise(Blackhole bh) {
        Summaries s = CdnowData.summarise(log);
        bh.consume(s.size());
        bh.consume(s);
    }
}
