package org.tierlab.score;

import java.util.List;

/**
 * The extension point every tiering scheme implements: observed features in, one tier per customer out.
 *
 * <p>Tier indices are positions in {@link #tierNames()}, which lists tiers in service-priority order: index 0 is
 * the tier served first when staff capacity runs short. Implementations must be deterministic, must write
 * exactly one valid index for every customer, must not allocate per customer, and must not keep references
 * to the feature arrays between calls (the simulator refills them in place).
 */
public interface TieringModel {

    /** Tier names in priority order; {@code assign} writes indices into this list. */
    List<String> tierNames();

    /**
     * Writes the tier of customer {@code i} to {@code out[i]} for every {@code i < features.size()}.
     *
     * @throws IllegalArgumentException if a feature the model needs is absent or holds values it cannot use
     *     (the message names the feature and the value)
     */
    void assign(CustomerFeatures features, int[] out);
}
