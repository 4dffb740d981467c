package org.tierlab.scenario;

/**
 * One maintenance action of a policy: what is done, when, by whom, at what cost and with what effect.
 *
 * @param kind the kind of contact
 * @param schedule when it happens (every k periods, or on a trigger)
 * @param role the staff role that performs it, or {@code null} for automated actions that use no staff
 * @param minutes staff minutes per customer served
 * @param cost money cost per customer served
 * @param effect what it does to the customer
 */
public record Action(ActionKind kind, Schedule schedule, String role, double minutes, double cost, Effect effect) {
    /** Validates the numbers. */
    public Action {
        if (kind == null || schedule == null || effect == null) {
            throw new IllegalArgumentException("kind, schedule and effect are required");
        }
        if (!(minutes >= 0) || !(cost >= 0)) {
            throw new IllegalArgumentException("minutes and cost must be >= 0");
        }
        if (role == null && minutes > 0) {
            throw new IllegalArgumentException("an action that takes staff minutes needs a role");
        }
    }

    /** When an action fires: a closed set. */
    public sealed interface Schedule {
        /** Every {@code periods} periods, counted from the start of measurement. */
        record Every(int periods) implements Schedule {
            /** Validates the cadence. */
            public Every {
                if (periods < 1) {
                    throw new IllegalArgumentException("cadence must be >= 1 period: " + periods);
                }
            }
        }

        /** In the period a customer becomes new (acquired). */
        record OnNew() implements Schedule {
        }

        /** In the period a customer becomes at risk (no purchase for the policy's at-risk days). */
        record OnAtRisk() implements Schedule {
        }
    }
}
