package org.tierlab.btyd;

import org.tierlab.log.LogFeatures;
import org.tierlab.score.CustomerFeatures;
import org.tierlab.score.ValuePredictor;

/**
 * Expected revenue over a horizon from fitted BG/NBD and Gamma-Gamma models: E[transactions | x, t_x, T] times
 * E[spend | x, repeat spend], the standard CLV building blocks, as a {@link ValuePredictor} so predicted-value
 * tiers can use a fitted customer-base model. Reads the features a log gives ({@link LogFeatures}): purchases
 * over all history (x = purchases - 1; frequency where there is no purchases column), recency and tenure
 * (t_x = tenure - recency, T = tenure) and repeat spend.
 */
public final class BgNbdValuePredictor implements ValuePredictor {
    private final double[] bgnbd;
    private final double[] gammaGamma;
    private final double unitDays;

    private BgNbdValuePredictor(double[] bgnbd, double[] gammaGamma, double unitDays) {
        this.bgnbd = bgnbd.clone();
        this.gammaGamma = gammaGamma.clone();
        this.unitDays = unitDays;
    }

    /** A predictor from fitted parameters, in models fitted with time measured in units of {@code unitDays}. */
    public static BgNbdValuePredictor of(Fit bgnbd, Fit gammaGamma, double unitDays) {
        if (!(unitDays > 0)) {
            throw new IllegalArgumentException("unit must be > 0 days: " + unitDays);
        }
        return new BgNbdValuePredictor(bgnbd.estimate(), gammaGamma.estimate(), unitDays);
    }

    @Override
    public void predict(CustomerFeatures f, double horizonDays, double[] out) {
        // all-history purchases: a windowed frequency would make a loyal customer look new to BG/NBD
        double[] frequency = f.numeric(f.hasNumeric(LogFeatures.PURCHASES) ? LogFeatures.PURCHASES
                : CustomerFeatures.FREQUENCY);
        double[] recency = f.numeric(CustomerFeatures.RECENCY);
        double[] tenure = f.numeric(CustomerFeatures.TENURE);
        double[] spend = f.numeric(LogFeatures.REPEAT_SPEND);
        double horizon = horizonDays / unitDays;
        for (int i = 0; i < out.length; i++) {
            int x = (int) Math.max(0, frequency[i] - 1);
            double T = tenure[i] / unitDays;
            double tx = x == 0 ? 0 : (tenure[i] - recency[i]) / unitDays;
            double transactions = BgNbd.conditionalExpected(bgnbd, x, tx, T, horizon);
            out[i] = transactions * GammaGamma.expectedSpend(gammaGamma, x, spend[i]);
        }
    }
}
