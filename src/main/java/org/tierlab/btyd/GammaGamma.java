package org.tierlab.btyd;

import static org.tierlab.btyd.SpecialFunctions.lnGamma;

import java.util.List;

/**
 * The Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV"; Colombo and Jiang 1999): a
 * transaction's value ~ Gamma(p, nu), nu ~ Gamma(q, gamma) across customers; fitted on the customers with at
 * least one repeat transaction, using their number of repeat transactions and mean repeat spend.
 * Parameters: p, q, gamma.
 */
public final class GammaGamma implements LikelihoodModel, Differentiable {
    @Override
    public String name() {
        return "Gamma-Gamma";
    }

    @Override
    public List<String> parameters() {
        return List.of("p", "q", "gamma");
    }

    /** The customers the likelihood sums over, so the count reported is the count fitted. */
    @Override
    public int observations(Summaries s) {
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (fitted(s.x[i], s.meanSpend[i])) {
                n++;
            }
        }
        return n;
    }

    /**
     * True for a customer the model is fitted on: repeat transactions of positive mean value. A repeat buyer whose
     * repeat purchases were all worth 0 is left out, as the model's spend is Gamma distributed (positive).
     */
    private static boolean fitted(int x, double meanSpend) {
        return x > 0 && meanSpend > 0;
    }

    @Override
    public double logLikelihood(double[] params, Summaries s) {
        double p = params[0];
        double q = params[1];
        double g = params[2];
        double ll = 0;
        double lnGammaQ = lnGamma(q);
        for (int i = 0; i < s.size(); i++) {
            int x = s.x[i];
            double m = s.meanSpend[i];
            if (!fitted(x, m)) {
                continue;
            }
            double px = p * x;
            ll += lnGamma(px + q) - lnGamma(px) - lnGammaQ + q * Math.log(g) + (px - 1) * Math.log(m)
                    + px * Math.log(x) - (px + q) * Math.log(g + m * x);
        }
        return ll;
    }

    /**
     * The same log-likelihood with its gradient: the sums of x ln m, ln m and x ln x are fixed, the gamma
     * functions are needed once per distinct x, and one log per customer remains (of gamma + x m).
     */
    @Override
    public Evaluator evaluator(Summaries s) {
        int n = observations(s);
        int[] xs = new int[n];
        double[] spend = new double[n];
        Triples.ValueIndex index = new Triples.ValueIndex(64);
        int[] xi = new int[n];
        double sxLnM = 0;
        double sLnM = 0;
        double sxLnX = 0;
        int k = 0;
        for (int i = 0; i < s.size(); i++) {
            int x = s.x[i];
            double m = s.meanSpend[i];
            if (!fitted(x, m)) {
                continue;
            }
            xs[k] = x;
            spend[k] = m * x;
            xi[k] = index.indexOf(x);
            sxLnM += x * Math.log(m);
            sLnM += Math.log(m);
            sxLnX += x * Math.log(x);
            k++;
        }
        int used = k;
        int nx = index.size();
        int[] xValues = new int[nx];
        double[] xCount = new double[nx];
        for (int i = 0; i < used; i++) {
            xValues[xi[i]] = xs[i];
            xCount[xi[i]]++;
        }
        double fixedXLnM = sxLnM;
        double fixedLnM = sLnM;
        double fixedXLnX = sxLnX;
        return (params, grad) -> {
            double p = params[0];
            double q = params[1];
            double g = params[2];
            if (!(p > 0 && q > 0 && g > 0) || !Double.isFinite(p + q + g)) {
                return Double.NaN;
            }
            double lnG = Math.log(g);
            double ll = used * (q * lnG - lnGamma(q)) + p * (fixedXLnM + fixedXLnX) - fixedLnM;
            double dp = fixedXLnM + fixedXLnX;
            double dq = used * (lnG - SpecialFunctions.digamma(q));
            double dg = used * q / g;
            for (int i = 0; i < nx; i++) {
                double px = p * xValues[i];
                ll += xCount[i] * (lnGamma(px + q) - lnGamma(px));
                if (grad != null) {
                    double psiPxq = SpecialFunctions.digamma(px + q);
                    dp += xCount[i] * xValues[i] * (psiPxq - SpecialFunctions.digamma(px));
                    dq += xCount[i] * psiPxq;
                }
            }
            for (int i = 0; i < used; i++) {
                double x = xs[i];
                double gm = g + spend[i];
                double l = Math.log(gm);
                double px = p * x;
                ll -= (px + q) * l;
                dp -= x * l;
                dq -= l;
                dg -= (px + q) / gm;
            }
            if (grad != null) {
                grad[0] = dp;
                grad[1] = dq;
                grad[2] = dg;
            }
            return ll;
        };
    }

    /** Expected mean transaction value of a customer with x repeat transactions of mean value m. */
    public static double expectedSpend(double[] params, int x, double m) {
        double p = params[0];
        double q = params[1];
        double g = params[2];
        if (x == 0 || !(m > 0)) {
            return p * g / (q - 1);
        }
        return p * (g + x * m) / (p * x + q - 1);
    }
}
