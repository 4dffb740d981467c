package org.tierlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tierlab.scenario.Scenario;
import org.tierlab.score.CustomerFeatures;

/** The observable features the simulator hands to tiering models, checked against the state they come from. */
class FeatureBuilderTest {
    private static final int GAPS = 100;

    @Test
    void profitIsTheSegmentMarginOnRevenueLessServiceCost() {
        Scenario sc = TestScenarios.read(EngineTest.POLICY_SCENARIO);
        Customers people = Customers.generate(sc, 0, 0);
        int n = people.appearedBy[0];
        CustomerState s = new CustomerState(people.size);
        double[] margin = {0.3, 0.6};
        for (int i = 0; i < n; i++) {
            s.status[i] = CustomerState.ACTIVE;
            s.monetary[i] = 100 + i;
            s.serviceCost[i] = i % 7;
        }
        CustomerFeatures f = FeatureBuilder.build(people, s, AttributeCatalog.of(sc.population()), n, 3,
                sc.horizon().period().days(), margin);
        double[] profit = f.numeric(CustomerFeatures.PROFIT);
        double[] monetary = f.numeric(CustomerFeatures.MONETARY);
        int[] seen = new int[2];
        for (int i = 0; i < n; i++) {
            int g = people.segment[i];
            seen[g]++;
            assertEquals((100 + i) * margin[g] - i % 7, profit[i], 1e-9, "customer " + i);
            assertEquals(100 + i, monetary[i]);
        }
        assertEquals(n, seen[0] + seen[1]);
        assertEquals(true, seen[0] > 0 && seen[1] > 0, "both segments present");
    }

    /**
     * Recency is whole days (the periods since the last purchase times the period's length, rounded), and
     * rounding keeps the order and the ties of the exact figure, so rank-based models tier as they would on it.
     */
    @Test
    void recencyIsWholeDaysInTheOrderOfThePeriods() {
        Scenario sc = TestScenarios.read(EngineTest.POLICY_SCENARIO);
        Customers people = Customers.generate(sc, 0, 0);
        int n = people.appearedBy[0];
        CustomerState s = new CustomerState(people.size);
        int t = 300;
        double days = sc.horizon().period().days();
        assertEquals(365.25 / 12, days, 0.0, "the test scenario runs in months");
        for (int i = 0; i < n; i++) {
            s.status[i] = CustomerState.ACTIVE;
            s.lastPurchase[i] = i == 0 ? CustomerState.NEVER : (short) (t - i % GAPS);
        }
        double[] recency = FeatureBuilder.build(people, s, AttributeCatalog.of(sc.population()), n, t, days,
                new double[] {0.3, 0.6}).numeric(CustomerFeatures.RECENCY);
        assertTrue(Double.isNaN(recency[0]), "never bought");
        double[] byPeriods = new double[GAPS];
        for (int i = 1; i < n; i++) {
            int periods = i % GAPS;
            assertEquals(Math.rint(periods * days), recency[i], 0.0, "customer " + i);
            byPeriods[periods] = recency[i];
        }
        assertTrue(n > GAPS, "every gap from 0 to " + (GAPS - 1) + " periods is seen");
        for (int k = 1; k < byPeriods.length; k++) {
            assertTrue(byPeriods[k] > byPeriods[k - 1], "order kept at " + k + " periods");
        }
        assertEquals(30, byPeriods[1]);
        assertEquals(61, byPeriods[2]);
        assertEquals(3013, byPeriods[99]); // 99 x 30.4375 = 3013.31
    }
}
