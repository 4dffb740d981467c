package org.tierlab.btyd;

import java.util.Locale;

/**
 * Writes the {@code population:} section of a scenario from fitted models, so a strategist can simulate
 * policies on customers that behave like their own: one segment with the BG/NBD purchase and dropout
 * parameters and the Gamma-Gamma spend parameters, and new customers arriving as they did in the log.
 */
public final class PopulationEmitter {
    private PopulationEmitter() {
    }

    /**
     * The YAML text.
     *
     * @param unit the time unit of the fitted rates (must match the scenario's horizon.period)
     * @param arrivals first purchases per period, period 0 first
     */
    public static String yaml(Fit bgnbd, Fit gg, String unit, int[] arrivals, String source) {
        double[] b = bgnbd.estimate();
        double[] g = gg.estimate();
        StringBuilder schedule = new StringBuilder();
        int last = arrivals.length - 1;
        while (last > 0 && arrivals[last] == 0) {
            last--;
        }
        for (int t = 1; t <= last; t++) {
            schedule.append(t > 1 ? ", " : "").append(arrivals[t]);
        }
        // the simulator repeats the last scheduled value: end with 0 so a closed cohort stays closed
        schedule.append(last >= 1 ? ", 0" : "0");
        return String.format(Locale.ROOT, """
                # Population fitted by tierlab fit on %s.
                # Rates are per %s: use `horizon: {period: %s, ...}` in the scenario.
                # BG/NBD: r = %.4f, alpha = %.4f, a = %.4f, b = %.4f (log-likelihood %.1f%s)
                # Gamma-Gamma: p = %.4f, q = %.4f, gamma = %.4f
                population:
                  customers: %d              # customers whose first purchase is in the first %s
                  segments:
                    - name: fitted
                      share: 1
                      purchase_rate: {shape: %.6f, rate: %.6f}
                      dropout: {model: after_purchase, a: %.6f, b: %.6f}
                      spend: {p: %.6f, q: %.6f, gamma: %.6f}
                      margin: 1.0             # a log has no margins: set your gross margin here
                  arrivals:
                    schedule: [%s]   # first purchases per %s after the first
                """, source, unit, unit, b[0], b[1], b[2], b[3], bgnbd.logLikelihood(),
                bgnbd.converged() ? "" : ", NOT CONVERGED", g[0], g[1], g[2], arrivals.length > 0 ? arrivals[0] : 0,
                unit, b[0], b[1], b[2], b[3], g[0], g[1], g[2], schedule, unit);
    }
}
