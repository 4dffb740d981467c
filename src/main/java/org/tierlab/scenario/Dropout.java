package org.tierlab.scenario;

/** How customers of a segment leave (become inactive, unobserved by the company): a closed set of models. */
public sealed interface Dropout {
    /**
     * BG/NBD: after each purchase the customer leaves with probability p, p ~ Beta(a, b) across customers.
     */
    record AfterPurchase(double a, double b) implements Dropout {
        /** Validates the beta parameters. */
        public AfterPurchase {
            Checks.positive("a", a);
            Checks.positive("b", b);
        }
    }

    /** Shifted-beta-geometric: every period the customer leaves with probability p, p ~ Beta(a, b). */
    record PerPeriod(double a, double b) implements Dropout {
        /** Validates the beta parameters. */
        public PerPeriod {
            Checks.positive("a", a);
            Checks.positive("b", b);
        }
    }

    /** Pareto/NBD: lifetime ~ Exponential(mu) in periods, mu ~ Gamma(shape s, rate beta). */
    record Exponential(double s, double beta) implements Dropout {
        /** Validates the gamma parameters. */
        public Exponential {
            Checks.positive("s", s);
            Checks.positive("beta", beta);
        }
    }
}
