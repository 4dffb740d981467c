package org.tierlab.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tierlab.scenario.Scenario;
import org.tierlab.stats.MomentAccumulator;

/**
 * Common random numbers must make paired differences between strategies much tighter than independent
 * streams. The factor is measured on the profit difference between a strategy and the no-maintenance baseline
 * and printed; the threshold of 5 is the requirement of the engine issue.
 */
@Tag("slow")
class CommonRandomNumbersTest {
    static double differenceVariance(Scenario sc, int strategy, boolean crn) {
        MomentAccumulator acc = new MomentAccumulator();
        for (int r = 0; r < sc.replications(); r++) {
            double a = Simulation.run(sc, strategy, r, crn).summary()[SummaryMetric.PROFIT.ordinal()];
            double b = Simulation.run(sc, 0, r, crn).summary()[SummaryMetric.PROFIT.ordinal()];
            acc.accept(a - b);
        }
        return acc.variance();
    }

    @Test
    void pairedDifferencesAreAtLeastFiveTimesTighter() {
        // the shipped B2B SaaS scenario, fee tiers revised quarterly against no maintenance
        Scenario sc = org.tierlab.scenario.ScenarioReader.of(org.tierlab.score.TieringSpecs::parse)
                .read(java.nio.file.Path.of("scenarios/b2b-saas.yaml")).with(20, 11L);
        int strategy = 2;
        double crn = differenceVariance(sc, strategy, true);
        double independent = differenceVariance(sc, strategy, false);
        double factor = independent / crn;
        System.out.printf("CRN variance reduction on the profit difference %s - no-maintenance (b2b-saas, %d reps): "
                + "%.1fx%n", sc.strategies().get(strategy).name(), sc.replications(), factor);
        assertTrue(factor >= 5, "variance reduction only " + factor + "x");
    }
}
