package org.tierlab.sim;

import java.util.Locale;

/** One number per strategy and replication over the measured horizon (definitions in docs/metrics.md). */
public enum SummaryMetric {
    RETENTION, CHURN_RATE, RENEWAL_RATE, REPURCHASE_RATE, NPS, SATISFACTION, LEAD_CONVERSION, STAFF_HOURS,
    UNMET_HOURS, REVENUE, SERVICE_COST, PROFIT;

    /** Column name in output files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
