package org.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose population does not fit in the heap says so and how to fix it, without a stack trace, and leaves
 * no run folder. One thread, so that the failed unit's arrays are all that was allocated: with several units
 * failing at once under a tiny heap the JVM's own threads can run out of memory too.
 */
@Tag("slow")
class OutOfMemoryRunTest {
    @Test
    void aTooSmallHeapGetsAnExplanation(@TempDir Path dir) throws Exception {
        String big = RunCommandTest.SMALL.replace("customers: 200", "customers: 2000000");
        Path scenario = RunCommandTest.write(dir, "big.yaml", big);
        Path out = dir.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                TierlabCommand.class.getName(), "run", scenario.toString(), "--out", out.toString(), "--threads", "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not stop");
        String log = Files.readString(dir.resolve("log.txt"));
        assertEquals(1, p.exitValue(), log);
        assertTrue(log.contains(TierlabCommand.OUT_OF_MEMORY), log);
        assertFalse(log.contains("\tat "), "no stack trace: " + log);
        assertFalse(Files.exists(out), "no run folder after a failed run");
    }

    @Test
    void outOfMemoryIsFoundAmongCauses() {
        assertTrue(TierlabCommand.outOfMemory(new IllegalStateException(new OutOfMemoryError("Java heap space"))));
        assertFalse(TierlabCommand.outOfMemory(new IllegalStateException("other")));
    }
}
