package org.tierlab.score;

import java.util.List;

/**
 * Tiers by predicted future value: a {@link ValuePredictor} gives each customer's expected value over the
 * horizon, and the customers are classed ABC-style by cumulative share of that predicted value (same boundary
 * and tie rules as {@link AbcModel}).
 */
public final class PredictedValueModel implements TieringModel {
    private final ValuePredictor predictor;
    private final double horizonDays;
    private final AbcModel classes;

    private PredictedValueModel(ValuePredictor predictor, double horizonDays, AbcModel classes) {
        this.predictor = predictor;
        this.horizonDays = horizonDays;
        this.classes = classes;
    }

    /** Tiers by the predicted value over {@code horizonDays}, cut at the given value shares. */
    public static PredictedValueModel of(ValuePredictor predictor, double horizonDays, double[] shares,
            List<String> names) {
        if (!(horizonDays > 0)) {
            throw new IllegalArgumentException("horizon must be > 0 days, found " + horizonDays);
        }
        return new PredictedValueModel(predictor, horizonDays, AbcModel.of("predicted_value", shares, names));
    }

    @Override
    public List<String> tierNames() {
        return classes.tierNames();
    }

    @Override
    public void assign(CustomerFeatures features, int[] out) {
        double[] predicted = new double[features.size()];
        predictor.predict(features, horizonDays, predicted);
        CustomerFeatures view = CustomerFeatures.of(features.size()).put("predicted_value", predicted);
        classes.assign(view, out);
    }
}
