package org.tierlab.btyd;

import static org.tierlab.btyd.SpecialFunctions.lnGamma;

import java.util.List;

/**
 * The Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV"; Colombo and Jiang 1999): a
 * transaction's value ~ Gamma(p, nu), nu ~ Gamma(q, gamma) across customers; fitted on the customers with at
 * least one repeat transaction, using their number of repeat transactions and mean repeat spend.
 * Parameters: p, q, gamma.
 */
public final class GammaGamma implements LikelihoodModel {
    @Override
    public String name() {
        return "Gamma-Gamma";
    }

    @Override
    public List<String> parameters() {
        return List.of("p", "q", "gamma");
    }

    @Override
    public int observations(Summaries s) {
        int n = 0;
        for (int x : s.x) {
            if (x > 0) {
                n++;
            }
        }
        return n;
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
            if (x == 0 || !(m > 0)) {
                continue;
            }
            double px = p * x;
            ll += lnGamma(px + q) - lnGamma(px) - lnGammaQ + q * Math.log(g) + (px - 1) * Math.log(m)
                    + px * Math.log(x) - (px + q) * Math.log(g + m * x);
        }
        return ll;
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
