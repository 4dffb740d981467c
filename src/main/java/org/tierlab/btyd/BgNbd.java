package org.tierlab.btyd;

import static org.tierlab.btyd.SpecialFunctions.lnBeta;
import static org.tierlab.btyd.SpecialFunctions.lnGamma;
import static org.tierlab.btyd.SpecialFunctions.lnHyp2f1;
import static org.tierlab.btyd.SpecialFunctions.logAddExp;

import java.util.List;

/**
 * The BG/NBD model (Fader, Hardie and Lee 2005, "Counting your customers the easy way"): purchases at rate
 * lambda ~ Gamma(r, alpha) while alive; after each purchase the customer leaves with probability p ~ Beta(a, b).
 * Parameters: r, alpha, a, b.
 */
public final class BgNbd implements LikelihoodModel {
    @Override
    public String name() {
        return "BG/NBD";
    }

    @Override
    public List<String> parameters() {
        return List.of("r", "alpha", "a", "b");
    }

    @Override
    public int observations(Summaries s) {
        return s.size();
    }

    @Override
    public double logLikelihood(double[] p, Summaries s) {
        double r = p[0];
        double alpha = p[1];
        double a = p[2];
        double b = p[3];
        double lnBetaAB = lnBeta(a, b);
        double lnGammaR = lnGamma(r);
        double ll = 0;
        for (int i = 0; i < s.size(); i++) {
            int x = s.x[i];
            double a1 = lnGamma(r + x) - lnGammaR + r * Math.log(alpha);
            double a2 = lnBeta(a, b + x) - lnBetaAB;
            double a3 = -(r + x) * Math.log(alpha + s.T[i]);
            double a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + s.tx[i])
                    : Double.NEGATIVE_INFINITY;
            ll += a1 + a2 + logAddExp(a3, a4);
        }
        return ll;
    }

    /** P(alive | x, tx, T) (eq. 10 of the paper); 1 for customers with no repeat purchase. */
    public static double probabilityAlive(double[] p, int x, double tx, double T) {
        if (x == 0) {
            return 1;
        }
        double r = p[0];
        double alpha = p[1];
        double a = p[2];
        double b = p[3];
        return 1 / (1 + a / (b + x - 1) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx))));
    }

    /** Expected transactions in (T, T + t] given the customer's history (eq. 10 of the paper). */
    public static double conditionalExpected(double[] p, int x, double tx, double T, double t) {
        double r = p[0];
        double alpha = p[1];
        double a = p[2];
        double b = p[3];
        double z = t / (alpha + T + t);
        double hyp = Math.exp(lnHyp2f1(r + x, b + x, a + b + x - 1, z) + (r + x) * Math.log((alpha + T) / (alpha + T + t)));
        double numerator = (a + b + x - 1) / (a - 1) * (1 - hyp);
        double denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx))) : 0);
        return numerator / denominator;
    }

    /** Expected transactions in (0, t] for a customer just acquired (eq. 7 of the paper). */
    public static double expected(double[] p, double t) {
        double r = p[0];
        double alpha = p[1];
        double a = p[2];
        double b = p[3];
        double z = t / (alpha + t);
        return (a + b - 1) / (a - 1)
                * (1 - Math.exp(r * Math.log(alpha / (alpha + t)) + lnHyp2f1(r, b, a + b - 1, z)));
    }

    /** P(X(t) = x) for a customer observed for t (eq. 8 of the paper): the calibration histogram. */
    public static double probabilityOfCount(double[] p, int x, double t) {
        double r = p[0];
        double alpha = p[1];
        double a = p[2];
        double b = p[3];
        double lnB = lnBeta(a, b);
        double lnRatio = Math.log(alpha / (alpha + t));
        double lnZ = Math.log(t / (alpha + t));
        double first = Math.exp(lnBeta(a, b + x) - lnB + lnGamma(r + x) - lnGamma(r) - lnGamma(x + 1) + r * lnRatio
                + x * lnZ);
        if (x == 0) {
            return first;
        }
        double sum = 0;
        for (int j = 0; j < x; j++) {
            sum += Math.exp(lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + j * lnZ);
        }
        return first + Math.exp(lnBeta(a + 1, b + x - 1) - lnB) * (1 - Math.exp(r * lnRatio) * sum);
    }
}
