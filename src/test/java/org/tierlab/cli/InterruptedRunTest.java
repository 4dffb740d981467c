package org.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run interrupted with Ctrl-C (SIGINT to a real JVM running the CLI) leaves no run folder and no partial
 * files behind.
 */
@Tag("slow")
class InterruptedRunTest {
    @Test
    void ctrlCLeavesNothingThatLooksLikeAResult(@TempDir Path dir) throws Exception {
        String big = RunCommandTest.SMALL.replace("customers: 200", "customers: 300000")
                .replace("replications: 3", "replications: 50").replace("periods: 6,", "periods: 60,");
        Path scenario = RunCommandTest.write(dir, "big.yaml", big);
        Path out = dir.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TierlabCommand.class.getName(), "run", scenario.toString(), "--out", out.toString(), "--threads", "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        // wait until the staging folder exists, i.e. the run is under way
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!staging(dir) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "the run finished before it could be interrupted: " + Files.readString(dir.resolve("log.txt")));
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run did not stop on SIGINT");
        assertTrue(p.exitValue() != 0, "an interrupted run must not exit 0");
        try (Stream<Path> left = Files.list(dir)) {
            List<String> names = left.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(List.of("big.yaml", "log.txt"), names);
        }
    }

    private static boolean staging(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(f -> f.getFileName().toString().startsWith(".out.partial-"));
        }
    }
}
