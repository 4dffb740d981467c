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
     * Maximises the log-likelihood over the log-parameters with Nelder-Mead, restarted from its own optimum until
     * the restart no longer improves (which guards against a collapsed simplex). {@code penalty} adds
     * {@code -penalty * sum(params^2)} (an L2 penalty, as lifetimes' penalizer) to keep estimates finite on
     * data that would drive a parameter to infinity; 0 for a plain fit.
     */
    public static Fit of(LikelihoodModel model, Summaries s, double[] start, double penalty) {
        int k = start.length;
        ObjectiveFunction objective = new ObjectiveFunction(logp -> {
            double[] p = new double[k];
            double l2 = 0;
            for (int j = 0; j < k; j++) {
                p[j] = Math.exp(logp[j]);
                l2 += p[j] * p[j];
            }
            double ll = model.logLikelihood(p, s);
            return Double.isFinite(ll) ? -ll + penalty * l2 : Double.MAX_VALUE;
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
        double ll = model.logLikelihood(estimate, s);
        return new Fit(model.name(), model.parameters(), estimate, standardErrors(model, s, estimate), ll,
                model.observations(s), converged, message);
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

    private static double nll(LikelihoodModel model, Summaries s, double[] p, int i, double di, int j, double dj) {
        double[] q = p.clone();
        q[i] += di;
        q[j] += dj;
        return -model.logLikelihood(q, s);
    }
}
