package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
