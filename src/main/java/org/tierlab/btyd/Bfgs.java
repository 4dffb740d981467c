package org.tierlab.btyd;

/**
 * BFGS on the log-parameters with a strong-Wolfe line search (Nocedal and Wright, Numerical Optimization,
 * algorithms 3.5, 3.6 and 6.1), maximising a log-likelihood minus an L2 penalty on the natural parameters.
 * Converged when the largest component of the gradient with respect to the log-parameters is at most
 * {@link #GRADIENT_TOLERANCE} times max(1, |objective|), or when the line search can make no further progress
 * with the gradient already below {@link #STALL_TOLERANCE} times that (the noise floor of the summed
 * likelihood).
 */
final class Bfgs {
    static final double GRADIENT_TOLERANCE = 1e-9;
    static final double STALL_TOLERANCE = 1e-6;
    private static final int MAX_ITERATIONS = 500;
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    /**
     * The objective's rounding noise relative to its size: the sufficient-decrease tests allow this much increase
     * (the approximate Wolfe conditions of Hager and Zhang), so that near the optimum, where the objective no
     * longer changes visibly, steps are taken on the (accurate) gradient alone.
     */
    private static final double NOISE = 1e-12;
    /** Largest change of a log-parameter in one line-search trial. */
    private static final double MAX_STEP = 5;

    private final Differentiable.Evaluator e;
    private final double penalty;
    private final int k;
    private final double[] p;
    private final double[] natural;

    private Bfgs(Differentiable.Evaluator e, double penalty, int k) {
        this.e = e;
        this.penalty = penalty;
        this.k = k;
        p = new double[k];
        natural = new double[k];
    }

    /** The maximising natural parameters, or null if BFGS did not converge. */
    static double[] maximise(Differentiable.Evaluator e, double[] start, double penalty) {
        int k = start.length;
        Bfgs b = new Bfgs(e, penalty, k);
        double[] x = new double[k];
        for (int j = 0; j < k; j++) {
            x[j] = Math.log(start[j]);
        }
        double[] g = new double[k];
        double f = b.objective(x, g);
        if (!Double.isFinite(f)) {
            return null;
        }
        double[][] h = identity(k);
        boolean identity = true;
        double[] d = new double[k];
        double[] xNew = new double[k];
        double[] gNew = new double[k];
        double[] sv = new double[k];
        double[] yv = new double[k];
        double[] hy = new double[k];
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double gMax = maxAbs(g);
            double scale = Math.max(1, Math.abs(f));
            if (gMax <= GRADIENT_TOLERANCE * scale) {
                return b.naturalOf(x);
            }
            double slope = 0;
            for (int i = 0; i < k; i++) {
                double di = 0;
                for (int j = 0; j < k; j++) {
                    di -= h[i][j] * g[j];
                }
                d[i] = di;
                slope += di * g[i];
            }
            if (!(slope < 0)) {
                h = identity(k);
                identity = true;
                for (int i = 0; i < k; i++) {
                    d[i] = -g[i];
                }
                slope = -dot(g, g);
            }
            double step = identity ? Math.min(1, 1 / gMax) : 1;
            double fNew = b.lineSearch(x, f, g, d, slope, step, xNew, gNew);
            if (Double.isNaN(fNew)) {
                if (!identity) {
                    h = identity(k);
                    identity = true;
                    continue;
                }
                return gMax <= STALL_TOLERANCE * scale ? b.naturalOf(x) : null;
            }
            double sy = 0;
            double yy = 0;
            for (int i = 0; i < k; i++) {
                sv[i] = xNew[i] - x[i];
                yv[i] = gNew[i] - g[i];
                sy += sv[i] * yv[i];
                yy += yv[i] * yv[i];
            }
            if (sy > 1e-12 * Math.sqrt(dot(sv, sv) * yy)) {
                if (identity) {
                    double gamma = sy / yy;
                    for (int i = 0; i < k; i++) {
                        h[i][i] = gamma;
                    }
                    identity = false;
                }
                // H <- (I - rho s y') H (I - rho y s') + rho s s'
                double rho = 1 / sy;
                double yhy = 0;
                for (int i = 0; i < k; i++) {
                    double v = 0;
                    for (int j = 0; j < k; j++) {
                        v += h[i][j] * yv[j];
                    }
                    hy[i] = v;
                    yhy += yv[i] * v;
                }
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        h[i][j] += -rho * (hy[i] * sv[j] + sv[i] * hy[j]) + (rho * rho * yhy + rho) * sv[i] * sv[j];
                    }
                }
            }
            System.arraycopy(xNew, 0, x, 0, k);
            System.arraycopy(gNew, 0, g, 0, k);
            f = fNew;
        }
        return null;
    }

    /** -LL + penalty * sum(p^2) at p = exp(x), and its gradient in x; +infinity where LL is not finite. */
    private double objective(double[] x, double[] grad) {
        double l2 = 0;
        for (int j = 0; j < k; j++) {
            p[j] = Math.exp(x[j]);
            l2 += p[j] * p[j];
        }
        double ll = e.logLikelihood(p, natural);
        if (!Double.isFinite(ll)) {
            return Double.POSITIVE_INFINITY;
        }
        for (int j = 0; j < k; j++) {
            grad[j] = -p[j] * natural[j] + 2 * penalty * p[j] * p[j];
            if (!Double.isFinite(grad[j])) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return -ll + penalty * l2;
    }

    /**
     * A step along d satisfying the strong Wolfe conditions; the new point and gradient in xNew, gNew, and the
     * objective there returned; NaN if none was found.
     */
    private double lineSearch(double[] x, double f0, double[] g0, double[] d, double slope0, double step,
            double[] xNew, double[] gNew) {
        double dMax = maxAbs(d);
        double aMax = MAX_STEP / dMax;
        double a = Math.min(step, aMax);
        double aPrev = 0;
        double fPrev = f0;
        double slopePrev = slope0;
        double[] gPrev = g0.clone();
        double[] g = new double[k];
        double noise = NOISE * Math.max(1, Math.abs(f0));
        for (int i = 0; i < 60; i++) {
            double fa = trial(x, d, a, xNew, g);
            if (!Double.isFinite(fa)) {
                a = aPrev + 0.5 * (a - aPrev);
                if (a - aPrev < 1e-14 * Math.max(1, aPrev)) {
                    break;
                }
                aMax = a;
                continue;
            }
            double sa = dot(g, d);
            if (fa > f0 + C1 * a * slope0 + noise || (i > 0 && fa >= fPrev)) {
                return zoom(x, f0, slope0, d, aPrev, fPrev, slopePrev, gPrev, a, fa, xNew, gNew);
            }
            if (Math.abs(sa) <= -C2 * slope0) {
                System.arraycopy(g, 0, gNew, 0, k);
                return fa;
            }
            if (sa >= 0) {
                return zoom(x, f0, slope0, d, a, fa, sa, g, aPrev, fPrev, xNew, gNew);
            }
            if (a >= aMax) {
                // the longest step allowed still descends steeply: take it
                System.arraycopy(g, 0, gNew, 0, k);
                return fa;
            }
            aPrev = a;
            fPrev = fa;
            slopePrev = sa;
            System.arraycopy(g, 0, gPrev, 0, k);
            a = Math.min(2 * a, aMax);
        }
        return Double.NaN;
    }

    private double zoom(double[] x, double f0, double slope0, double[] d, double lo, double fLo, double sLo,
            double[] gLo, double hi, double fHi, double[] xNew, double[] gNew) {
        double[] g = new double[k];
        double bestA = lo > 0 ? lo : Double.NaN;
        double bestF = lo > 0 ? fLo : f0;
        double[] bestG = gLo.clone();
        double noise = NOISE * Math.max(1, Math.abs(f0));
        double dMax = maxAbs(d);
        for (int j = 0; j < 60; j++) {
            double width = hi - lo;
            // minimiser of the quadratic through (lo, fLo) with slope sLo and (hi, fHi), kept inside the interval
            double denominator = 2 * (fHi - fLo - sLo * width);
            double a = denominator > 0 ? lo - sLo * width * width / denominator : Double.NaN;
            double lowEnd = Math.min(lo, hi) + 0.1 * Math.abs(width);
            double highEnd = Math.max(lo, hi) - 0.1 * Math.abs(width);
            if (!(a >= lowEnd && a <= highEnd)) {
                a = lo + 0.5 * width;
            }
            if (Math.abs(width) * dMax < 1e-13) {
                break;
            }
            double fa = trial(x, d, a, xNew, g);
            if (!Double.isFinite(fa) || fa > f0 + C1 * a * slope0 + noise || fa > fLo + noise) {
                hi = a;
                fHi = Double.isFinite(fa) ? fa : Double.MAX_VALUE;
                continue;
            }
            double sa = dot(g, d);
            if (fa <= bestF + noise && Math.abs(sa) < Math.abs(slope0)) {
                bestA = a;
                bestF = fa;
                System.arraycopy(g, 0, bestG, 0, k);
            }
            if (Math.abs(sa) <= -C2 * slope0) {
                System.arraycopy(g, 0, gNew, 0, k);
                return fa;
            }
            if (sa * (hi - lo) >= 0) {
                hi = lo;
                fHi = fLo;
            }
            lo = a;
            fLo = fa;
            sLo = sa;
        }
        if (Double.isNaN(bestA) || !(bestF <= f0 + noise)) {
            return Double.NaN;
        }
        // settle for sufficient decrease without the curvature condition
        for (int i = 0; i < k; i++) {
            xNew[i] = x[i] + bestA * d[i];
        }
        System.arraycopy(bestG, 0, gNew, 0, k);
        return bestF;
    }

    private double trial(double[] x, double[] d, double a, double[] xNew, double[] g) {
        for (int i = 0; i < k; i++) {
            xNew[i] = x[i] + a * d[i];
        }
        return objective(xNew, g);
    }

    private double[] naturalOf(double[] x) {
        double[] q = new double[k];
        for (int j = 0; j < k; j++) {
            q[j] = Math.exp(x[j]);
        }
        return q;
    }

    private static double[][] identity(int k) {
        double[][] h = new double[k][k];
        for (int i = 0; i < k; i++) {
            h[i][i] = 1;
        }
        return h;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
