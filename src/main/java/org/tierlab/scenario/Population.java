package org.tierlab.scenario;

import java.util.List;

/**
 * The synthetic population: starting customers as a mixture of segments, new arrivals over time and a pool of
 * leads that convert into customers.
 *
 * @param customers customers active at period 0
 * @param segments the mixture (shares sum to 1)
 * @param arrivals new customers after period 0
 * @param leads the lead pool
 */
public record Population(int customers, List<Segment> segments, Arrivals arrivals, Leads leads) {
    /** Validates the mixture. */
    public Population {
        segments = List.copyOf(segments);
        if (customers < 0) {
            throw new IllegalArgumentException("customers must be >= 0");
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("at least one segment is required");
        }
    }

    /**
     * New customers arriving after period 0.
     *
     * @param schedule expected arrivals for periods 1, 2, ... (the last value repeats); empty for none
     * @param shares segment mix of arrivals, one per segment
     */
    public record Arrivals(double[] schedule, double[] shares) {
        /** Validates counts. */
        public Arrivals {
            schedule = schedule.clone();
            shares = shares.clone();
            for (double v : schedule) {
                Checks.nonNegative("arrivals", v);
            }
        }

        /** Expected arrivals in period {@code t >= 1}. */
        public double expected(int t) {
            if (schedule.length == 0) {
                return 0;
            }
            return schedule[Math.min(t - 1, schedule.length - 1)];
        }
    }

    /**
     * The pool of prospects.
     *
     * @param pool leads at period 0
     * @param perPeriod expected new leads per period
     * @param conversion per-period probability that a lead becomes a customer
     */
    public record Leads(int pool, double perPeriod, double conversion) {
        /** No leads. */
        public static final Leads NONE = new Leads(0, 0, 0);

        /** Validates counts and probability. */
        public Leads {
            Checks.nonNegative("pool", pool);
            Checks.nonNegative("per_period", perPeriod);
            Checks.probability("conversion", conversion);
        }
    }
}
