package org.tierlab.replay;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tierlab.btyd.BgNbd;
import org.tierlab.btyd.BgNbdValuePredictor;
import org.tierlab.btyd.Fit;
import org.tierlab.btyd.GammaGamma;
import org.tierlab.btyd.LikelihoodModel;
import org.tierlab.btyd.Summaries;
import org.tierlab.log.TransactionLog;
import org.tierlab.score.PredictedValueModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Replay's {@code bgnbd-value} model: tiers A/B/C holding 80/15/5 % of the revenue predicted over the next
 * {@code horizonDays} by BG/NBD x Gamma-Gamma, both fitted (in weeks, no penalty) at each re-tiering point on the
 * history known at the end of that day, so a point's tiers use nothing that happened after it. A point where
 * either fit has too little data (fewer than {@value #MIN_REPEAT_CUSTOMERS} customers with a repeat purchase: for
 * Gamma-Gamma, with a positive repeat spend) or does not converge has no tiers of this model, with the reason.
 * Fits are made once per point and kept, in point order, for {@link #fitsTable} (value_fits.csv).
 */
public final class RefittedValueModel implements PointModel {
    /** The fewest customers with a repeat purchase a point's fits need: fewer leave the point without tiers. */
    public static final int MIN_REPEAT_CUSTOMERS = 20;
    /** The fits' time unit, in days (weeks, the research convention). */
    public static final double UNIT_DAYS = 7;
    private static final double[] SHARES = {0.8, 0.15, 0.05};
    private static final List<String> NAMES = List.of("A", "B", "C");

    private final TransactionLog log;
    private final double horizonDays;
    private final Map<LocalDate, PointFits> fits = new TreeMap<>();

    private RefittedValueModel(TransactionLog log, double horizonDays) {
        this.log = log;
        this.horizonDays = horizonDays;
    }

    /**
     * The value model of {@code log}, predicting revenue over {@code horizonDays} after each point (replay: the
     * length of the holdout period, the horizon the calibration end's tiers are judged on).
     */
    public static RefittedValueModel of(TransactionLog log, double horizonDays) {
        if (!(horizonDays > 0)) {
            throw new IllegalArgumentException("horizon must be > 0 days, found " + horizonDays);
        }
        return new RefittedValueModel(log, horizonDays);
    }

    /**
     * One fit attempted at a point.
     *
     * @param model the fitted model's name (BG/NBD, Gamma-Gamma)
     * @param parameters its parameter names
     * @param customers the customers it is fitted on (all customers acquired for BG/NBD; repeat buyers with a
     *     positive repeat spend for Gamma-Gamma)
     * @param repeatCustomers the customers with a repeat purchase (for Gamma-Gamma: with a positive repeat spend)
     * @param fit the fit, or null when there was too little data to fit
     * @param status {@code converged}, {@code not converged: WHY} or {@code not fitted: WHY}
     */
    public record Attempt(String model, List<String> parameters, int customers, int repeatCustomers, Fit fit,
            String status) {
        /** Whether the fit can predict: fitted and converged. */
        public boolean usable() {
            return fit != null && fit.converged();
        }
    }

    /**
     * Both fits at a point.
     *
     * @param reason why the point has no tiers of this model ("" if both fits are usable)
     */
    public record PointFits(LocalDate point, Attempt bgnbd, Attempt gammaGamma, String reason) {
    }

    @Override
    public List<String> tierNames() {
        return NAMES;
    }

    @Override
    public AtPoint at(TransactionLog of, LocalDate day) {
        if (of != log) {
            throw new IllegalArgumentException("this value model fits its own log only");
        }
        PointFits f = fitsAt(day);
        if (!f.reason().isEmpty()) {
            return AtPoint.none(f.reason());
        }
        return AtPoint.of(PredictedValueModel.of(BgNbdValuePredictor.of(f.bgnbd().fit(), f.gammaGamma().fit(),
                UNIT_DAYS), horizonDays, SHARES, NAMES));
    }

    /** The fits on the history known at the end of {@code day} (made once, then kept). */
    public PointFits fitsAt(LocalDate day) {
        return fits.computeIfAbsent(day, this::fit);
    }

    private PointFits fit(LocalDate day) {
        // the holdout end is the point itself: nothing after it is read
        Summaries s = Summaries.of(log, day, day, UNIT_DAYS);
        int repeaters = 0;
        for (int i = 0; i < s.size(); i++) {
            repeaters += s.x[i] > 0 ? 1 : 0;
        }
        GammaGamma gg = new GammaGamma();
        Attempt bg = attempt(new BgNbd(), s, new double[] {1, 1, 1, 1}, s.size(), repeaters, day);
        Attempt spend = attempt(gg, s, new double[] {1, 1, 1}, gg.observations(s), gg.observations(s), day);
        String reason = "";
        for (Attempt a : List.of(bg, spend)) {
            if (reason.isEmpty() && !a.usable()) {
                reason = "the " + a.model() + " fit on the history up to " + day + (a.fit() == null
                        ? " was not made: " + a.status().substring("not fitted: ".length())
                        : " did not converge (" + a.fit().message() + ")");
            }
        }
        return new PointFits(day, bg, spend, reason);
    }

    private static Attempt attempt(LikelihoodModel model, Summaries s, double[] start, int customers, int repeaters,
            LocalDate day) {
        if (repeaters < MIN_REPEAT_CUSTOMERS) {
            return new Attempt(model.name(), model.parameters(), customers, repeaters, null, "not fitted: only "
                    + repeaters + " customer" + (repeaters == 1 ? "" : "s") + " with a repeat purchase"
                    + (model instanceof GammaGamma ? " of positive value" : "") + " by " + day + " (at least "
                    + MIN_REPEAT_CUSTOMERS + " needed)");
        }
        Fit f = Fit.of(model, s, start, 0);
        return new Attempt(model.name(), model.parameters(), customers, repeaters, f,
                f.converged() ? "converged" : "not converged: " + f.message());
    }

    /**
     * value_fits.csv: one row per point fitted (in point order), fit and parameter: the estimate, its standard
     * error and the log-likelihood (empty when not fitted), the customers fitted on and those with a repeat
     * purchase, the status, and whether the model has tiers at that point.
     *
     * @param name the model's name in the replay's tables
     */
    public Table fitsTable(String name) {
        StringColumn model = StringColumn.create("model");
        StringColumn point = StringColumn.create("point");
        StringColumn fitted = StringColumn.create("fit");
        StringColumn parameter = StringColumn.create("parameter");
        DoubleColumn estimate = DoubleColumn.create("estimate");
        DoubleColumn se = DoubleColumn.create("std_error");
        DoubleColumn ll = DoubleColumn.create("log_likelihood");
        IntColumn customers = IntColumn.create("customers");
        IntColumn repeaters = IntColumn.create("repeat_customers");
        StringColumn status = StringColumn.create("status");
        StringColumn tiers = StringColumn.create("tiers");
        for (PointFits f : fits.values()) {
            for (Attempt a : List.of(f.bgnbd(), f.gammaGamma())) {
                for (int j = 0; j < a.parameters().size(); j++) {
                    model.append(name);
                    point.append(f.point().toString());
                    fitted.append(a.model());
                    parameter.append(a.parameters().get(j));
                    estimate.append(a.fit() == null ? Double.NaN : a.fit().estimate()[j]);
                    se.append(a.fit() == null ? Double.NaN : a.fit().standardError()[j]);
                    ll.append(a.fit() == null ? Double.NaN : a.fit().logLikelihood());
                    customers.append(a.customers());
                    repeaters.append(a.repeatCustomers());
                    status.append(a.status());
                    tiers.append(f.reason().isEmpty() ? "yes" : "no");
                }
            }
        }
        return Table.create("value_fits").addColumns(model, point, fitted, parameter, estimate, se, ll, customers,
                repeaters, status, tiers);
    }
}
