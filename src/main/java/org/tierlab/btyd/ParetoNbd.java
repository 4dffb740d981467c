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

    /** P(alive | x, tx, T) (Fader and Hardie's note, eq. 18, with A0 as in {@link #lnA0}). */
    public static double probabilityAlive(double[] p, int x, double tx, double T) {
        double r = p[0];
        double alpha = p[1];
        double sh = p[2];
        double beta = p[3];
        if (T <= tx) {
            return 1;
        }
        double lnRatio = Math.log(sh) - Math.log(r + sh + x) + (r + x) * Math.log(alpha + T) + sh * Math.log(beta + T)
                + lnA0(r, alpha, sh, beta, x, tx, T);
        return 1 / (1 + Math.exp(lnRatio));
    }

    /** Expected transactions in (T, T + t] given the customer's history (Schmittlein et al. 1987, eq. 22). */
    public static double conditionalExpected(double[] p, int x, double tx, double T, double t) {
        double r = p[0];
        double alpha = p[1];
        double sh = p[2];
        double beta = p[3];
        return (r + x) / (alpha + T) * aliveTime(sh, beta + T, t) * probabilityAlive(p, x, tx, T);
    }

    /** Expected transactions in (0, t] for a customer just acquired: r beta / (alpha (s - 1)) [1 - (beta/(beta+t))^(s-1)]. */
    public static double expected(double[] p, double t) {
        return p[0] / p[1] * aliveTime(p[2], p[3], t);
    }

    /**
     * E[min(lifetime, t)] for an exponential lifetime whose rate is Gamma(s, beta): beta/(s-1) [1 - (beta/(beta+t))^(s-1)],
     * with its limit beta log((beta+t)/beta) at s = 1.
     */
    private static double aliveTime(double s, double beta, double t) {
        double lnRatio = Math.log(beta / (beta + t));
        if (Math.abs(s - 1) < 1e-9) {
            return -beta * lnRatio;
        }
        return beta / (s - 1) * -Math.expm1((s - 1) * lnRatio);
    }

    /**
     * log A0 of Fader and Hardie's note (their eq. 19/20), chosen by whether alpha or beta is larger. Their
     * hypergeometric series converges like z^k, which is hopeless when z = |alpha - beta| / (max + t) nears 1
     * (as it does when one of alpha, beta is far larger than the other, which optimisers visit); there A0 is
     * computed from the integral it stands for instead.
     */
    static double lnA0(double r, double alpha, double s, double beta, int x, double tx, double T) {
        double rsx = r + s + x;
        double max = Math.max(alpha, beta);
        double diff = Math.abs(alpha - beta);
        double b = alpha >= beta ? s + 1 : r + x;
        double q1 = max + tx;
        double q2 = max + T;
        if (diff / q1 > SERIES_LIMIT) {
            return Math.log(rsx) + lnIntegral(r, alpha, s, beta, x, tx, T);
        }
        double l1 = lnHyp2f1(rsx, b, rsx + 1, diff / q1) - rsx * Math.log(q1);
        double l2 = lnHyp2f1(rsx, b, rsx + 1, diff / q2) - rsx * Math.log(q2);
        // log(e^l1 - e^l2), l1 >= l2 since tx <= T
        return l1 + Math.log(-Math.expm1(l2 - l1));
    }

    /** Above this z the series of {@link #lnA0} needs more than about a hundred terms. */
    static final double SERIES_LIMIT = 0.7;

    private static final double[] GL_NODES = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
        -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
    private static final double[] GL_WEIGHTS = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873,
        0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

    /**
     * log of the integral from tx to T of (alpha + t)^-(r+x) (beta + t)^-(s+1) dt, which is A0 / (r + s + x).
     * With u = log(m + t), m = min(alpha, beta), the log-integrand is concave and its slope is bounded by
     * r + s + x + 1, so composite 8-point Gauss-Legendre on panels over which it changes by at most 2 is accurate
     * to about 1e-12 relative; the sum is taken relative to its largest term so nothing underflows.
     */
    static double lnIntegral(double r, double alpha, double s, double beta, int x, double tx, double T) {
        double m = Math.min(alpha, beta);
        double d = Math.abs(alpha - beta);
        double lo = Math.log(m + tx);
        double hi = Math.log(m + T);
        if (hi <= lo) {
            return Double.NEGATIVE_INFINITY;
        }
        // t = e^u - m: the factor with the smaller constant is e^u, the other is e^u + d
        double pSmall = alpha <= beta ? r + x : s + 1;
        double pLarge = alpha <= beta ? s + 1 : r + x;
        int panels = (int) Math.min(400, Math.ceil((Math.abs(1 - pSmall) + pLarge) * (hi - lo) / 2) + 1);
        double width = (hi - lo) / panels;
        double[] logs = new double[panels * GL_NODES.length];
        double top = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (int j = 0; j < panels; j++) {
            double mid = lo + (j + 0.5) * width;
            for (int k = 0; k < GL_NODES.length; k++) {
                double u = mid + 0.5 * width * GL_NODES[k];
                double v = (1 - pSmall) * u - pLarge * Math.log(Math.exp(u) + d) + Math.log(GL_WEIGHTS[k] * 0.5 * width);
                logs[n++] = v;
                top = Math.max(top, v);
            }
        }
        double sum = 0;
        for (double v : logs) {
            sum += Math.exp(v - top);
        }
        return top + Math.log(sum);
    }
}
