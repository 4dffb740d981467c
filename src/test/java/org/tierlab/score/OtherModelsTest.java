package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Contract and exact tests of the lifecycle, weighted, top-N and attribute models. */
class OtherModelsTest {
    @Nested
    class Lifecycle extends TieringModelContract {
        @Override
        TieringModel model() {
            return LifecycleModel.of(LifecycleModel.Thresholds.defaults());
        }

        @Test
        void rulesInOrder() {
            CustomerFeatures f = CustomerFeatures.of(6)
                    .put(CustomerFeatures.LEAD, new double[] {1, 0, 0, 0, 0, 0})
                    .put(CustomerFeatures.CHURNED, new double[] {0, 1, 0, 0, 0, 0})
                    .put(CustomerFeatures.RECENCY, new double[] {Double.NaN, 10, 400, 100, 10, 10})
                    .put(CustomerFeatures.TENURE, new double[] {0, 500, 500, 500, 30, 500})
                    .put(CustomerFeatures.SURVEY, new double[] {Double.NaN, 9, 9, 9, 9, Double.NaN});
            int[] out = new int[6];
            model().assign(f, out);
            List<String> n = model().tierNames();
            assertEquals(List.of("lead", "churned", "churned", "at_risk", "new", "established"),
                    java.util.Arrays.stream(out).mapToObj(n::get).toList());
        }

        /**
         * The model applies its rules column by column, lowest precedence first; this reference tests them in order
         * per customer. Random customers mix every rule, NaN recency and surveys, and lead flags over negative
         * recency (a lead's recency is not checked).
         */
        @Test
        void passesAgreeWithRulesTestedInOrder() {
            LifecycleModel.Thresholds t = new LifecycleModel.Thresholds(90, 120, 365, 6, -0.5);
            java.util.Random rnd = new java.util.Random(7);
            int n = 100_000; // several chunks
            double[] lead = new double[n];
            double[] churned = new double[n];
            double[] recency = new double[n];
            double[] tenure = new double[n];
            double[] survey = new double[n];
            double[] trend = new double[n];
            for (int i = 0; i < n; i++) {
                lead[i] = rnd.nextInt(10) == 0 ? 1 : 0;
                churned[i] = rnd.nextInt(10) == 0 ? 1 : 0;
                recency[i] = rnd.nextInt(20) == 0 ? Double.NaN : rnd.nextInt(500);
                recency[i] = lead[i] == 1 && rnd.nextBoolean() ? -5 : recency[i];
                tenure[i] = rnd.nextInt(200);
                survey[i] = rnd.nextInt(3) == 0 ? Double.NaN : rnd.nextInt(11);
                trend[i] = rnd.nextDouble() * 2 - 1;
            }
            CustomerFeatures f = CustomerFeatures.of(n).put(CustomerFeatures.LEAD, lead)
                    .put(CustomerFeatures.CHURNED, churned).put(CustomerFeatures.RECENCY, recency)
                    .put(CustomerFeatures.TENURE, tenure).put(CustomerFeatures.SURVEY, survey)
                    .put(CustomerFeatures.TREND, trend);
            int[] out = new int[n];
            LifecycleModel.of(t).assign(f, out);
            List<String> names = model().tierNames();
            for (int i = 0; i < n; i++) {
                String expected;
                double r = recency[i];
                if (lead[i] != 0 || Double.isNaN(r)) {
                    expected = "lead";
                } else if (churned[i] != 0 || r >= t.churnedDays()) {
                    expected = "churned";
                } else if (r >= t.atRiskDays() || survey[i] <= t.surveyAtRisk() || trend[i] <= t.trendAtRisk()) {
                    expected = "at_risk";
                } else {
                    expected = tenure[i] <= t.newDays() ? "new" : "established";
                }
                assertEquals(expected, names.get(out[i]), "customer " + i);
            }
        }

        @Test
        void negativeRecencyOfACustomerIsAnErrorNamingTheFirst() {
            CustomerFeatures f = CustomerFeatures.of(4)
                    .put(CustomerFeatures.LEAD, new double[] {1, 0, 0, 0})
                    .put(CustomerFeatures.CHURNED, new double[] {0, 0, 1, 0})
                    .put(CustomerFeatures.RECENCY, new double[] {-1, 3, -2, -3})
                    .put(CustomerFeatures.TENURE, new double[] {0, 5, 5, 5});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model().assign(f, new int[4]));
            assertEquals("feature 'recency' of customer #3 is -2.0; expected days >= 0", e.getMessage());
        }

        /**
         * No lifecycle rule reads the purchase count (never bought is an empty recency), so a fractional or negative
         * frequency neither changes a stage nor is checked: the model never computes the column.
         */
        @Test
        void frequencyIsNotReadSoItIsNotChecked() {
            CustomerFeatures f = CustomerFeatures.of(3)
                    .put(CustomerFeatures.RECENCY, new double[] {10, 100, Double.NaN})
                    .put(CustomerFeatures.TENURE, new double[] {500, 500, 500})
                    .putLazy(CustomerFeatures.FREQUENCY, () -> {
                        throw new AssertionError("lifecycle read frequency");
                    });
            int[] out = new int[3];
            model().assign(f, out);
            List<String> n = model().tierNames();
            assertEquals(List.of("established", "at_risk", "lead"), java.util.Arrays.stream(out).mapToObj(n::get).toList());
        }

        @Test
        void thresholdsOutOfOrderAreRejected() {
            assertThrows(IllegalArgumentException.class,
                    () -> new LifecycleModel.Thresholds(90, 200, 100, 6, Double.NEGATIVE_INFINITY));
        }
    }

    @Nested
    class Weighted extends TieringModelContract {
        @Override
        TieringModel model() {
            return WeightedScoreModel.fiveFactor();
        }

        @Test
        void handComputedScores() {
            // two factors, weights 3 and 1, min-max: customer scores 100*(3*x + y)/4
            WeightedScoreModel m = WeightedScoreModel.of(List.of(
                    new WeightedScoreModel.Factor("x", 3, WeightedScoreModel.Normalisation.MINMAX),
                    new WeightedScoreModel.Factor("y", 1, WeightedScoreModel.Normalisation.MINMAX)),
                    new double[] {75, 50}, List.of("gold", "silver", "bronze"));
            CustomerFeatures f = CustomerFeatures.of(3).put("x", new double[] {0, 10, 5}).put("y", new double[] {4, 0, 2});
            assertArrayEquals(new double[] {25, 75, 50}, m.scores(f), 1e-9);
            int[] out = new int[3];
            m.assign(f, out);
            assertArrayEquals(new int[] {2, 0, 1}, out);
        }

        @Test
        void percentileAndZscoreNormalisation() {
            assertArrayEquals(new double[] {0.25, 0.25, 0.75, 0.75},
                    WeightedScoreModel.normalise(new double[] {1, 1, 2, 2}, WeightedScoreModel.Normalisation.PERCENTILE), 1e-12);
            assertArrayEquals(new double[] {0.5, 0.5},
                    WeightedScoreModel.normalise(new double[] {3, 3}, WeightedScoreModel.Normalisation.ZSCORE), 1e-12);
        }

        @Test
        void badSpecsAreRejected() {
            List<WeightedScoreModel.Factor> f = List.of(new WeightedScoreModel.Factor("x", 0, WeightedScoreModel.Normalisation.MINMAX));
            assertThrows(IllegalArgumentException.class, () -> WeightedScoreModel.of(f, new double[] {50}, null));
            List<WeightedScoreModel.Factor> g = List.of(new WeightedScoreModel.Factor("x", 1, WeightedScoreModel.Normalisation.MINMAX));
            assertThrows(IllegalArgumentException.class, () -> WeightedScoreModel.of(g, new double[] {50, 80}, null));
        }
    }

    @Nested
    class Top extends TieringModelContract {
        @Override
        TieringModel model() {
            return TopCountModel.of(CustomerFeatures.MONETARY, new int[] {30, 170}, List.of("Key", "Growth", "Standard"));
        }

        @Test
        void topNWithTiesAtTheBoundary() {
            int[] out = new int[5];
            TopCountModel.of("v", new int[] {2}, List.of("top", "rest")).assign(Fixtures.of("v", 9, 7, 7, 1, 8), out);
            assertArrayEquals(new int[] {0, 1, 1, 1, 0}, out);
            TopCountModel.of("v", new int[] {2}, List.of("top", "rest")).assign(Fixtures.of("v", 9, 8, 8, 1, 2), out);
            assertArrayEquals(new int[] {0, 0, 0, 1, 1}, out, "customers tied with the last of a tier join it");
        }
    }

    @Nested
    class Attribute extends TieringModelContract {
        @Override
        TieringModel model() {
            return AttributeModel.of("industry", List.of("software", "finance", "retail"),
                    AbcModel.of(CustomerFeatures.MONETARY, new double[] {0.8, 0.2}, null));
        }

        @Test
        void crossedNames() {
            assertEquals("finance / B", model().tierNames().get(3));
            AttributeModel undeclared = AttributeModel.of("industry", List.of("software"), null);
            assertThrows(IllegalArgumentException.class, () -> undeclared.assign(Fixtures.customers(10, 1), new int[10]));
        }
    }

    /** Scope group with ABC inside: the contract holds, including levels with nobody (empty input, one customer). */
    @Nested
    class AbcWithinEachLevel extends TieringModelContract {
        @Override
        TieringModel model() {
            return AttributeModel.of("industry", List.of("software", "finance", "retail"),
                    AbcModel.of(CustomerFeatures.MONETARY, new double[] {0.8, 0.15, 0.05}, null),
                    AttributeModel.Scope.GROUP);
        }
    }

    /** Scope group with standard RFM inside (three columns, read and released per level). */
    @Nested
    class RfmWithinEachLevel extends TieringModelContract {
        @Override
        TieringModel model() {
            return AttributeModel.of("industry", List.of("software", "finance", "retail"),
                    RfmModel.of(5, new Binning.Quantile(), null), AttributeModel.Scope.GROUP);
        }

        /**
         * Each level's tiers are what the inner model gives that level's customers tiered on their own, in input
         * order (ntile breaks ties by it, so a level must keep its customers' order).
         */
        @Test
        void eachLevelIsTieredAsIfItWereTheWholeBase() {
            for (Binning binning : List.of(new Binning.Quantile(), new Binning.EqualCount())) {
                RfmModel inner = RfmModel.of(5, binning, null);
                AttributeModel byIndustry = AttributeModel.of("industry", List.of("software", "finance", "retail"),
                        inner, AttributeModel.Scope.GROUP);
                assertEveryLevelTieredAlone(byIndustry, inner);
            }
        }

        private void assertEveryLevelTieredAlone(AttributeModel model, TieringModel inner) {
            CustomerFeatures f = Fixtures.customers(3000, 8);
            int[] out = new int[f.size()];
            model.assign(f, out);
            int tiers = inner.tierNames().size();
            int[] codes = f.categorical("industry").codes();
            for (int level = 0; level < 3; level++) {
                int l = level;
                int[] rows = java.util.stream.IntStream.range(0, f.size()).filter(i -> codes[i] == l).toArray();
                int[] alone = new int[rows.length];
                inner.assign(Fixtures.permute(f, rows), alone);
                for (int j = 0; j < rows.length; j++) {
                    assertEquals(level * tiers + alone[j], out[rows[j]], "customer " + rows[j]);
                }
            }
        }
    }

    /** Tiers of scope base and scope group, hand-computed; customers of the two regions interleaved. */
    @Nested
    class Scopes {
        private final List<String> regions = List.of("north", "east", "south"); // nobody in the east

        /** North spends 1000, 800, 200; south 60, 30, 10 (total 100); shares 0.8, 0.15, 0.05. */
        private CustomerFeatures abcCustomers() {
            return CustomerFeatures.of(6)
                    .put(CustomerFeatures.MONETARY, new double[] {30, 1000, 10, 200, 60, 800})
                    .putCategorical("region", new int[] {1, 0, 1, 0, 1, 0}, List.of("north", "south"));
        }

        private int[] abc(AttributeModel.Scope scope, CustomerFeatures f) {
            AttributeModel m = AttributeModel.of("region", regions,
                    AbcModel.of(CustomerFeatures.MONETARY, new double[] {0.8, 0.15, 0.05}, null), scope);
            assertEquals(List.of("north / A", "north / B", "north / C", "east / A", "east / B", "east / C",
                    "south / A", "south / B", "south / C"), m.tierNames());
            int[] out = new int[f.size()];
            m.assign(f, out);
            return out;
        }

        /**
         * Whole base (2100): 1000 and 800 start at 0 % and 47.6 % (A), 200 at 85.7 % (B), 60 at 95.2 %, 30 and 10
         * later (C): the whole south is C.
         */
        @Test
        void abcOverTheWholeBase() {
            assertArrayEquals(new int[] {8, 0, 8, 1, 8, 0}, abc(AttributeModel.Scope.BASE, abcCustomers()));
        }

        /**
         * The north alone (2000): 1000 and 800 start at 0 % and 50 % (A), 200 at 90 % (B). The south alone (100): 60
         * and 30 start at 0 % and 60 % (A), 10 at 90 % (B). The empty east is tiered too, and gets nobody.
         */
        @Test
        void abcWithinEachRegion() {
            assertArrayEquals(new int[] {6, 0, 7, 1, 6, 0}, abc(AttributeModel.Scope.GROUP, abcCustomers()));
        }

        /**
         * RFM with two bins and one segment, best = F 2 and M 2 (any R); the north buys 10 to 40 times for 1000 to
         * 4000, the south 1 to 4 times for 10 to 40.
         */
        private int[] rfm(AttributeModel.Scope scope) {
            RfmModel inner = RfmModel.of(2, new Binning.Quantile(), List.of(new RfmModel.Segment("best",
                    new int[] {1, 2}, new int[] {2, 2}, new int[] {2, 2})));
            AttributeModel m = AttributeModel.of("region", List.of("north", "south"), inner, scope);
            assertEquals(List.of("north / best", "north / Others", "south / best", "south / Others"), m.tierNames());
            CustomerFeatures f = CustomerFeatures.of(8)
                    .put(CustomerFeatures.RECENCY, new double[] {5, 5, 5, 5, 5, 5, 5, 5})
                    .put(CustomerFeatures.FREQUENCY, new double[] {10, 4, 40, 1, 30, 3, 20, 2})
                    .put(CustomerFeatures.MONETARY, new double[] {1000, 40, 4000, 10, 3000, 30, 2000, 20})
                    .putCategorical("region", new int[] {0, 1, 0, 1, 0, 1, 0, 1}, List.of("north", "south"));
            int[] out = new int[8];
            m.assign(f, out);
            return out;
        }

        /** Whole base: the break is the 4th of 8 values (F 4, M 40), so every north customer scores 2, no south one. */
        @Test
        void rfmOverTheWholeBase() {
            assertArrayEquals(new int[] {0, 3, 0, 3, 0, 3, 0, 3}, rfm(AttributeModel.Scope.BASE));
        }

        /** Each region alone: the break is its 2nd of 4 values (north F 20, M 2000; south F 2, M 20). */
        @Test
        void rfmWithinEachRegion() {
            assertArrayEquals(new int[] {1, 2, 0, 3, 0, 2, 1, 3}, rfm(AttributeModel.Scope.GROUP));
        }

        /** A bad value is named as the whole table names the customer, not by their place in the group. */
        @Test
        void aBadValueNamesTheCustomerOfTheWholeBase() {
            CustomerFeatures f = abcCustomers().describedBy(i -> "customer at line " + (i + 2));
            f.numeric(CustomerFeatures.MONETARY)[4] = Double.NaN;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> abc(AttributeModel.Scope.GROUP, f));
            assertEquals("feature 'monetary' of customer at line 6 is NaN; expected a number", e.getMessage());
        }

        /** A table reader's wording of an empty cell names the cell in the whole table, not in the group. */
        @Test
        void anEmptyCellNamesItsPlaceInTheWholeTable() {
            CustomerFeatures f = abcCustomers().missingDescribedBy((col, i) -> "line " + (i + 2) + ", column '" + col
                    + "': the cell is empty");
            f.numeric(CustomerFeatures.MONETARY)[4] = Double.NaN;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> abc(AttributeModel.Scope.GROUP, f));
            assertEquals("line 6, column 'monetary': the cell is empty; expected a number", e.getMessage());
        }

        /** The whole base's lazy columns are computed once for all levels, and released when every level is tiered. */
        @Test
        void lazyColumnsAreReadOnceAndReleased() {
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            double[] monetary = abcCustomers().numeric(CustomerFeatures.MONETARY);
            CustomerFeatures lazy = CustomerFeatures.of(6).putLazy(CustomerFeatures.MONETARY, () -> {
                calls.incrementAndGet();
                return monetary.clone();
            }).putCategorical("region", new int[] {1, 0, 1, 0, 1, 0}, List.of("north", "south"));
            assertArrayEquals(abc(AttributeModel.Scope.GROUP, abcCustomers()), abc(AttributeModel.Scope.GROUP, lazy));
            assertEquals(1, calls.get(), "one computation serves the three levels");
            lazy.numeric(CustomerFeatures.MONETARY);
            assertEquals(2, calls.get(), "released after the levels were tiered, so computed again");
        }

        @Test
        void scopeGroupNeedsAnInnerModel() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AttributeModel.of("region", regions, null, AttributeModel.Scope.GROUP));
            assertTrue(e.getMessage().contains("no 'within' model"), e.getMessage());
        }
    }

    @Nested
    class Predicted extends TieringModelContract {
        @Override
        TieringModel model() {
            return PredictedValueModel.of(ValuePredictor.historicalRate(365), 365, new double[] {0.8, 0.15, 0.05}, null);
        }

        @Test
        void classesByPredictedValue() {
            // revenue rates 10/day, 1/day, 0 (lapsed): predicted 3650, 365, 0 over a year
            CustomerFeatures f = CustomerFeatures.of(3)
                    .put(CustomerFeatures.MONETARY, new double[] {1000, 100, 5000})
                    .put(CustomerFeatures.TENURE, new double[] {100, 100, 100})
                    .put(CustomerFeatures.RECENCY, new double[] {5, 5, 400});
            int[] out = new int[3];
            model().assign(f, out);
            assertArrayEquals(new int[] {0, 1, 2}, out);
        }
    }
}
