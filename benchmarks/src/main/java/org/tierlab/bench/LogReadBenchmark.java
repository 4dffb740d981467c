package org.tierlab.bench;

import java.nio.file.Path;
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
import org.tierlab.log.LogFormat;
import org.tierlab.log.TransactionLog;

/**
 * Reading a transaction log from disk into tierlab's primitive arrays (parse, number the customers, sort by
 * customer and day, merge same-day purchases): the CDNOW master log (69,659 rows) and its 1/10 sample. The file
 * is in the page cache after the first read, so this measures parsing, not the disk.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class LogReadBenchmark {
    @Param({"sample", "master"})
    public String file;

    private Path path;
    private LogFormat format;

    @Setup
    public void setUp() {
        path = CdnowData.file(file);
        format = CdnowData.format(file);
    }

    @Benchmark
    public void read(Blackhole bh) {
        TransactionLog log = TransactionLog.read(path, format);
        bh.consume(log.transactions());
        bh.consume(log);
    }
}
