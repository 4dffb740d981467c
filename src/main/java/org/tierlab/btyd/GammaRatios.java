package org.tierlab.btyd;

/**
 * {@link SpecialFunctions#gammaRatios} for the distinct repeat-purchase counts of a {@link Triples}, with its
 * output and scratch arrays allocated once: a likelihood evaluator calls {@link #at} for each shape parameter at
 * every step of the optimiser, and reads {@link #ln} and {@link #psi}.
 */
final class GammaRatios {
    /** lnGamma(v + x) - lnGamma(v) for each distinct count x, after {@link #at}(v). */
    final double[] ln;
    /** digamma(v + x) - digamma(v) for each distinct count x, after {@link #at}(v). */
    final double[] psi;
    private final int[] xs;
    private final int maxX;
    private final double[] lnScratch;
    private final double[] psiScratch;

    GammaRatios(Triples g) {
        xs = g.xValues;
        maxX = g.maxX;
        ln = new double[xs.length];
        psi = new double[xs.length];
        int scratch = SpecialFunctions.dense(xs.length, maxX) ? maxX + 1 : 0;
        lnScratch = new double[scratch];
        psiScratch = new double[scratch];
    }

    /** Fills {@link #ln} and {@link #psi} for shape v. */
    void at(double v) {
        SpecialFunctions.gammaRatios(v, xs, maxX, lnScratch, psiScratch, ln, psi);
    }
}
