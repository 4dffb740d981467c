package org.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tierlab.btyd.Cdnow;
import org.tierlab.log.TransactionLog;
import picocli.CommandLine;

/** How the log options read a log. */
class LogOptionsTest {
    private static TransactionLog read(Path log, String... args) {
        LogOptions options = new LogOptions();
        new CommandLine(new Object() {
            @CommandLine.Mixin
            LogOptions o = options;
        }).parseArgs(args);
        return options.read(log, new PrintWriter(new StringWriter()));
    }

    /**
     * {@code --cdnow master} reads the master with its header line (as in ../shared/data) and without one (as
     * Fader and Hardie publish it) alike: the first purchase is not dropped as a header.
     */
    @Test
    void theCdnowMasterPresetKeepsTheFirstPurchaseOfAFileWithoutHeader(@TempDir Path dir) throws IOException {
        Path withHeader = Cdnow.dir().resolve("CDNOW_master.txt");
        List<String> lines = Files.readAllLines(withHeader);
        Path without = dir.resolve("CDNOW_master.txt");
        Files.write(without, lines.subList(1, lines.size()));
        TransactionLog a = read(withHeader, "--cdnow", "master");
        TransactionLog b = read(without, "--cdnow", "master");
        assertEquals(23570, a.customers());
        assertEquals(a.customers(), b.customers());
        assertEquals(a.transactions(), b.transactions());
        assertEquals("00001", b.ids().get(0));
    }
}
