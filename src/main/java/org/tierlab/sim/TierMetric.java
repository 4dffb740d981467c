package org.tierlab.sim;

import java.util.Locale;

/** Metrics recorded per tier every measured period (definitions in docs/metrics.md). */
public enum TierMetric {
    SIZE, CHURN_RATE, REVENUE, SATISFACTION, NPS;

    /** Column name in output files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
