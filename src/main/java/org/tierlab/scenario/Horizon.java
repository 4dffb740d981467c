package org.tierlab.scenario;

/**
 * How long a simulation runs: {@code periods} measured periods after {@code warmup} unmeasured ones, each
 * {@code period} long. During warm-up customers buy and leave but no policy acts and nothing is measured, so
 * the first tiering sees some purchase history.
 */
public record Horizon(int periods, PeriodLength period, int warmup) {
    /** Validates the counts. */
    public Horizon {
        if (periods < 1) {
            throw new IllegalArgumentException("periods must be >= 1: " + periods);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be >= 0: " + warmup);
        }
        if (period == null) {
            throw new IllegalArgumentException("period length is required");
        }
    }

    /** Total simulated periods, warm-up included. */
    public int totalPeriods() {
        return periods + warmup;
    }

    /** The length of one period. */
    public enum PeriodLength {
        WEEK(7.0), MONTH(365.25 / 12);

        private final double days;

        PeriodLength(double days) {
            this.days = days;
        }

        /** Days in one period: tiering features are measured in days. */
        public double days() {
            return days;
        }
    }
}
