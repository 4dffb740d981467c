package org.tierlab.replay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tierlab.log.LogFeatures;
import org.tierlab.log.TransactionLog;
import org.tierlab.score.TieringModel;

/**
 * Each tiering model applied to a transaction log at each re-tiering point, with only what was known on that
 * day: per model and point, the tier of every customer of the log (-1 for customers not acquired yet), or no
 * tiers at all where a model fitted on the history could not be fitted at that point ({@link #tiered}).
 */
public final class TierHistory {
    private final List<LocalDate> points;
    private final Map<String, PointModel> models;
    private final Map<String, int[][]> tiers;
    private final Map<String, String[]> untiered;
    private final int customers;
    private final LogFeatures atLastPoint;

    private TierHistory(List<LocalDate> points, Map<String, PointModel> models, Map<String, int[][]> tiers,
            Map<String, String[]> untiered, int customers, LogFeatures atLastPoint) {
        this.points = points;
        this.models = models;
        this.tiers = tiers;
        this.untiered = untiered;
        this.customers = customers;
        this.atLastPoint = atLastPoint;
    }

    /**
     * Tiers the log's customers at every point.
     *
     * @param models models by name, in report order
     * @param points re-tiering days, in increasing order
     * @param windowDays look-back window of frequency and monetary (0: all history)
     * @param amounts false for a log without amounts
     * @throws IllegalArgumentException naming the model and point when a model cannot tier the customers
     */
    public static TierHistory of(TransactionLog log, Map<String, TieringModel> models, List<LocalDate> points,
            int windowDays, boolean amounts) {
        Map<String, PointModel> fixed = new LinkedHashMap<>();
        models.forEach((name, m) -> fixed.put(name, PointModel.fixed(m)));
        return ofPointModels(log, fixed, points, windowDays, amounts);
    }

    /**
     * Tiers the log's customers at every point with models that may differ from point to point (fitted on the
     * history known at each point), and may have no tiers at a point before the last.
     *
     * @throws IllegalArgumentException naming the model and point when a model cannot tier the customers, or has
     *     no tiers at the last point (the end of calibration, whose tiers every holdout table reads)
     */
    public static TierHistory ofPointModels(TransactionLog log, Map<String, PointModel> models,
            List<LocalDate> points, int windowDays, boolean amounts) {
        for (int p = 1; p < points.size(); p++) {
            if (!points.get(p).isAfter(points.get(p - 1))) {
                throw new IllegalArgumentException("re-tiering points must increase: " + points);
            }
        }
        Map<String, int[][]> tiers = new LinkedHashMap<>();
        Map<String, String[]> untiered = new LinkedHashMap<>();
        models.keySet().forEach(name -> tiers.put(name, new int[points.size()][]));
        models.keySet().forEach(name -> untiered.put(name, new String[points.size()]));
        LogFeatures snapshot = null;
        for (int p = 0; p < points.size(); p++) {
            snapshot = LogFeatures.asOf(log, (int) points.get(p).toEpochDay(), windowDays, amounts);
            int[] local = new int[snapshot.customer().length];
            for (Map.Entry<String, PointModel> m : models.entrySet()) {
                PointModel.AtPoint at = m.getValue().at(log, points.get(p));
                if (at.model() == null) {
                    if (p == points.size() - 1) {
                        throw new IllegalArgumentException("model '" + m.getKey() + "' has no tiers at the last"
                                + " point, " + points.get(p) + ": " + at.reason());
                    }
                    untiered.get(m.getKey())[p] = at.reason();
                    continue;
                }
                try {
                    at.model().assign(snapshot.features(), local);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("model '" + m.getKey() + "' at " + points.get(p) + ": "
                            + e.getMessage(), e);
                }
                int[] byCustomer = new int[log.customers()];
                Arrays.fill(byCustomer, -1);
                for (int i = 0; i < local.length; i++) {
                    byCustomer[snapshot.customer()[i]] = local[i];
                }
                tiers.get(m.getKey())[p] = byCustomer;
            }
        }
        return new TierHistory(List.copyOf(points), new LinkedHashMap<>(models), tiers, untiered, log.customers(),
                snapshot);
    }

    /** Re-tiering points, in order. */
    public List<LocalDate> points() {
        return points;
    }

    /** Model names, in report order. */
    public List<String> modelNames() {
        return new ArrayList<>(models.keySet());
    }

    /** Tier names of a model, in its priority order. */
    public List<String> tierNames(String model) {
        return models.get(model).tierNames();
    }

    /**
     * Tier of each log customer at point {@code p} (-1: not a customer yet); do not modify.
     *
     * @throws IllegalStateException if the model has no tiers at that point (see {@link #tiered})
     */
    public int[] tiers(String model, int p) {
        int[] t = tiers.get(model)[p];
        if (t == null) {
            throw new IllegalStateException("model '" + model + "' has no tiers at " + points.get(p));
        }
        return t;
    }

    /** Whether the model has tiers at point {@code p}; always true at the last point. */
    public boolean tiered(String model, int p) {
        return tiers.get(model)[p] != null;
    }

    /** Why the model has no tiers at point {@code p}, or "" if it has. */
    public String untieredReason(String model, int p) {
        String reason = untiered.get(model)[p];
        return reason == null ? "" : reason;
    }

    /** What the models saw at the last point (the end of calibration). */
    public LogFeatures atLastPoint() {
        return atLastPoint;
    }

    /** Number of customers in the log. */
    public int customers() {
        return customers;
    }
}
