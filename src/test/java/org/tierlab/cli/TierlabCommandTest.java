package org.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TierlabCommandTest {
    @Test
    void versionNamesTheBuild() {
        CliTestSupport.Result r = CliTestSupport.run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("tierlab "), r.out());
        assertFalse(r.out().contains("unknown"), r.out());
    }

    @Test
    void unknownOptionIsExitTwoWithoutStackTrace() {
        CliTestSupport.Result r = CliTestSupport.run("--no-such-option");
        assertEquals(TierlabCommand.EXIT_BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("--no-such-option"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void noCommandPrintsTheUsageAndFails() {
        CliTestSupport.Result r = CliTestSupport.run();
        assertEquals(TierlabCommand.EXIT_BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("give a command") && r.err().contains("Usage: tierlab"), r.err());
    }
}
