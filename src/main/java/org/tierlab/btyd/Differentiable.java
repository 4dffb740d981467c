package org.tierlab.btyd;

/**
 * A model whose log-likelihood {@link Fit} can evaluate fast, with its gradient: {@link #evaluator} does the
 * per-data work once (grouping customers with identical summaries, precomputing constants), and the evaluator
 * it returns is then called many times by the optimiser. The evaluator must agree with
 * {@link LikelihoodModel#logLikelihood} to rounding.
 */
interface Differentiable {
    /** The log-likelihood of {@code s}, prepared for repeated evaluation. */
    Evaluator evaluator(Summaries s);

    /** A prepared log-likelihood. Not thread-safe (it may reuse scratch arrays). */
    interface Evaluator {
        /**
         * The total log-likelihood at the (positive) parameters {@code p}; if {@code gradient} is not null, also
         * its partial derivatives with respect to the parameters. Returns a non-finite value where the
         * likelihood cannot be evaluated (the gradient is then undefined).
         */
        double logLikelihood(double[] p, double[] gradient);
    }
}
