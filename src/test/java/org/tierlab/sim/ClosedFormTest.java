package org.tierlab.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tierlab.scenario.Scenario;
import org.tierlab.stats.Estimate;
import org.tierlab.stats.MomentAccumulator;

/**
 * With no policy and satisfaction effects switched off, the simulator must reproduce the closed-form
 * expectations of the models its population is drawn from.
 *
 * <p>False-failure budget: each check asks whether the 99.9 % confidence interval over replications contains
 * the closed-form value, so a correct simulator fails a given check with probability 0.001 for a random seed;
 * the seeds are fixed, so the outcome is deterministic. Six checks: at most 0.6 % for a fresh seed.
 */
@Tag("slow")
class ClosedFormTest {
    private static final double LEVEL = 0.999;

    private static String scenario(String dropout, int periods) {
        return """
                name: closed-form
                horizon: {periods: %d, period: week, warmup: 0}
                replications: 40
                seed: 20261123
                population:
                  customers: 4000
                  segments:
                    - name: all
                      share: 1
                      purchase_rate: {shape: 0.8, rate: 2.5}
                      dropout: %s
                      spend: {p: 6, q: 4, gamma: 15}
                      tenure: {min: 0, max: 0}
                behaviour: {satisfaction_effects: false, survey_share: 0}
                staff: {support: 10}
                models: {halves: {model: halves}}
                policies: {none: {tiers: {}}}
                strategies: [{name: plain, model: halves, policy: none}]
                """.formatted(periods, dropout);
    }

    /** Mean over replications of (total transactions / cohort size) and of final retention. */
    private static Estimate[] simulate(Scenario sc) {
        MomentAccumulator purchases = new MomentAccumulator();
        MomentAccumulator retention = new MomentAccumulator();
        for (int r = 0; r < sc.replications(); r++) {
            UnitResult u = Simulation.run(sc, 0, r, true);
            double total = 0;
            for (double v : u.period()[PeriodMetric.TRANSACTIONS.ordinal()]) {
                total += v;
            }
            purchases.accept(total / sc.population().customers());
            double[] ret = u.period()[PeriodMetric.RETENTION.ordinal()];
            retention.accept(ret[ret.length - 1]);
        }
        return new Estimate[] {ci(purchases), ci(retention)};
    }

    private static Estimate ci(MomentAccumulator a) {
        return Estimate.of(a.count(), a.estimate().mean(), a.variance(), LEVEL);
    }

    private static void assertCovers(Estimate e, double truth, String what) {
        assertTrue(e.low() <= truth && truth <= e.high(),
                what + ": closed form " + truth + " outside " + LEVEL + " CI [" + e.low() + ", " + e.high() + "]");
    }

    @Test
    void shiftedBetaGeometricSurvivalAndNbdPurchases() {
        double a = 1.2;
        double b = 6.0;
        int periods = 13;
        Estimate[] sim = simulate(TestScenarios.read(scenario("{model: per_period, a: 1.2, b: 6.0}", periods)));
        // Customers are acquired just before period 0 (tenure 0), by a purchase that is history; each of the
        // periods has Poisson purchases then one dropout trial. S(k) = B(a, b + k) / B(a, b) after k trials
        // (Fader & Hardie 2007).
        int steps = periods;
        double survival = Math.exp(Beta.logBeta(a, b + steps) - Beta.logBeta(a, b));
        double meanRate = 0.8 / 2.5;
        double expected = 0;
        for (int k = 0; k < steps; k++) {
            expected += meanRate * Math.exp(Beta.logBeta(a, b + k) - Beta.logBeta(a, b));
        }
        assertCovers(sim[0], expected, "mean purchases (NBD x sBG)");
        assertCovers(sim[1], survival, "survival (sBG)");
    }

    @Test
    void bgNbdExpectedTransactions() {
        double r = 0.8;
        double alpha = 2.5;
        double a = 0.9;
        double b = 2.7;
        int periods = 27;
        Estimate[] sim = simulate(TestScenarios.read(scenario("{model: after_purchase, a: 0.9, b: 2.7}", periods)));
        double t = periods; // acquired just before period 0
        // E[X(t)] for BG/NBD, Fader, Hardie & Lee (2005), eq. 7.
        double z = t / (alpha + t);
        double expected = (a + b - 1) / (a - 1)
                * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, z));
        assertCovers(sim[0], expected, "BG/NBD E[X(t)]");
    }

    @Test
    void paretoNbdSurvivalAndPurchases() {
        double s = 1.5;
        double beta = 10.0;
        int periods = 21;
        Estimate[] sim = simulate(TestScenarios.read(scenario("{model: exponential, s: 1.5, beta: 10.0}", periods)));
        int steps = periods; // acquired just before period 0
        // Lifetime Exp(mu), mu ~ Gamma(s, beta): P(alive after k periods) = (beta / (beta + k))^s. Purchases in
        // a period happen before that period's dropout trial, so E[X] = (r / alpha) * sum_{k<steps} S(k).
        double survival = Math.pow(beta / (beta + steps), s);
        double expected = 0;
        for (int k = 0; k < steps; k++) {
            expected += 0.8 / 2.5 * Math.pow(beta / (beta + k), s);
        }
        assertCovers(sim[0], expected, "mean purchases (NBD x Pareto dropout)");
        assertCovers(sim[1], survival, "survival (exponential-gamma)");
    }

    /** Gauss hypergeometric series, convergent for |z| &lt; 1. */
    static double hyp2f1(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int k = 0; k < 100_000; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) < 1e-15 * Math.abs(sum)) {
                break;
            }
        }
        return sum;
    }
}
