package org.tierlab.btyd;

import java.util.List;

/**
 * A customer-base model fitted by maximum likelihood on {@link Summaries}: its parameter names and the total
 * log-likelihood of given (positive) parameters.
 */
public interface LikelihoodModel {
    /** The model's name, e.g. "BG/NBD". */
    String name();

    /** Parameter names in order. */
    List<String> parameters();

    /** Total log-likelihood of the customers the model applies to. */
    double logLikelihood(double[] params, Summaries s);

    /** Number of customers the model is fitted on. */
    int observations(Summaries s);
}
