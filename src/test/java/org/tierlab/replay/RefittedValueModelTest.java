package org.tierlab.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tierlab.btyd.BgNbd;
import org.tierlab.btyd.BgNbdValuePredictor;
import org.tierlab.btyd.Cdnow;
import org.tierlab.btyd.Fit;
import org.tierlab.btyd.GammaGamma;
import org.tierlab.btyd.Summaries;
import org.tierlab.log.LogFeatures;
import org.tierlab.log.LogFormat;
import org.tierlab.log.TransactionLog;
import org.tierlab.score.PredictedValueModel;
import org.tierlab.score.TieringModel;

/** Replay's bgnbd-value model is fitted at each re-tiering point on the history known then, never on later data. */
class RefittedValueModelTest {
    private static final LocalDate MARCH = LocalDate.of(1997, 3, 31);
    private static final LocalDate JUNE = LocalDate.of(1997, 6, 30);
    private static final List<LocalDate> POINTS = List.of(MARCH, JUNE, Cdnow.CALIBRATION_END);
    /** The holdout's length, 1997-10-01 to 1998-06-30: the horizon the value is predicted over. */
    private static final double HORIZON = Cdnow.HOLDOUT_END.toEpochDay() - Cdnow.CALIBRATION_END.toEpochDay();

    /** The CDNOW sample with only the purchases made by the end of {@code day}. */
    private static TransactionLog truncated(Path dir, LocalDate day) throws IOException {
        String last = day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        List<String> kept = Files.readAllLines(Cdnow.dir().resolve("CDNOW_sample.txt")).stream()
                .filter(l -> l.trim().split("\\s+")[2].compareTo(last) <= 0).toList();
        Path file = dir.resolve("sample-to-" + day + ".txt");
        Files.write(file, kept);
        return TransactionLog.read(file, LogFormat.cdnowSample());
    }

    /** Tiers by customer id of a value model built from {@code bg} and {@code gg}, on {@code log} at {@code day}. */
    private static Map<String, Integer> tiers(TransactionLog log, LocalDate day, Fit bg, Fit gg) {
        TieringModel m = PredictedValueModel.of(BgNbdValuePredictor.of(bg, gg, 7), HORIZON,
                new double[] {0.8, 0.15, 0.05}, List.of("A", "B", "C"));
        LogFeatures f = LogFeatures.asOf(log, (int) day.toEpochDay(), 0, true);
        int[] out = new int[f.customer().length];
        m.assign(f.features(), out);
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < out.length; i++) {
            byId.put(log.ids().get(f.customer()[i]), out[i]);
        }
        return byId;
    }

    private static Fit bgnbd(Summaries s) {
        return Fit.of(new BgNbd(), s, new double[] {1, 1, 1, 1}, 0);
    }

    private static Fit gammaGamma(Summaries s) {
        return Fit.of(new GammaGamma(), s, new double[] {1, 1, 1}, 0);
    }

    /**
     * The June tiers of a replay to the end of September are the tiers of BG/NBD and Gamma-Gamma fitted on the log
     * cut at June 30. The parameters fitted on the whole calibration period differ from June's and tier some
     * customers differently (the look-ahead this guards against: the June tiers used to come from them).
     */
    @Test
    void anEarlierPointIsTieredByAFitOnTheLogAsKnownThen(@TempDir Path dir) throws IOException {
        TransactionLog full = Cdnow.sample();
        Map<String, PointModel> models = new LinkedHashMap<>();
        RefittedValueModel value = RefittedValueModel.of(full, HORIZON);
        models.put("bgnbd-value", value);
        TierHistory h = TierHistory.ofPointModels(full, models, POINTS, 0, true);

        TransactionLog cut = truncated(dir, JUNE);
        Summaries known = Summaries.of(cut, JUNE, JUNE, 7);
        Fit bg = bgnbd(known);
        Fit gg = gammaGamma(known);
        assertTrue(bg.converged() && gg.converged());
        Map<String, Integer> expected = tiers(cut, JUNE, bg, gg);

        int[] june = h.tiers("bgnbd-value", 1);
        Map<String, Integer> actual = new HashMap<>();
        for (int c = 0; c < full.customers(); c++) {
            if (june[c] >= 0) {
                actual.put(full.ids().get(c), june[c]);
            }
        }
        assertEquals(expected.keySet(), actual.keySet());
        assertEquals(List.of(), differing(expected, actual), "customers whose June tier is not the June fit's");
        assertArrayEquals(bg.estimate(), value.fitsAt(JUNE).bgnbd().fit().estimate());

        // the later data change the parameters, and with them some of the June tiers
        Summaries calibration = Cdnow.sampleWeeks();
        Fit bgEnd = bgnbd(calibration);
        Fit ggEnd = gammaGamma(calibration);
        assertNotEquals(bg.estimate()[2], bgEnd.estimate()[2], 0.1, "a: June against September");
        assertFalse(differing(expected, tiers(cut, JUNE, bgEnd, ggEnd)).isEmpty());
    }

    /** The ids whose tiers differ, sorted. */
    private static List<String> differing(Map<String, Integer> a, Map<String, Integer> b) {
        return a.keySet().stream().filter(id -> !a.get(id).equals(b.get(id))).sorted().toList();
    }

    /** The calibration end is tiered by the fits on the calibration period, as fit reports them. */
    @Test
    void theCalibrationEndUsesTheCalibrationFits() {
        TransactionLog full = Cdnow.sample();
        RefittedValueModel value = RefittedValueModel.of(full, HORIZON);
        Map<String, PointModel> models = new LinkedHashMap<>();
        models.put("v", value);
        TierHistory h = TierHistory.ofPointModels(full, models, POINTS, 0, true);
        Summaries calibration = Cdnow.sampleWeeks();
        Map<String, Integer> expected = tiers(full, Cdnow.CALIBRATION_END, bgnbd(calibration), gammaGamma(calibration));
        int[] end = h.tiers("v", 2);
        for (int c = 0; c < full.customers(); c++) {
            assertEquals(expected.get(full.ids().get(c)), end[c], full.ids().get(c));
        }
        assertArrayEquals(new double[] {0.243, 4.414, 0.793, 2.426},
                value.fitsAt(Cdnow.CALIBRATION_END).bgnbd().fit().estimate(), 0.0005);
    }

    /**
     * A point with fewer than 20 repeat customers has no tiers of the model, and says why; the tables leave it out
     * (no sizes, no migrations or stability from or to it) instead of showing tiers from a fit on next to nothing.
     */
    @Test
    void aPointWithTooFewRepeatCustomersHasNoTiers() {
        TransactionLog full = Cdnow.sample();
        LocalDate early = LocalDate.of(1997, 1, 5); // nobody has bought again by then
        RefittedValueModel value = RefittedValueModel.of(full, HORIZON);
        Map<String, PointModel> models = new LinkedHashMap<>();
        models.put("fixed", PointModel.fixed(org.tierlab.score.AbcModel.of("monetary", new double[] {0.8, 0.2},
                List.of("A", "B"))));
        models.put("v", value);
        TierHistory h = TierHistory.ofPointModels(full, models, List.of(early, JUNE, Cdnow.CALIBRATION_END), 0, true);
        assertFalse(h.tiered("v", 0));
        assertTrue(h.tiered("v", 1) && h.tiered("v", 2) && h.tiered("fixed", 0));
        RefittedValueModel.PointFits f = value.fitsAt(early);
        assertNull(f.bgnbd().fit());
        assertTrue(f.bgnbd().repeatCustomers() < RefittedValueModel.MIN_REPEAT_CUSTOMERS);
        assertEquals("the BG/NBD fit on the history up to 1997-01-05 was not made: only " + f.bgnbd().repeatCustomers()
                + " customers with a repeat purchase by 1997-01-05 (at least 20 needed)", h.untieredReason("v", 0));
        assertEquals("", h.untieredReason("v", 1));

        ReplayTables t = new ReplayTables(h, Cdnow.sampleWeeks());
        var sizes = t.tierSizes();
        var vSizes = sizes.where(sizes.stringColumn("model").isEqualTo("v"));
        assertEquals(List.of("1997-06-30", "1997-09-30"), vSizes.stringColumn("point").unique().asList().stream()
                .sorted().toList());
        var fixedSizes = sizes.where(sizes.stringColumn("model").isEqualTo("fixed"));
        assertTrue(fixedSizes.stringColumn("point").asList().contains("1997-01-05"));
        var stability = t.stability();
        var vStability = stability.where(stability.stringColumn("model").isEqualTo("v"));
        assertEquals(List.of("1997-06-30"), vStability.stringColumn("from_point").asList());
        var migrations = t.migrations();
        var vMigrations = migrations.where(migrations.stringColumn("model").isEqualTo("v"));
        assertFalse(vMigrations.stringColumn("from_point").asList().contains("1997-01-05"));
        assertFalse(vMigrations.stringColumn("from_tier").asList().contains(ReplayTables.NEW),
                "no customer acquired by June is 'new' there");

        var fits = value.fitsTable("v");
        var early5 = fits.where(fits.stringColumn("point").isEqualTo("1997-01-05"));
        assertEquals(7, early5.rowCount());
        assertTrue(early5.stringColumn("tiers").asList().stream().allMatch("no"::equals));
        assertTrue(early5.doubleColumn("estimate").isMissing().size() == 7, "no estimates where nothing was fitted");
    }

    /** A point cannot be without tiers at the last point: the holdout tables read it. */
    @Test
    void noTiersAtTheLastPointIsRefused() {
        TransactionLog full = Cdnow.sample();
        Map<String, PointModel> models = new LinkedHashMap<>();
        models.put("v", RefittedValueModel.of(full, HORIZON));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TierHistory.ofPointModels(full, models, List.of(LocalDate.of(1997, 1, 5)), 0, true));
        assertTrue(e.getMessage().startsWith("model 'v' has no tiers at the last point, 1997-01-05: the BG/NBD fit"),
                e.getMessage());
    }
}
