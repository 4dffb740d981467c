package org.tierlab.btyd;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * A maximum-likelihood fit: estimates, standard errors (from the inverse of the observed information, the
 * Hessian of the negative log-likelihood by central differences), the log-likelihood and whether the optimiser
 * converged.
 *
 * @param model the model's name
 * @param names parameter names
 * @param estimate the estimates
 * @param standardError their standard errors (NaN if the Hessian could not be inverted)
 * @param logLikelihood the maximised log-likelihood (without the penalty)
 * @param observations customers the model was fitted on
 * @param converged true if the optimiser met its tolerance before the evaluation budget ran out
 * @param message a human-readable note when something went wrong, else ""
 */
public record Fit(String model, List<String> names, double[] estimate, double[] standardError, double logLikelihood,
        int observations, boolean converged, String message) {
    private static final int MAX_EVALUATIONS = 20_000;

    /**
     * Maximises the log-likelihood over the log-parameters. {@code penalty} subtracts {@code penalty * sum(params^2)}
     * from the mean log-likelihood per customer, as lifetimes' penalizer_coef does (so the same coefficient has
     * the same effect whatever the number of customers), to keep estimates finite on data that would drive a
     * parameter to infinity; 0 for a plain fit.
     *
     * <p>For the models with an analytic gradient ({@link BgNbd}, {@link ParetoNbd}, {@link GammaGamma}) the
     * optimiser is BFGS with a strong-Wolfe line search, converged when the largest component of the gradient
     * (in log-parameters) is below 1e-9 of the objective's size; the likelihood is summed over distinct
     * (x, t_x, T) triples; standard errors come from central differences of the gradient. If BFGS does not
     * converge, and for other models, the optimiser is Nelder-Mead, restarted from its own optimum until the
     * restart no longer improves (which guards against a collapsed simplex), with standard errors from second
     * differences of the log-likelihood.
     */
    public static Fit of(LikelihoodModel model, Summaries s, double[] start, double penalty) {
        // the optimisers work on the summed log-likelihood: the same optimum as the mean with penalty / N
        return identified(optimum(model, s, start, penalty * Math.max(1, model.observations(s))));
    }

    /** Parameters beyond these bounds mean the optimum lies at infinity or zero: the data do not pin them down. */
    private static final double SMALLEST = 1e-8;
    private static final double LARGEST = 1e8;

    /**
     * The fit, or the same estimates marked as not converged when the optimiser stopped at a point that is not a
     * proper maximum: a parameter run off towards 0 or infinity, or an information matrix that cannot be
     * inverted (no standard errors). Such a fit "converges" numerically on data that cannot identify the model
     * (nobody drops out, no repeat purchases, no spend); reporting it as converged would be wrong.
     */
    static Fit identified(Fit f) {
        if (!f.converged()) {
            return f;
        }
        for (int j = 0; j < f.estimate().length; j++) {
            double e = f.estimate()[j];
            if (!(e > SMALLEST && e < LARGEST)) {
                return f.notConverged(String.format(java.util.Locale.ROOT, "parameter %s ran off to %.3g: the data"
                        + " do not pin it down (try --penalty, e.g. 0.001)", f.names().get(j), e));
            }
        }
        for (int j = 0; j < f.standardError().length; j++) {
            if (!Double.isFinite(f.standardError()[j])) {
                return f.notConverged("the likelihood is flat or singular at the optimum (no standard error for "
                        + f.names().get(j) + "): the data do not identify the model");
            }
        }
        return f;
    }

    private Fit notConverged(String why) {
        return new Fit(model, names, estimate, standardError, logLikelihood, observations, false, why);
    }

    private static Fit optimum(LikelihoodModel model, Summaries s, double[] start, double penalty) {
        if (model instanceof Differentiable d) {
            Differentiable.Evaluator e = d.evaluator(s);
            double[] estimate = Bfgs.maximise(e, start, penalty);
            if (estimate == null) {
                return nelderMead(model, s, p -> e.logLikelihood(p, null), start, penalty,
                        p -> standardErrorsFromGradient(e, p));
            }
            return new Fit(model.name(), model.parameters(), estimate, standardErrorsFromGradient(e, estimate),
                    e.logLikelihood(estimate, null), model.observations(s), true, "");
        }
        return nelderMead(model, s, p -> model.logLikelihood(p, s), start, penalty,
                p -> standardErrors(model, s, p));
    }

    private static Fit nelderMead(LikelihoodModel model, Summaries s, java.util.function.ToDoubleFunction<double[]> ll,
            double[] start, double penalty, java.util.function.Function<double[], double[]> standardErrors) {
        int k = start.length;
        ObjectiveFunction objective = new ObjectiveFunction(logp -> {
            double[] p = new double[k];
            double l2 = 0;
            for (int j = 0; j < k; j++) {
                p[j] = Math.exp(logp[j]);
                l2 += p[j] * p[j];
            }
            double value = ll.applyAsDouble(p);
            return Double.isFinite(value) ? -value + penalty * l2 : Double.MAX_VALUE;
        });
        double[] point = new double[k];
        for (int j = 0; j < k; j++) {
            point[j] = Math.log(start[j]);
        }
        double best = Double.MAX_VALUE;
        boolean converged = false;
        String message = "";
        for (int restart = 0; restart < 8; restart++) {
            try {
                PointValuePair opt = new SimplexOptimizer(1e-12, 1e-10).optimize(new MaxEval(MAX_EVALUATIONS),
                        objective, GoalType.MINIMIZE, new InitialGuess(point), new NelderMeadSimplex(k, 0.2));
                point = opt.getPoint();
                if (best - opt.getValue() < 1e-9) {
                    best = Math.min(best, opt.getValue());
                    converged = true;
                    break;
                }
                best = opt.getValue();
            } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
                message = "the optimiser used " + MAX_EVALUATIONS + " evaluations without converging";
                break;
            }
        }
        double[] estimate = new double[k];
        for (int j = 0; j < k; j++) {
            estimate[j] = Math.exp(point[j]);
        }
        if (!converged && message.isEmpty()) {
            message = "the optimiser kept improving after 8 restarts; the fit did not converge";
        }
        return new Fit(model.name(), model.parameters(), estimate, standardErrors.apply(estimate), ll.applyAsDouble(estimate),
                model.observations(s), converged, message);
    }

    /**
     * Standard errors from the inverse Hessian of -LL in the natural parameters, the Hessian by central differences
     * of the analytic gradient (steps as {@link #standardErrors}), symmetrised.
     */
    static double[] standardErrorsFromGradient(Differentiable.Evaluator e, double[] p) {
        int k = p.length;
        double[][] h = new double[k][k];
        double[] plus = new double[k];
        double[] minus = new double[k];
        for (int j = 0; j < k; j++) {
            double step = 1e-4 * Math.max(Math.abs(p[j]), 1e-3);
            double[] q = p.clone();
            q[j] = p[j] + step;
            double fp = e.logLikelihood(q, plus);
            q[j] = p[j] - step;
            double fm = e.logLikelihood(q, minus);
            for (int i = 0; i < k; i++) {
                h[i][j] = Double.isFinite(fp) && Double.isFinite(fm) ? -(plus[i] - minus[i]) / (2 * step) : Double.NaN;
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double m = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = m;
                h[j][i] = m;
            }
        }
        return inverseDiagonalRoot(h);
    }

    private static double[] inverseDiagonalRoot(double[][] h) {
        int k = h.length;
        double[] se = new double[k];
        try {
            RealMatrix cov = new LUDecomposition(new Array2DRowRealMatrix(h)).getSolver().getInverse();
            for (int j = 0; j < k; j++) {
                se[j] = Math.sqrt(cov.getEntry(j, j));
            }
        } catch (RuntimeException singular) {
            java.util.Arrays.fill(se, Double.NaN);
        }
        return se;
    }

    /** Standard errors from the inverse Hessian of -LL in the natural parameters, by central differences. */
    static double[] standardErrors(LikelihoodModel model, Summaries s, double[] p) {
        int k = p.length;
        double[][] h = new double[k][k];
        double[] step = new double[k];
        for (int j = 0; j < k; j++) {
            step[j] = 1e-4 * Math.max(Math.abs(p[j]), 1e-3);
        }
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double fpp = nll(model, s, p, i, step[i], j, step[j]);
                double fpm = nll(model, s, p, i, step[i], j, -step[j]);
                double fmp = nll(model, s, p, i, -step[i], j, step[j]);
                double fmm = nll(model, s, p, i, -step[i], j, -step[j]);
                h[i][j] = (fpp - fpm - fmp + fmm) / (4 * step[i] * step[j]);
                h[j][i] = h[i][j];
            }
        }
        return inverseDiagonalRoot(h);
    }

    private static double nll(LikelihoodModel model, Summaries s, double[] p, int i, double di, int j, double dj) {
        double[] q = p.clone();
        q[i] += di;
        q[j] += dj;
        return -model.logLikelihood(q, s);
    }
}
