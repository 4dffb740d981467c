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
public final class BgNbd implements LikelihoodModel, Differentiable {
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

    /**
     * The same log-likelihood over the distinct (x, t_x, T) triples, with its gradient: the terms in x alone once
     * per distinct x (by recurrences), the logs of alpha + t_x and alpha + T once per distinct value, and one exp
     * and one log1p per triple with a repeat purchase. No hypergeometric function is needed.
     */
    @Override
    public Evaluator evaluator(Summaries s) {
        Triples g = new Triples(s);
        int nx = g.xValues.length;
        GammaRatios ofR = new GammaRatios(g);
        GammaRatios ofB = new GammaRatios(g);
        GammaRatios ofAB = new GammaRatios(g);
        double[] lnBx1 = new double[nx];
        double[] invBx1 = new double[nx];
        double[] lnAT = new double[g.tValues.length];
        double[] invAT = new double[g.tValues.length];
        double[] lnATx = new double[g.txValues.length];
        double[] invATx = new double[g.txValues.length];
        double customers = s.size();
        return (p, grad) -> {
            double r = p[0];
            double alpha = p[1];
            double a = p[2];
            double b = p[3];
            if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || !Double.isFinite(r + alpha + a + b)) {
                return Double.NaN;
            }
            double lnAlpha = Math.log(alpha);
            double lnA = Math.log(a);
            ofR.at(r);
            ofB.at(b);
            ofAB.at(a + b);
            // terms in x alone: lnGamma(r+x) - lnGamma(r) + r ln alpha + lnB(a, b+x) - lnB(a, b)
            double ll = customers * r * lnAlpha;
            double dr = customers * lnAlpha;
            double dAlpha = customers * r / alpha;
            double da = 0;
            double db = 0;
            for (int i = 0; i < nx; i++) {
                double c = g.xCount[i];
                ll += c * (ofR.ln[i] + ofB.ln[i] - ofAB.ln[i]);
                dr += c * ofR.psi[i];
                da -= c * ofAB.psi[i];
                db += c * (ofB.psi[i] - ofAB.psi[i]);
                int x = g.xValues[i];
                lnBx1[i] = x > 0 ? Math.log(b + x - 1) : 0;
                invBx1[i] = x > 0 ? 1 / (b + x - 1) : 0;
            }
            for (int i = 0; i < lnAT.length; i++) {
                lnAT[i] = Math.log(alpha + g.tValues[i]);
                invAT[i] = 1 / (alpha + g.tValues[i]);
            }
            for (int i = 0; i < lnATx.length; i++) {
                lnATx[i] = Math.log(alpha + g.txValues[i]);
                invATx[i] = 1 / (alpha + g.txValues[i]);
            }
            // log(e^A + e^B), A = -(r+x) ln(alpha+T), B = ln a - ln(b+x-1) - (r+x) ln(alpha+tx) (x > 0 only)
            double sw = 0;
            double swb = 0;
            for (int t = 0; t < g.size; t++) {
                double c = g.count[t];
                double rx = r + g.x[t];
                double lt = lnAT[g.tIndex[t]];
                double termA = -rx * lt;
                if (g.x[t] == 0) {
                    ll += c * termA;
                    dr -= c * lt;
                    dAlpha -= c * rx * invAT[g.tIndex[t]];
                    continue;
                }
                int xi = g.xIndex[t];
                double ltx = lnATx[g.txIndex[t]];
                double termB = lnA - lnBx1[xi] - rx * ltx;
                double e = Math.exp(-Math.abs(termA - termB));
                double w = termB >= termA ? 1 / (1 + e) : e / (1 + e);
                ll += c * (Math.max(termA, termB) + Math.log1p(e));
                double cw = c * w;
                dr -= c * lt + cw * (ltx - lt);
                dAlpha -= c * rx * (invAT[g.tIndex[t]] + w * (invATx[g.txIndex[t]] - invAT[g.tIndex[t]]));
                sw += cw;
                swb += cw * invBx1[xi];
            }
            if (grad != null) {
                grad[0] = dr;
                grad[1] = dAlpha;
                grad[2] = da + sw / a;
                grad[3] = db - swb;
            }
            return ll;
        };
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
        double c = a + b + x - 1;
        double lnPower = (r + x) * Math.log((alpha + T) / (alpha + T + t));
        // for c < 0 the hypergeometric factor can be negative: evaluated directly rather than by its logarithm
        double hyp = c > 0 ? Math.exp(lnHyp2f1(r + x, b + x, c, z) + lnPower)
                : SpecialFunctions.hyp2f1(r + x, b + x, c, z) * Math.exp(lnPower);
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
