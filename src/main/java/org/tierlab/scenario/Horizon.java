package org.tierlab.scenario;

/**
 * How long a simulation runs: {@code periods} measured periods after {@code warmup} unmeasured ones, each
 * {@code period} long. During warm-up customers buy and leave but no policy acts and nothing is measured, so
 * the first tiering sees some purchase history.
 */
public record Horizon(int periods, PeriodLength period, int warmup) {
    /**
     * The longest horizon, warm-up included: 10,000 periods (about 190 years of weeks). The simulator keeps
     * period numbers in 16 bits per customer to save memory.
     */
    public static final int MAX_TOTAL_PERIODS = 10_000;

    /** Validates the counts. */
    public Horizon {
        if (periods < 1) {
            throw new IllegalArgumentException("periods must be >= 1: " + periods);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be >= 0: " + warmup);
        }
        if ((long) periods + warmup > MAX_TOTAL_PERIODS) {
            throw new IllegalArgumentException("periods + warmup must be at most " + MAX_TOTAL_PERIODS + ": "
                    + ((long) periods + warmup));
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
