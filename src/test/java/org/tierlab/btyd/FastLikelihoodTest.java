package org.tierlab.btyd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast path of {@link Fit} (likelihoods summed over distinct (x, t_x, T) triples with analytic gradients,
 * BFGS, standard errors from differences of the gradient) against the plain per-customer likelihoods and against
 * the Nelder-Mead fits it replaced, on the CDNOW sample and master.
 */
class FastLikelihoodTest {
    private static Summaries sample;
    private static Summaries master;

    @BeforeAll
    static void load() {
        sample = Cdnow.sampleWeeks();
        master = Summaries.of(Cdnow.master(), Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END, 7);
    }

    private static final double[][] BG_POINTS = {{1, 1, 1, 1}, {0.243, 4.414, 0.793, 2.426}, {3, 0.2, 12, 0.05},
        {0.01, 80, 0.3, 40}, {1.7, 1e-3, 2e-3, 900}};
    private static final double[][] PARETO_POINTS = {{1, 1, 1, 1}, {0.553, 10.578, 0.606, 11.669}, {0.5, 2, 0.6, 30},
        {2, 40, 0.3, 0.5}, {0.2, 0.5, 2.5, 60}, {1.3, 100, 0.01, 0.2}, {0.5, 1e4, 0.005, 0.6}, {0.5, 0.6, 0.005, 1e4}, {0.7, 3, 1.4, 3}};
    private static final double[][] GG_POINTS = {{1, 1, 1}, {6.25, 3.74, 15.44}, {0.1, 30, 0.5}, {40, 0.2, 300}};

    @Test
    void valuesAndGradientsAgreeWithThePlainLikelihood() {
        check(new BgNbd(), BG_POINTS);
        check(new ParetoNbd(), PARETO_POINTS);
        check(new GammaGamma(), GG_POINTS);
    }

    private static void check(LikelihoodModel model, double[][] points) {
        for (Summaries s : new Summaries[] {sample, master}) {
            Differentiable.Evaluator e = ((Differentiable) model).evaluator(s);
            for (double[] p : points) {
                String what = model.name() + " at " + Arrays.toString(p);
                double reference = model.logLikelihood(p, s);
                double[] g = new double[p.length];
                double fast = e.logLikelihood(p, g);
                assertEquals(reference, fast, 1e-11 * Math.abs(reference), what);
                assertEquals(fast, e.logLikelihood(p, null), 0, what + " without the gradient");
                for (int j = 0; j < p.length; j++) {
                    double h = 1e-6 * p[j];
                    double[] up = p.clone();
                    double[] down = p.clone();
                    up[j] += h;
                    down[j] -= h;
                    double numeric = (e.logLikelihood(up, null) - e.logLikelihood(down, null)) / (2 * h);
                    // the difference quotient loses to rounding about 1e-16 of the sum of the magnitudes of the terms, / h
                    double noise = 1e-14 * Math.abs(fast) / h;
                    assertEquals(numeric, g[j], 1e-6 * Math.abs(numeric) + 10 * noise, what + ", d/d" + model.parameters().get(j));
                }
            }
        }
    }

    @Test
    void gammaRatiosByRecurrenceAgreeWithLnGamma() {
        int[] xs = {0, 1, 2, 7, 30, 5};
        double[] lnA = new double[xs.length];
        double[] psiA = new double[xs.length];
        double[] lnB = new double[xs.length];
        double[] psiB = new double[xs.length];
        for (double v : new double[] {1e-3, 0.243, 1, 6.5, 300}) {
            SpecialFunctions.gammaRatios(v, xs, 30, new double[31], new double[31], lnA, psiA);
            for (int i = 0; i < xs.length; i++) {
                lnB[i] = SpecialFunctions.lnGamma(v + xs[i]) - SpecialFunctions.lnGamma(v);
                psiB[i] = SpecialFunctions.digamma(v + xs[i]) - SpecialFunctions.digamma(v);
                assertEquals(lnB[i], lnA[i], 1e-12 * (1 + Math.abs(lnB[i])), "lnGamma ratio at " + v + ", " + xs[i]);
                assertEquals(psiB[i], psiA[i], 1e-12 * (1 + Math.abs(psiB[i])), "digamma difference at " + v + ", " + xs[i]);
            }
        }
        assertTrue(SpecialFunctions.dense(6, 30));
        assertTrue(!SpecialFunctions.dense(2, 1_000_000));
    }

    /** Estimates, standard errors and log-likelihoods of the Nelder-Mead fits (tierlab before BFGS). */
    @Test
    void fitsAgreeWithTheNelderMeadFits() {
        agree(new BgNbd(), sample, new double[] {0.24259437675837944, 4.413591197206962, 0.7929332002190028, 2.425941091130285},
                new double[] {0.012557422889842329, 0.37822475288703283, 0.18575012283876194, 0.7054780992648798}, -9582.429206676423);
        agree(new ParetoNbd(), sample, new double[] {0.5532798353109382, 10.577765616635768, 0.6062496774542009, 11.669029400362083},
                new double[] {0.047628918081805874, 0.8427263826377421, 0.18731251925471987, 6.212093860756716}, -9594.976178946865);
        agree(new GammaGamma(), sample, new double[] {6.249565805237655, 3.7442168187092872, 15.443515489550615},
                new double[] {1.1901430044531798, 0.29014387893392396, 4.159728295949883}, -4055.917694803489);
        agree(new BgNbd(), master, new double[] {0.2516238584399102, 4.788940936393698, 0.7234397624221527, 2.1610954735951866},
                new double[] {0.004201654005992998, 0.13124016428378601, 0.053926847004587435, 0.19857727411571602}, -95368.44393318749);
        agree(new ParetoNbd(), master, new double[] {0.5974212041222225, 11.585661745605842, 0.5221817916525241, 8.827681097004021},
                new double[] {0.017366962098413936, 0.2966939508622852, 0.04633733010528552, 1.474043089270918}, -95415.11861750198);
        agree(new GammaGamma(), master, new double[] {6.275410824576127, 3.62444285082069, 14.983518622034826},
                new double[] {0.39971233721266064, 0.09055317882429642, 1.3440507737207879}, -40763.47626139979);
    }

    private static void agree(LikelihoodModel model, Summaries s, double[] estimate, double[] se, double ll) {
        double[] start = new double[estimate.length];
        Arrays.fill(start, 1);
        Fit f = Fit.of(model, s, start, 0);
        String what = model.name() + " on " + s.size() + ": " + Arrays.toString(f.estimate()) + " se "
                + Arrays.toString(f.standardError()) + " LL " + f.logLikelihood();
        assertTrue(f.converged(), what);
        assertTrue(f.logLikelihood() >= ll - 1e-9 * Math.abs(ll), what + ": a lower maximum than Nelder-Mead's");
        for (int j = 0; j < estimate.length; j++) {
            assertEquals(estimate[j], f.estimate()[j], 1e-4 * estimate[j], what);
            assertEquals(se[j], f.standardError()[j], 1e-3 * se[j], what);
        }
        // the plain per-customer Hessian (second differences of the log-likelihood) gives the same standard errors
        // to its own rounding noise; on the 23,570-customer master that noise reaches several 1e-3 relative (it
        // moves by that much between two points 1e-6 apart), so the check is on the sample only
        if (s.size() < 10_000) {
            double[] plain = Fit.standardErrors(model, s, f.estimate());
            for (int j = 0; j < estimate.length; j++) {
                assertEquals(plain[j], f.standardError()[j], 1e-3 * plain[j], what);
            }
        }
    }
}
