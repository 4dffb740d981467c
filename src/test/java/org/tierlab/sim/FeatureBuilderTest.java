package org.tierlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tierlab.scenario.Scenario;
import org.tierlab.score.CustomerFeatures;

/** The observable features the simulator hands to tiering models, checked against the state they come from. */
class FeatureBuilderTest {
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
}
