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
public final class ParetoNbd implements LikelihoodModel, Differentiable {
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

    /**
     * The same log-likelihood over the distinct (x, t_x, T) triples, with its gradient. The hypergeometric series
     * of A0 are summed together with their derivatives in a, b and z (one pass), once per distinct (x, t_x) and
     * (x, T) pair; where the series would be slow A0's integral is used, its derivatives being integrals of the
     * integrand's derivatives on the same quadrature nodes.
     */
    @Override
    public Evaluator evaluator(Summaries s) {
        Triples g = new Triples(s);
        int nx = g.xValues.length;
        GammaRatios ofR = new GammaRatios(g);
        int nt = g.tValues.length;
        double[] lnAT = new double[nt];
        double[] invAT = new double[nt];
        double[] lnBT = new double[nt];
        double[] invBT = new double[nt];
        // per (x, t_x) pair: l1 and its gradient (r, alpha, s, beta), or NaN where the integral is needed
        double[] l1 = new double[g.xTxPairs];
        double[][] dl1 = new double[g.xTxPairs][4];
        double[] l2 = new double[g.xTPairs];
        double[][] dl2 = new double[g.xTPairs][4];
        int[] l2Stamp = new int[g.xTPairs];
        int[] stamp = {0};
        double[] series = new double[4];
        double[] dI = new double[4];
        double customers = s.size();
        int[] pairTriple = new int[g.xTxPairs];
        java.util.Arrays.fill(pairTriple, -1);
        for (int t = 0; t < g.size; t++) {
            if (pairTriple[g.xTxPair[t]] < 0) {
                pairTriple[g.xTxPair[t]] = t;
            }
        }
        int[] tPairTriple = new int[g.xTPairs];
        for (int t = 0; t < g.size; t++) {
            tPairTriple[g.xTPair[t]] = t;
        }
        return (p, grad) -> {
            double r = p[0];
            double alpha = p[1];
            double sh = p[2];
            double beta = p[3];
            if (!(r > 0 && alpha > 0 && sh > 0 && beta > 0) || !Double.isFinite(r + alpha + sh + beta)) {
                return Double.NaN;
            }
            stamp[0]++;
            double lnAlpha = Math.log(alpha);
            double lnBeta = Math.log(beta);
            double lnS = Math.log(sh);
            ofR.at(r);
            double ll = customers * (r * lnAlpha + sh * lnBeta);
            double dr = customers * lnAlpha;
            double dAlpha = customers * r / alpha;
            double ds = customers * lnBeta;
            double dBeta = customers * sh / beta;
            for (int i = 0; i < nx; i++) {
                ll += g.xCount[i] * ofR.ln[i];
                dr += g.xCount[i] * ofR.psi[i];
            }
            for (int i = 0; i < nt; i++) {
                lnAT[i] = Math.log(alpha + g.tValues[i]);
                invAT[i] = 1 / (alpha + g.tValues[i]);
                lnBT[i] = Math.log(beta + g.tValues[i]);
                invBT[i] = 1 / (beta + g.tValues[i]);
            }
            double max = Math.max(alpha, beta);
            double diff = Math.abs(alpha - beta);
            boolean alphaLarger = alpha >= beta;
            for (int pair = 0; pair < l1.length; pair++) {
                int t = pairTriple[pair];
                double q1 = max + g.tx[t];
                if (diff / q1 > SERIES_LIMIT) {
                    l1[pair] = Double.NaN;
                } else {
                    l1[pair] = lnSeriesTerm(r, alpha, sh, beta, g.x[t], g.tx[t], alphaLarger, max, diff, series, dl1[pair]);
                }
            }
            for (int t = 0; t < g.size; t++) {
                double c = g.count[t];
                int x = g.x[t];
                double tx = g.tx[t];
                double bigT = g.T[t];
                int ti = g.tIndex[t];
                double rx = r + x;
                double rsx = rx + sh;
                double first = -rx * lnAT[ti] - sh * lnBT[ti];
                // ln I, I the integral from tx to T of (alpha + t)^-(r+x) (beta + t)^-(s+1) dt = A0 / (r + s + x)
                double lnI;
                int pair = g.xTxPair[t];
                if (Double.isNaN(l1[pair])) {
                    lnI = lnIntegralAndGradient(r, alpha, sh, beta, x, tx, bigT, dI);
                } else if (!(bigT > tx)) {
                    lnI = Double.NEGATIVE_INFINITY;
                } else {
                    int tp = g.xTPair[t];
                    if (l2Stamp[tp] != stamp[0]) {
                        l2Stamp[tp] = stamp[0];
                        l2[tp] = lnSeriesTerm(r, alpha, sh, beta, x, bigT, alphaLarger, max, diff, series, dl2[tp]);
                    }
                    double a = l1[pair];
                    double b = l2[tp];
                    double[] da = dl1[pair];
                    double[] db = dl2[tp];
                    // log(e^a - e^b), a >= b since tx <= T
                    double m1 = -Math.expm1(b - a);
                    double rho = Math.exp(b - a);
                    lnI = a + Math.log(m1) - Math.log(rsx);
                    for (int j = 0; j < 4; j++) {
                        dI[j] = (da[j] - rho * db[j]) / m1;
                    }
                    dI[0] -= 1 / rsx;
                    dI[2] -= 1 / rsx;
                }
                double second = lnS + lnI;
                if (second == Double.NEGATIVE_INFINITY || Double.isNaN(second)) {
                    if (Double.isNaN(second)) {
                        return Double.NaN;
                    }
                    ll += c * first;
                    dr -= c * lnAT[ti];
                    dAlpha -= c * rx * invAT[ti];
                    ds -= c * lnBT[ti];
                    dBeta -= c * sh * invBT[ti];
                    continue;
                }
                double e = Math.exp(-Math.abs(first - second));
                double w = second >= first ? 1 / (1 + e) : e / (1 + e);
                double v = 1 - w;
                ll += c * (Math.max(first, second) + Math.log1p(e));
                dr += c * (-v * lnAT[ti] + w * dI[0]);
                dAlpha += c * (-v * rx * invAT[ti] + w * dI[1]);
                ds += c * (-v * lnBT[ti] + w * (1 / sh + dI[2]));
                dBeta += c * (-v * sh * invBT[ti] + w * dI[3]);
            }
            if (grad != null) {
                grad[0] = dr;
                grad[1] = dAlpha;
                grad[2] = ds;
                grad[3] = dBeta;
            }
            return ll;
        };
    }

    /**
     * One term of A0 in the series form, l = ln 2F1(r+s+x, b; r+s+x+1; |alpha-beta| / (max + t)) - (r+s+x) ln(max + t),
     * and its gradient with respect to (r, alpha, s, beta) in {@code d}.
     */
    private static double lnSeriesTerm(double r, double alpha, double s, double beta, int x, double t, boolean alphaLarger,
            double max, double diff, double[] series, double[] d) {
        double rsx = r + s + x;
        double b = alphaLarger ? s + 1 : r + x;
        double q = max + t;
        double z = diff / q;
        double lnH = lnHyp2f1WithDerivatives(rsx, b, z, series);
        double lnQ = Math.log(q);
        double common = series[1] - lnQ; // d/d(r+s+x)
        d[0] = common + (alphaLarger ? 0 : series[2]);
        d[2] = common + (alphaLarger ? series[2] : 0);
        double dz = series[3];
        if (alphaLarger) {
            d[1] = dz * (beta + t) / (q * q) - rsx / q;
            d[3] = -dz / q;
        } else {
            d[3] = dz * (alpha + t) / (q * q) - rsx / q;
            d[1] = -dz / q;
        }
        return lnH - rsx * lnQ;
    }

    /**
     * ln 2F1(a, b; a + 1; z) for 0 &lt;= z &lt; 1 by its power series (the terms as in
     * {@link SpecialFunctions#lnHyp2f1}, with c = a + 1), and in {@code out[1..3]} its derivatives with respect to
     * a (c moving with it), b and z, from the same terms: term k is a/(a+k) (b)_k z^k / k!, so its log has
     * derivative k/(a(a+k)) in a, the sum of 1/(b+j) for j &lt; k in b, and k/z in z.
     */
    static double lnHyp2f1WithDerivatives(double a, double b, double z, double[] out) {
        if (z == 0) {
            out[0] = 0;
            out[1] = 0;
            out[2] = 0;
            out[3] = a * b / (a + 1);
            return 0;
        }
        double lnScale = 0;
        double u = 1;
        double sum = 1;
        double sumA = 0;
        double sumB = 0;
        double sumZ = 0;
        double harmonicB = 0;
        for (int k = 0; k < 1_000_000; k++) {
            int kk = k + 1;
            u *= (b + k) * z / kk;
            harmonicB += 1 / (b + k);
            double term = a * u / (a + kk);
            sum += term;
            sumA += term * kk / (a * (a + kk));
            sumB += term * harmonicB;
            sumZ += term * kk;
            if (sum > 1e250) {
                lnScale += Math.log(sum);
                u /= sum;
                term /= sum;
                sumA /= sum;
                sumB /= sum;
                sumZ /= sum;
                sum = 1;
            }
            if (term < 1e-16 * sum && k > 2) {
                out[0] = sum;
                out[1] = sumA / sum;
                out[2] = sumB / sum;
                out[3] = sumZ / (z * sum);
                return lnScale + Math.log(sum);
            }
        }
        throw new ArithmeticException("2F1 series did not converge for a=" + a + ", b=" + b + ", z=" + z);
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

    /**
     * {@link #lnIntegral} and its gradient with respect to (r, alpha, s, beta) in {@code d}: the derivatives of
     * the log-integrand, -ln(alpha + t), -(r + x)/(alpha + t), -ln(beta + t) and -(s + 1)/(beta + t), averaged
     * with the integrand as weight on the same nodes.
     */
    static double lnIntegralAndGradient(double r, double alpha, double s, double beta, int x, double tx, double T,
            double[] d) {
        double m = Math.min(alpha, beta);
        double diff = Math.abs(alpha - beta);
        double lo = Math.log(m + tx);
        double hi = Math.log(m + T);
        if (hi <= lo) {
            java.util.Arrays.fill(d, 0);
            return Double.NEGATIVE_INFINITY;
        }
        boolean alphaSmaller = alpha <= beta;
        double pSmall = alphaSmaller ? r + x : s + 1;
        double pLarge = alphaSmaller ? s + 1 : r + x;
        int panels = (int) Math.min(400, Math.ceil((Math.abs(1 - pSmall) + pLarge) * (hi - lo) / 2) + 1);
        double width = (hi - lo) / panels;
        int nodes = panels * GL_NODES.length;
        double[] logs = new double[nodes];
        double[] lnSmall = new double[nodes];
        double[] lnLarge = new double[nodes];
        double[] expU = new double[nodes];
        double top = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (int j = 0; j < panels; j++) {
            double mid = lo + (j + 0.5) * width;
            for (int k = 0; k < GL_NODES.length; k++) {
                double u = mid + 0.5 * width * GL_NODES[k];
                double eu = Math.exp(u);
                double lnL = Math.log(eu + diff);
                double v = (1 - pSmall) * u - pLarge * lnL + Math.log(GL_WEIGHTS[k] * 0.5 * width);
                logs[n] = v;
                lnSmall[n] = u;
                lnLarge[n] = lnL;
                expU[n] = eu;
                n++;
                top = Math.max(top, v);
            }
        }
        double sum = 0;
        double sumLnSmall = 0;
        double sumLnLarge = 0;
        double sumInvSmall = 0;
        double sumInvLarge = 0;
        for (int i = 0; i < nodes; i++) {
            double w = Math.exp(logs[i] - top);
            sum += w;
            sumLnSmall += w * lnSmall[i];
            sumLnLarge += w * lnLarge[i];
            sumInvSmall += w / expU[i];
            sumInvLarge += w / (expU[i] + diff);
        }
        double lnAlpha = (alphaSmaller ? sumLnSmall : sumLnLarge) / sum;
        double lnBeta = (alphaSmaller ? sumLnLarge : sumLnSmall) / sum;
        double invAlpha = (alphaSmaller ? sumInvSmall : sumInvLarge) / sum;
        double invBeta = (alphaSmaller ? sumInvLarge : sumInvSmall) / sum;
        d[0] = -lnAlpha;
        d[1] = -(r + x) * invAlpha;
        d[2] = -lnBeta;
        d[3] = -(s + 1) * invBeta;
        return top + Math.log(sum);
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
        return lnIntegralAndGradient(r, alpha, s, beta, x, tx, T, new double[4]);
    }
}
