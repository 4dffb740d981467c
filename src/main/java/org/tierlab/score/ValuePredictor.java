package org.tierlab.score;

/**
 * The plug-in point for customer-base models (BG/NBD with Gamma-Gamma, Pareto/NBD): given what is observed
 * about customers, their expected value over a future horizon. {@link PredictedValueModel} tiers by it.
 */
@FunctionalInterface
public interface ValuePredictor {
    /**
     * Writes each customer's expected value over the next {@code horizonDays} days to {@code out}.
     *
     * @throws IllegalArgumentException if a feature the predictor needs is missing or unusable
     */
    void predict(CustomerFeatures features, double horizonDays, double[] out);

    /**
     * The simplest predictor, usable without a fitted model: the customer's revenue rate so far (monetary over
     * tenure, at least 30 days) times the horizon, for customers still buying; zero for customers known to
     * have left or with no purchase for {@code lapsedDays}.
     */
    static ValuePredictor historicalRate(double lapsedDays) {
        return (f, horizon, out) -> {
            double[] monetary = Columns.finite(f, CustomerFeatures.MONETARY, true);
            double[] tenure = Columns.finite(f, CustomerFeatures.TENURE, false);
            double[] recency = Columns.recency(f);
            double[] churned = f.hasNumeric(CustomerFeatures.CHURNED) ? Columns.flags(f, CustomerFeatures.CHURNED) : null;
            Chunks.forEach(out.length, (from, to) -> {
                for (int i = from; i < to; i++) {
                    boolean gone = churned != null && churned[i] != 0 || !(recency[i] < lapsedDays);
                    out[i] = gone ? 0 : monetary[i] / Math.max(30, tenure[i]) * horizon;
                }
            });
        };
    }
}
