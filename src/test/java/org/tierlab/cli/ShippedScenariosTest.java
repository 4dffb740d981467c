package org.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tierlab.scenario.Scenario;
import org.tierlab.scenario.ScenarioReader;
import org.tierlab.score.TieringSpecs;

/** Every scenario shipped in scenarios/ runs end to end through the CLI (with two replications, for time). */
@Tag("slow")
class ShippedScenariosTest {
    static List<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void runs(Path file, @TempDir Path out) throws IOException {
        Scenario sc = ScenarioReader.of(TieringSpecs::parse).read(file);
        CliTestSupport.Result r = CliTestSupport.run("run", file.toString(), "--replications", "2", "--out",
                out.toString(), "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        for (var s : sc.strategies()) {
            assertTrue(r.out().contains(s.name()), s.name() + " missing from\n" + r.out());
        }
        String summary = Files.readString(out.resolve("summary.csv"));
        assertTrue(summary.lines().count() > sc.strategies().size() * 12L, "summary rows");
    }

    @org.junit.jupiter.api.Test
    void theSixScenariosOfTheBriefAreShipped() throws IOException {
        assertEquals(List.of("b2b-saas.yaml", "cdnow-calibrated.yaml", "ecommerce-rfm.yaml", "manufacturer-top30.yaml", "mistake-no-policy.yaml",
                "mistake-static-tiers.yaml", "mistake-too-many-tiers.yaml"),
                scenarios().stream().map(p -> p.getFileName().toString()).toList());
    }
}
