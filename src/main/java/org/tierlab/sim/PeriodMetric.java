package org.tierlab.sim;

import java.util.Locale;

/** Population-level metrics recorded every measured period (definitions in docs/metrics.md). */
public enum PeriodMetric {
    ACTIVE, RETENTION, CHURN_RATE, REPURCHASE_RATE, NPS, SATISFACTION, TRANSACTIONS, REVENUE, SERVICE_COST, PROFIT,
    LEAD_CONVERSION;

    /** Column name in output files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
