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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.tierlab.btyd.Summaries;

/**
 * What {@code tierlab fit} does before it fits: read the log from disk and summarise it (weeks, calibration to
 * 1997-09-30, holdout to 1998-06-30). The target for the 69,659-row master log is under 50 ms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ReadAndSummariseBenchmark {
    @Param({"master"})
    public String file;

    @Benchmark
    public void readAndSummarise(Blackhole bh) {
        Summaries s = CdnowData.summarise(CdnowData.read(file));
        bh.consume(s.size());
        bh.consume(s);
    }
}
