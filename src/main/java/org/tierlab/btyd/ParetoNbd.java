package org.tierlab.btyd;

import static org.tierlab.btyd.SpecialFunctions.lnGamma;
import static org.tierlab.btyd.SpecialFunctions.lnHyp2f1;
import static org.tierlab.btyd.SpecialFunctions.logAddExp;

import java.util.List;

/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987), likelihood as in Fader and Hardie (2005),
 * "A note on deriving the Pareto/NBD model and related expressions": purchases at rate lambda ~ Gamma(r, alpha)
 * while alive, lifetime ~ Exponential(mu) with mu ~ Gamma(s, beta). Parameters: r, alpha, s, beta. The
 * hypergeometric terms are evaluated in log space and subtracted as log(e^a - e^b) to keep precision for large
 * x and T.
 */
public final class ParetoNbd implements LikelihoodModel {
    @Override
    public String name() {
        return "Pareto/NBD";
    }

    @Override
    public List<String> parameters() {
        return List.of("r", "alpha", "s", "beta");
    }

    @Override
    public int observations(Summaries s) {
        return s.size();
    }

    @Override
    public double logLikelihood(double[] p, Summaries s) {
        double r = p[0];
        double alpha = p[1];
        double sh = p[2];
        double beta = p[3];
        double lnGammaR = lnGamma(r);
        double ll = 0;
        for (int i = 0; i < s.size(); i++) {
            int x = s.x[i];
            double tx = s.tx[i];
            double T = s.T[i];
            double a1 = lnGamma(r + x) - lnGammaR + r * Math.log(alpha) + sh * Math.log(beta);
            double rsx = r + sh + x;
            double first = -(r + x) * Math.log(alpha + T) - sh * Math.log(beta + T);
            double second = Math.log(sh) + lnA0(r, alpha, sh, beta, x, tx, T) - Math.log(rsx);
            ll += a1 + logAddExp(first, second);
        }
        return ll;
    }

    /** log A0 of Fader and Hardie's note (their eq. 19/20), chosen by whether alpha or beta is larger. */
    static double lnA0(double r, double alpha, double s, double beta, int x, double tx, double T) {
        double rsx = r + s + x;
        double max = Math.max(alpha, beta);
        double diff = Math.abs(alpha - beta);
        double b = alpha >= beta ? s + 1 : r + x;
        double q1 = max + tx;
        double q2 = max + T;
        double l1 = lnHyp2f1(rsx, b, rsx + 1, diff / q1) - rsx * Math.log(q1);
        double l2 = lnHyp2f1(rsx, b, rsx + 1, diff / q2) - rsx * Math.log(q2);
        // log(e^l1 - e^l2), l1 >= l2 since tx <= T
        return l1 + Math.log(-Math.expm1(l2 - l1));
    }
}
