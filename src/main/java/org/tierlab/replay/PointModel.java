package org.tierlab.replay;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.tierlab.log.TransactionLog;
import org.tierlab.score.TieringModel;

/**
 * A tiering model as a replay applies it at a re-tiering point: a fixed model (RFM, ABC, ...) is the same at
 * every point, while a model fitted on the history (BG/NBD x Gamma-Gamma value) is fitted again at each point on
 * what was known at the end of that day, and may have no tiers there (a fit that did not converge, too little
 * data), with a reason.
 */
public interface PointModel {

    /** Tier names in priority order, the same at every point. */
    List<String> tierNames();

    /** The model to tier with at the end of {@code day}, from {@code log} as known then. */
    AtPoint at(TransactionLog log, LocalDate day);

    /**
     * The model a point tiers with, or, when {@code model} is null, why the point has no tiers of this model.
     *
     * @param model the tiering model, or null
     * @param reason why there is no model ("" when there is one)
     */
    record AtPoint(TieringModel model, String reason) {
        public AtPoint {
            Objects.requireNonNull(reason);
            if ((model == null) == reason.isEmpty()) {
                throw new IllegalArgumentException("a point has either a model or a reason for having none");
            }
        }

        /** The point tiers with {@code model}. */
        public static AtPoint of(TieringModel model) {
            return new AtPoint(Objects.requireNonNull(model), "");
        }

        /** The point has no tiers, for {@code reason}. */
        public static AtPoint none(String reason) {
            return new AtPoint(null, reason);
        }
    }

    /** A model that is the same at every point. */
    static PointModel fixed(TieringModel model) {
        AtPoint always = AtPoint.of(model);
        return new PointModel() {
            @Override
            public List<String> tierNames() {
                return model.tierNames();
            }

            @Override
            public AtPoint at(TransactionLog log, LocalDate day) {
                return always;
            }
        };
    }
}
