package org.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tierlab run} as a user runs it: through the command line, with captured output. */
class RunCommandTest {
    static final String SMALL = """
            name: small
            horizon: {periods: 6, period: month, warmup: 3}
            replications: 3
            seed: 5
            population:
              customers: 200
              segments:
                - name: all
                  share: 1
                  purchase_rate: {shape: 2, rate: 3}
                  dropout: {model: per_period, a: 1, b: 20}
                  spend: {p: 6, q: 4, gamma: 150}
                  attributes: {region: {north: 0.5, south: 0.5}}
              arrivals: {per_period: 3}
            staff: {am: 10}
            models:
              abc: {model: abc}
              stages: {model: lifecycle}
            policies:
              care:
                tiers:
                  A: [{action: callback, every: 1, role: am, minutes: 30, effect: {churn: 0.5, duration: 1}}]
              stage:
                tiers:
                  at_risk: [{action: win_back, every: 1, role: am, minutes: 20, effect: {churn: 0.5, duration: 1}}]
            strategies:
              - {name: abc-care, model: abc, policy: care, retier_every: 2}
              - {name: stage-care, model: stages, policy: stage}
            """;

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void runWritesTheRunFolderAndPrintsTheSummary(@TempDir Path dir) throws IOException {
        Path scenario = write(dir, "small.yaml", SMALL);
        Path out = dir.resolve("out");
        CliTestSupport.Result r = CliTestSupport.run("run", scenario.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("abc-care"), r.out());
        assertTrue(r.out().contains("no-maintenance"), r.out());
        for (String f : List.of("scenario.yaml", "manifest.json", "summary.csv", "periods.csv", "tiers.csv",
                "migrations.csv", "concentration.csv")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"seed\": 5"));
    }

    @Test
    void outputBytesDoNotDependOnThreadsAndOverridesApply(@TempDir Path dir) throws IOException {
        Path scenario = write(dir, "small.yaml", SMALL);
        assertEquals(0, CliTestSupport.run("run", scenario.toString(), "--out", dir.resolve("a").toString(),
                "--threads", "1", "--seed", "9", "--replications", "4").exitCode());
        assertEquals(0, CliTestSupport.run("run", scenario.toString(), "--out", dir.resolve("b").toString(),
                "--threads", "2", "--seed", "9", "--replications", "4").exitCode());
        for (String f : List.of("summary.csv", "periods.csv", "tiers.csv", "migrations.csv", "concentration.csv",
                "scenario.yaml")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)),
                    Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        assertTrue(Files.readString(dir.resolve("a/scenario.yaml")).startsWith("# run with --replications 4 --seed 9"));
        assertTrue(Files.readString(dir.resolve("a/manifest.json")).contains("\"replications\": 4"));
    }

    @Test
    void badScenarioIsExitTwoWithOneMessageAndNoRunFolder(@TempDir Path dir) throws IOException {
        Path scenario = write(dir, "bad.yaml", SMALL.replace("share: 1\n", "share: 1.5\n"));
        Path out = dir.resolve("out");
        CliTestSupport.Result r = CliTestSupport.run("run", scenario.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("bad.yaml:9: 'population.segments[0].share'"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(scenario), left.toList(), "nothing but the scenario is left behind");
        }
    }

    @Test
    void missingFileAndBadOptionsAreExitTwo(@TempDir Path dir) throws IOException {
        CliTestSupport.Result missing = CliTestSupport.run("run", dir.resolve("nope.yaml").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.yaml: file not found"), missing.err());
        Path scenario = write(dir, "small.yaml", SMALL);
        assertEquals(2, CliTestSupport.run("run", scenario.toString(), "--replications", "1").exitCode());
        assertEquals(2, CliTestSupport.run("run", scenario.toString(), "--threads", "zero").exitCode());
    }

    @Test
    void aFailedRunKeepsTheEarlierResult(@TempDir Path dir) throws IOException {
        Path scenario = write(dir, "small.yaml", SMALL);
        Path out = dir.resolve("out");
        assertEquals(0, CliTestSupport.run("run", scenario.toString(), "--out", out.toString()).exitCode());
        byte[] before = Files.readAllBytes(out.resolve("summary.csv"));
        Path bad = write(dir, "bad.yaml", SMALL.replace("seed: 5", "seed: five"));
        assertEquals(2, CliTestSupport.run("run", bad.toString(), "--out", out.toString()).exitCode());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("summary.csv")));
    }

    /**
     * A run replaces only a folder tierlab wrote: a user's folder, a file and the working folder are refused
     * before the run (exit 2, nothing touched), while an earlier run folder is replaced.
     */
    @Test
    void aRunNeverReplacesWhatTierlabDidNotWrite(@TempDir Path dir) throws IOException {
        Path scenario = write(dir, "small.yaml", SMALL);
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("thesis.txt"), "years of work");
        Path file = write(dir, "notes.txt", "notes");
        Path lookalike = Files.createDirectories(dir.resolve("analysis")); // run-like files and one of the user's
        for (String f : List.of("report.html", "summary.csv", "notes.docx")) {
            write(lookalike, f, f);
        }
        for (Path target : List.of(mine, file, lookalike, Path.of(""), Path.of("."), dir.getRoot())) {
            CliTestSupport.Result r = CliTestSupport.run("run", scenario.toString(), "--out", target.toString());
            assertEquals(2, r.exitCode(), target + ": " + r.err());
            assertTrue(r.err().contains("run folder") || r.err().contains("will not replace"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertEquals("years of work", Files.readString(mine.resolve("thesis.txt")));
        assertEquals("notes.docx", Files.readString(lookalike.resolve("notes.docx")));
        Path earlier = Files.createDirectories(dir.resolve("earlier")); // a run folder from before the marker
        for (String f : List.of("report.html", "summary.csv", "manifest.json")) {
            write(earlier, f, f);
        }
        assertEquals(0, CliTestSupport.run("run", scenario.toString(), "--out", earlier.toString()).exitCode());
        assertEquals("notes", Files.readString(file));
        Path out = dir.resolve("out");
        assertEquals(0, CliTestSupport.run("run", scenario.toString(), "--out", out.toString()).exitCode());
        assertTrue(Files.exists(out.resolve(".tierlab-run")));
        assertEquals(0, CliTestSupport.run("run", scenario.toString(), "--out", out.toString(), "--seed", "6")
                .exitCode(), "an earlier run folder is replaced");
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"seed\": 6"));
    }

    /** The scenario's name is the default folder's name, so a name that is a path is refused, with its line. */
    @Test
    void aScenarioNameThatIsAPathIsRefused(@TempDir Path dir) throws IOException {
        for (String name : List.of("\"..\"", "\".\"", "\"a/b\"", "\"a\\0b\"", "\" \"")) {
            Path scenario = write(dir, "bad.yaml", SMALL.replace("name: small", "name: " + name));
            CliTestSupport.Result r = CliTestSupport.run("run", scenario.toString(), "--out", dir.resolve("o").toString());
            assertEquals(2, r.exitCode(), name + ": " + r.err());
            assertTrue(r.err().contains("bad.yaml:1: 'name'"), r.err());
            assertFalse(Files.exists(dir.resolve("o")), name);
        }
    }

    /** --threads and --replications have the bounds the file has, with a clear message. */
    @Test
    void threadAndReplicationCountsAreBounded(@TempDir Path dir) throws IOException {
        Path scenario = write(dir, "small.yaml", SMALL);
        for (String[] bad : List.of(new String[] {"--threads", "100000"}, new String[] {"--replications", "100001"})) {
            CliTestSupport.Result r = CliTestSupport.run("run", scenario.toString(), bad[0], bad[1]);
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains(bad[0] + " must be"), r.err());
        }
    }

    /** A scenario saved in another encoding than UTF-8 gets the line of its first bad byte, not a decoder error. */
    @Test
    void aScenarioThatIsNotUtf8IsNamedWithItsLine(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("latin1.yaml");
        Files.write(scenario, SMALL.replace("name: small", "name: small\ndescription: caf\u00e9")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CliTestSupport.Result r = CliTestSupport.run("run", scenario.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("latin1.yaml:2: the file is not UTF-8"), r.err());
    }

    /**
     * A character YAML refuses (a NUL byte, a bell), even in a comment, is named with its line and column, in a
     * scenario and in a model file alike; not only "special characters are not allowed".
     */
    @Test
    void aControlCharacterIsNamedWithItsLineAndColumn(@TempDir Path dir) throws IOException {
        Path scenario = write(dir, "nul.yaml", SMALL.replace("name: small", "name: small\ndescription: a\u0000b"));
        CliTestSupport.Result r = CliTestSupport.run("run", scenario.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("nul.yaml:2: column 15: character U+0000 (a control character) is not allowed in"
                + " YAML"), r.err());
        assertFalse(Files.exists(dir.resolve("o")));
        Path spec = write(dir, "m.yaml", "# tiers\nmodel: abc   # \u0007\n");
        Path table = write(dir, "c.csv", "customer_id,monetary\na,1\n");
        r = CliTestSupport.run("score", "--spec", spec.toString(), "--in", table.toString(), "--out",
                dir.resolve("t.csv").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("m.yaml:2: column 16: character U+0007 (a control character)"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    /**
     * A model that needs a feature or an attribute level the simulator never gives fails when the scenario is read,
     * at the model's line, before anything runs; not as an internal error after the warm-up.
     */
    @Test
    void aModelTheSimulatorCannotFeedIsAnErrorAtItsLine(@TempDir Path dir) throws IOException {
        for (String model : List.of("{model: abc, value: nonsense}", "{model: weighted, preset: five-factor}",
                "{model: attribute, attribute: region, levels: [north]}")) {
            Path scenario = write(dir, "m.yaml", SMALL.replace("  abc: {model: abc}", "  abc: " + model));
            CliTestSupport.Result r = CliTestSupport.run("run", scenario.toString(), "--out", dir.resolve("o").toString());
            assertEquals(2, r.exitCode(), model + ": " + r.err());
            assertTrue(r.err().contains("m.yaml:17: 'models.abc': model 'abc' cannot tier the simulated customers"),
                    r.err());
            assertFalse(Files.exists(dir.resolve("o")));
        }
    }

    /**
     * The customers a scenario's models are tried on are made up: a message names none of them by a position
     * ("customer #2" is nobody the author knows), but says what the simulation gives that the model does not take.
     */
    @Test
    void aLevelTheModelOmitsIsNamedWithoutAMadeUpCustomer(@TempDir Path dir) throws IOException {
        Path scenario = write(dir, "m.yaml", SMALL.replace("  abc: {model: abc}",
                "  abc: {model: attribute, attribute: region, levels: [north]}"));
        CliTestSupport.Result r = CliTestSupport.run("run", scenario.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("m.yaml:17: 'models.abc': model 'abc' cannot tier the simulated customers:"
                + " attribute 'region' of a simulated customer is 'south', which is not among the declared levels"
                + " [north]; expected one of them"), r.err());
        assertFalse(r.err().contains("customer #"), r.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    /** Every model's tier names are checked where the model is written, whether or not a strategy uses it. */
    @Test
    void tierNamesAreCheckedAtTheModel(@TempDir Path dir) throws IOException {
        for (String[] c : new String[][] {{"{model: abc, names: [A, A, B]}", "names two tiers 'A'"},
                {"{model: abc, names: [A, all, C]}", "has a tier named 'all'"}}) {
            Path scenario = write(dir, "n.yaml", SMALL.replace("  stages: {model: lifecycle}",
                    "  stages: {model: lifecycle}\n  spare: " + c[0]));
            CliTestSupport.Result r = CliTestSupport.run("run", scenario.toString(), "--out", dir.resolve("o").toString());
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains("n.yaml:19: 'models.spare'") && r.err().contains(c[1]), r.err());
        }
    }

    /**
     * An --out that is a symbolic link to a folder of the user's is refused before the run: the run would replace
     * the link, while the user meant the folder. The link and the folder are left as they were.
     */
    @Test
    void aSymbolicLinkIsRefusedAsTheRunFolder(@TempDir Path dir) throws IOException {
        Path scenario = write(dir, "small.yaml", SMALL);
        Path mine = Files.createDirectories(dir.resolve("mine"));
        write(mine, "notes.txt", "mine");
        Path link = Files.createSymbolicLink(dir.resolve("link"), mine);
        CliTestSupport.Result r = CliTestSupport.run("run", scenario.toString(), "--out", link.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot use '" + link + "' as a run folder: it is a symbolic link (to " + mine
                + "), which a run would replace; give the real path of the folder"), r.err());
        assertTrue(Files.isSymbolicLink(link));
        try (Stream<Path> left = Files.list(mine)) {
            assertEquals(List.of(mine.resolve("notes.txt")), left.toList());
        }
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        r = CliTestSupport.run("run", scenario.toString(), "--out", dangling.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("it is a symbolic link"), r.err());
        assertFalse(Files.exists(dir.resolve("nowhere")));
    }

    /**
     * A staging folder whose run was killed (its lock no longer held) is deleted by the next run to the same
     * folder; one whose lock is held (a run still going) is left alone; the finished folder has no lock file.
     */
    @Test
    void abandonedStagingFoldersAreCleanedUp(@TempDir Path dir) throws IOException {
        Path scenario = write(dir, "small.yaml", SMALL);
        Path stale = Files.createDirectories(dir.resolve(".out.partial-1"));
        write(stale, ".lock", "");
        write(stale, "summary.csv", "half");
        Path live = Files.createDirectories(dir.resolve(".out.partial-2"));
        Path liveLock = write(live, ".lock", "");
        try (var channel = java.nio.channels.FileChannel.open(liveLock, java.nio.file.StandardOpenOption.WRITE);
                var held = channel.lock()) {
            assertEquals(0, CliTestSupport.run("run", scenario.toString(), "--out", dir.resolve("out").toString())
                    .exitCode());
            assertFalse(Files.exists(stale), "the abandoned staging folder is deleted");
            assertTrue(Files.exists(live), "a live run's staging folder is kept");
        }
        assertFalse(Files.exists(dir.resolve("out").resolve(".lock")));
        assertTrue(Files.exists(dir.resolve("out").resolve(".tierlab-run")));
    }
}
