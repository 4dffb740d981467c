package org.tierlab.btyd;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The tables `tierlab fit` writes: parameters, the calibration histogram, conditional expectations by
 * calibration frequency, per-customer predictions and holdout accuracy (formats in docs/replay.md).
 */
public final class FitReport {
    /** Frequencies above this are pooled into one "N+" row, as in the published figures. */
    public static final int POOL = 7;

    private final Summaries s;
    private final Fit bgnbd;
    private final Fit pareto;
    private final Fit gg;
    private final double holdoutLength;
    private final Clv clv;
    /** Each model's expected holdout transactions per customer, computed once for every table that shows them. */
    private final double[] bgnbdHoldout;
    private final double[] paretoHoldout;

    /**
     * How customer lifetime value is computed: expected revenue over {@code horizon} time units, each unit's
     * expected transactions (BG/NBD, conditional on history) times the expected spend (Gamma-Gamma), discounted at
     * {@code annualDiscountRate} to the end of calibration; as lifetimes' customer_lifetime_value, in revenue
     * (multiply by the margin for profit).
     */
    public record Clv(int horizon, double annualDiscountRate) {
        /** Validates the settings. */
        public Clv {
            if (horizon < 1) {
                throw new IllegalArgumentException("CLV horizon must be at least one time unit: " + horizon);
            }
            if (!(annualDiscountRate >= 0 && annualDiscountRate < 10)) {
                throw new IllegalArgumentException("annual discount rate must be in [0, 10): " + annualDiscountRate);
            }
        }
    }

    /**
     * @param holdoutLength length of the holdout period in the summaries' time unit
     */
    public FitReport(Summaries s, Fit bgnbd, Fit pareto, Fit gg, double holdoutLength, Clv clv) {
        this.s = s;
        this.bgnbd = bgnbd;
        this.pareto = pareto;
        this.gg = gg;
        this.holdoutLength = holdoutLength;
        this.clv = clv;
        bgnbdHoldout = new double[s.size()];
        paretoHoldout = new double[s.size()];
        // a model that did not converge predicts nothing: NaN leaves its cells empty in every table, not only in
        // customers.csv, so no table shows the unconverged estimates' predictions as if they were results
        for (int i = 0; i < s.size(); i++) {
            bgnbdHoldout[i] = bgnbd.converged()
                    ? BgNbd.conditionalExpected(bgnbd.estimate(), s.x[i], s.tx[i], s.T[i], holdoutLength) : Double.NaN;
            paretoHoldout[i] = pareto.converged()
                    ? ParetoNbd.conditionalExpected(pareto.estimate(), s.x[i], s.tx[i], s.T[i], holdoutLength)
                    : Double.NaN;
        }
    }

    /** One row per model and parameter. */
    public Table parameters() {
        StringColumn model = StringColumn.create("model");
        StringColumn parameter = StringColumn.create("parameter");
        DoubleColumn estimate = DoubleColumn.create("estimate");
        DoubleColumn se = DoubleColumn.create("std_error");
        DoubleColumn ll = DoubleColumn.create("log_likelihood");
        IntColumn n = IntColumn.create("customers");
        StringColumn converged = StringColumn.create("converged");
        for (Fit f : List.of(bgnbd, pareto, gg)) {
            for (int j = 0; j < f.names().size(); j++) {
                model.append(f.model());
                parameter.append(f.names().get(j));
                estimate.append(f.estimate()[j]);
                se.append(f.standardError()[j]);
                ll.append(f.logLikelihood());
                n.append(f.observations());
                converged.append(f.converged() ? "yes" : "no: " + f.message());
            }
        }
        return Table.create("parameters").addColumns(model, parameter, estimate, se, ll, n, converged);
    }

    /** Actual and BG/NBD-expected numbers of customers by repeat transactions in calibration (0..7+). */
    public Table calibrationHistogram() {
        double[] actual = new double[POOL + 1];
        double[] expected = new double[POOL + 1];
        for (int i = 0; i < s.size(); i++) {
            actual[Math.min(s.x[i], POOL)]++;
            if (!bgnbd.converged()) {
                continue;
            }
            double below = 0;
            for (int x = 0; x < POOL; x++) {
                double px = BgNbd.probabilityOfCount(bgnbd.estimate(), x, s.T[i]);
                expected[x] += px;
                below += px;
            }
            expected[POOL] += 1 - below;
        }
        if (!bgnbd.converged()) {
            java.util.Arrays.fill(expected, Double.NaN);
        }
        return byFrequency("calibration_histogram", "actual_customers", actual, "bgnbd_expected_customers", expected);
    }

    /** Mean holdout transactions by calibration frequency: actual and BG/NBD conditional expectation. */
    public Table conditionalExpectations() {
        double[] actual = new double[POOL + 1];
        double[] expected = new double[POOL + 1];
        double[] expectedPareto = new double[POOL + 1];
        double[] count = new double[POOL + 1];
        for (int i = 0; i < s.size(); i++) {
            int k = Math.min(s.x[i], POOL);
            count[k]++;
            actual[k] += s.holdoutX[i];
            expected[k] += bgnbdHoldout[i];
            expectedPareto[k] += paretoHoldout[i];
        }
        for (int k = 0; k <= POOL; k++) {
            actual[k] = count[k] == 0 ? Double.NaN : actual[k] / count[k];
            expected[k] = count[k] == 0 ? Double.NaN : expected[k] / count[k];
            expectedPareto[k] = count[k] == 0 ? Double.NaN : expectedPareto[k] / count[k];
        }
        return byFrequency("conditional", "actual_holdout_mean", actual, "bgnbd_expected_mean", expected)
                .addColumns(DoubleColumn.create("pareto_nbd_expected_mean", expectedPareto),
                        DoubleColumn.create("customers", count));
    }

    private static Table byFrequency(String name, String a, double[] actual, String b, double[] expected) {
        StringColumn freq = StringColumn.create("calibration_frequency");
        for (int k = 0; k <= POOL; k++) {
            freq.append(k == POOL ? POOL + "+" : Integer.toString(k));
        }
        return Table.create(name).addColumns(freq, DoubleColumn.create(a, actual), DoubleColumn.create(b, expected));
    }

    /** One row per customer: summaries and predictions. */
    public Table customers(List<String> ids) {
        StringColumn id = StringColumn.create("customer_id");
        IntColumn x = IntColumn.create("x");
        DoubleColumn tx = DoubleColumn.create("t_x");
        DoubleColumn t = DoubleColumn.create("T");
        DoubleColumn spend = DoubleColumn.create("mean_spend");
        IntColumn hx = IntColumn.create("holdout_x");
        DoubleColumn alive = DoubleColumn.create("p_alive");
        DoubleColumn expected = DoubleColumn.create("bgnbd_expected_holdout");
        DoubleColumn value = DoubleColumn.create("expected_spend");
        DoubleColumn pAlive = DoubleColumn.create("pareto_p_alive");
        DoubleColumn pExpected = DoubleColumn.create("pareto_expected_holdout");
        DoubleColumn lifetimeValue = DoubleColumn.create("clv");
        for (int k = 0; k < s.size(); k++) {
            int i = k;
            id.append(ids.get(s.customer[i]));
            x.append(s.x[i]);
            tx.append(s.tx[i]);
            t.append(s.T[i]);
            spend.append(s.meanSpend[i]);
            hx.append(s.holdoutX[i]);
            // a model whose fit did not converge predicts nothing: its cells stay empty rather than show garbage
            appendIf(alive, bgnbd.converged(), () -> BgNbd.probabilityAlive(bgnbd.estimate(), s.x[i], s.tx[i], s.T[i]));
            appendIf(expected, bgnbd.converged(), () -> bgnbdHoldout[i]);
            double spendEstimate = gg.converged() ? GammaGamma.expectedSpend(gg.estimate(), s.x[i], s.meanSpend[i])
                    : Double.NaN;
            appendIf(value, gg.converged(), () -> spendEstimate);
            appendIf(pAlive, pareto.converged(), () -> ParetoNbd.probabilityAlive(pareto.estimate(), s.x[i], s.tx[i],
                    s.T[i]));
            appendIf(pExpected, pareto.converged(), () -> paretoHoldout[i]);
            appendIf(lifetimeValue, bgnbd.converged() && gg.converged(), () -> clv(i, spendEstimate));
        }
        return Table.create("customers").addColumns(id, x, tx, t, spend, hx, alive, expected, value, pAlive, pExpected,
                lifetimeValue);
    }

    private static void appendIf(DoubleColumn c, boolean fitted, java.util.function.DoubleSupplier value) {
        if (fitted) {
            c.append(value.getAsDouble());
        } else {
            c.appendMissing();
        }
    }

    /** Discounted expected revenue of customer i over the CLV horizon (see {@link Clv}). */
    double clv(int i, double spend) {
        double perUnit = Math.pow(1 + clv.annualDiscountRate(), -s.unitDays / 365.25);
        double total = 0;
        double previous = 0;
        double discount = 1;
        for (int k = 1; k <= clv.horizon(); k++) {
            double e = BgNbd.conditionalExpected(bgnbd.estimate(), s.x[i], s.tx[i], s.T[i], k);
            discount *= perUnit;
            total += (e - previous) * spend * discount;
            previous = e;
        }
        return total;
    }

    /** Holdout accuracy of each model's per-customer predictions and of the aggregate. */
    public Table accuracy() {
        List<String> names = List.of("mae", "rmse", "bias", "actual_total", "predicted_total", "aggregate_error_pct");
        return Table.create("accuracy").addColumns(StringColumn.create("measure", names),
                DoubleColumn.create("bgnbd", accuracy(bgnbdHoldout)), DoubleColumn.create("pareto_nbd", accuracy(paretoHoldout)));
    }

    private double[] accuracy(double[] predicted) {
        double abs = 0;
        double sq = 0;
        double bias = 0;
        double actualTotal = 0;
        double predictedTotal = 0;
        for (int i = 0; i < s.size(); i++) {
            double e = predicted[i];
            double err = e - s.holdoutX[i];
            abs += Math.abs(err);
            sq += err * err;
            bias += err;
            actualTotal += s.holdoutX[i];
            predictedTotal += e;
        }
        int n = s.size();
        return new double[] {abs / n, Math.sqrt(sq / n), bias / n, actualTotal, predictedTotal,
            100 * (predictedTotal - actualTotal) / actualTotal};
    }
}
