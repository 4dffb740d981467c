package org.tierlab.btyd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Gamma-Gamma on the CDNOW master log, where one of the 9,451 customers with repeat purchases in calibration
 * bought only zero-value repeats: the model (positive spend) is fitted on the other 9,450, and says so.
 * Reference: the same likelihood maximised independently with scipy (Nelder-Mead, then BFGS, on the
 * log-parameters) over the customers with x > 0 and mean repeat spend > 0.
 */
class GammaGammaTest {
    @Test
    void theCustomerCountIsTheCustomersFitted() {
        Summaries s = Summaries.of(Cdnow.master(), Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END, 7);
        int repeaters = 0;
        int zeroSpend = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.x[i] > 0) {
                repeaters++;
                if (s.meanSpend[i] == 0) {
                    zeroSpend++;
                }
            }
        }
        assertEquals(9451, repeaters);
        assertEquals(1, zeroSpend);
        Fit f = Fit.of(new GammaGamma(), s, new double[] {1, 1, 1}, 0);
        assertTrue(f.converged(), f.message());
        assertEquals(9450, f.observations(), "the zero-spend repeat buyer is not in the likelihood");
        assertEquals(6.27536, f.estimate()[0], 6.27536 * 1e-4, "p");
        assertEquals(3.62445, f.estimate()[1], 3.62445 * 1e-4, "q");
        assertEquals(14.98369, f.estimate()[2], 14.98369 * 1e-4, "gamma");
        assertEquals(-40763.476, f.logLikelihood(), 1e-3);
    }
}
