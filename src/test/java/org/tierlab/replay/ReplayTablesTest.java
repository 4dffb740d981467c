package org.tierlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tierlab.btyd.Summaries;
import org.tierlab.log.LogFormat;
import org.tierlab.log.TransactionLog;
import org.tierlab.score.AbcModel;
import org.tierlab.score.TieringModel;
import tech.tablesaw.api.Table;

/** Replay tables on a five-customer log whose every figure is computed by hand in the comments. */
class ReplayTablesTest {
    // customer, date, amount. Points: 2020-01-31 and 2020-02-29; calibration ends 2020-02-29, holdout to 2020-03-31.
    private static final String LOG = """
            a,2020-01-05,100
            b,2020-01-10,10
            c,2020-01-20,50
            a,2020-02-10,100
            d,2020-02-15,300
            c,2020-03-05,20
            d,2020-03-06,60
            b,2020-03-07,5
            e,2020-03-10,40
            """;

    private static ReplayTables tables(Path dir) throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, LOG);
        TransactionLog log = TransactionLog.read(file,
                new LogFormat(",", false, 0, 1, 2, DateTimeFormatter.ISO_LOCAL_DATE, true, false));
        // ABC on monetary with two classes: A up to 50 % of value, B the rest
        Map<String, TieringModel> models = new LinkedHashMap<>();
        models.put("abc", AbcModel.of("monetary", new double[] {0.5, 0.5}, List.of("A", "B")));
        TierHistory h = TierHistory.of(log, models, List.of(LocalDate.of(2020, 1, 31), LocalDate.of(2020, 2, 29)), 0,
                true);
        return new ReplayTables(h, Summaries.of(log, LocalDate.of(2020, 2, 29), LocalDate.of(2020, 3, 31), 1));
    }

    @Test
    void sizesMigrationsAndStability(@TempDir Path dir) throws IOException {
        ReplayTables t = tables(dir);
        // Jan 31: a 100, c 50, b 10 (total 160): a starts at 0 % -> A; c starts at 62.5 % -> B; b -> B
        // Feb 29: d 300, a 200, c 50, b 10 (total 560): d at 0 -> A; a at 53.6 % -> B; c, b -> B
        Table sizes = t.tierSizes();
        assertEquals(List.of(1, 2, 1, 3), sizes.intColumn("customers").asList());
        Table m = t.migrations();
        // a: A -> B; b, c: B -> B; d: new -> A
        assertEquals(List.of("A", "B", "(new)"), m.stringColumn("from_tier").asList());
        assertEquals(List.of("B", "B", "A"), m.stringColumn("to_tier").asList());
        assertEquals(List.of(1, 2, 1), m.intColumn("customers").asList());
        // of the three tiered at both points, two kept their tier
        assertEquals(2.0 / 3, t.stability().doubleColumn("stayed_share").get(0), 1e-12);
    }

    @Test
    void holdoutCaptureGainsAndRankCorrelation(@TempDir Path dir) throws IOException {
        ReplayTables t = tables(dir);
        // holdout (Mar): c 20, d 60, b 5; e is acquired in the holdout and is not tiered; total over tiered 85
        Table byTier = t.holdoutByTier();
        assertEquals(List.of(1, 3), byTier.intColumn("customers").asList());
        assertEquals(60.0, byTier.doubleColumn("holdout_revenue").get(0), 1e-12);
        assertEquals(25.0, byTier.doubleColumn("holdout_revenue").get(1), 1e-12);
        assertEquals(2.0 / 3, byTier.doubleColumn("active_share").get(1), 1e-12);
        Table all = t.gains();
        Table gains = all.where(all.stringColumn("model").isEqualTo("abc"));
        assertEquals(List.of(0.0, 0.25, 1.0), gains.doubleColumn("customer_share").asList());
        assertEquals(60.0 / 85, gains.doubleColumn("revenue_share").get(1), 1e-12);
        Table v = t.validity();
        // top 20 % of 4 customers = 0.8 of tier A (60) -> 48 / 85
        assertEquals(48.0 / 85, v.doubleColumn("revenue_capture_top20pct").get(0), 1e-12);
        // oracle: the best 0.8 customer is d (60) -> 48 / 85 too
        assertEquals(48.0 / 85, v.doubleColumn("oracle_capture_top20pct").get(0), 1e-12);
        // Spearman: tier keys d 0, a/b/c -1 (ranks d 4, others 2); revenue d 60, c 20, b 5, a 0 (ranks 4, 3, 2, 1).
        // x ranks (a, b, c, d) = (2, 2, 2, 4), y ranks = (1, 2, 3, 4): Pearson of ranks = 3 / sqrt(3 * 5)
        assertEquals(3 / Math.sqrt(15), v.doubleColumn("spearman_revenue").get(0), 1e-12);
    }
}
