package org.tierlab.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.tierlab.scenario.ScenarioReader;
import org.tierlab.sim.ExperimentResult;
import org.tierlab.sim.PeriodMetric;
import org.tierlab.sim.SummaryMetric;
import org.tierlab.sim.TierMetric;
import org.tierlab.sim.UnitResult;
import org.tierlab.stats.Estimate;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Turns an {@link ExperimentResult} into the run folder's tables (files in README.md, metrics in docs/metrics.md): summary,
 * per period, per tier, migrations and revenue concentration. Long format throughout, so a report or a
 * spreadsheet can filter by metric.
 */
public final class RunTables {
    private final ExperimentResult result;
    private final List<String> roles;
    private final int noMaintenance;
    private final int uniform;

    private RunTables(ExperimentResult result) {
        this.result = result;
        this.roles = result.scenario().roles();
        this.noMaintenance = indexOf(ScenarioReader.NO_MAINTENANCE);
        this.uniform = indexOf(ScenarioReader.UNIFORM);
    }

    /** Tables for one experiment. */
    public static RunTables of(ExperimentResult result) {
        return new RunTables(result);
    }

    private int indexOf(String name) {
        for (int s = 0; s < result.strategies(); s++) {
            if (result.scenario().strategies().get(s).name().equals(name)) {
                return s;
            }
        }
        throw new IllegalStateException("baseline missing: " + name);
    }

    private String strategyName(int s) {
        return result.scenario().strategies().get(s).name();
    }

    /** A summary metric: its name and how to read it off a unit. */
    public record Metric(String name, ToDoubleFunction<UnitResult> value) {
    }

    /** The summary metrics in output order, per-role staff metrics last. */
    public List<Metric> summaryMetrics() {
        List<Metric> out = new ArrayList<>();
        for (SummaryMetric m : SummaryMetric.values()) {
            out.add(new Metric(m.key(), u -> u.summary()[m.ordinal()]));
        }
        for (int r = 0; r < roles.size(); r++) {
            int ri = r;
            out.add(new Metric("staff_hours:" + roles.get(r), u -> u.staffTotal()[ri]));
            out.add(new Metric("unmet_hours:" + roles.get(r), u -> u.unmetTotal()[ri]));
        }
        return out;
    }

    /** One row per strategy and metric: mean, CI, paired differences against both baselines. */
    public Table summary() {
        StringColumn strategy = StringColumn.create("strategy");
        StringColumn metric = StringColumn.create("metric");
        DoubleColumn[] cols = doubles("mean", "ci_low", "ci_high", "vs_no_maintenance", "vs_no_maintenance_low",
                "vs_no_maintenance_high", "vs_uniform", "vs_uniform_low", "vs_uniform_high");
        for (int s = 0; s < result.strategies(); s++) {
            for (Metric m : summaryMetrics()) {
                strategy.append(strategyName(s));
                metric.append(m.name());
                Estimate e = result.estimate(s, m.value());
                append(cols, 0, e);
                append(cols, 3, s == noMaintenance ? null : result.difference(s, noMaintenance, m.value()));
                append(cols, 6, s == uniform ? null : result.difference(s, uniform, m.value()));
            }
        }
        return Table.create("summary").addColumns(strategy, metric).addColumns(cols);
    }

    /** One row per strategy, measured period and metric. */
    public Table periods() {
        StringColumn strategy = StringColumn.create("strategy");
        IntColumn period = IntColumn.create("period");
        StringColumn metric = StringColumn.create("metric");
        DoubleColumn[] cols = doubles("mean", "ci_low", "ci_high");
        int periods = result.scenario().horizon().periods();
        for (int s = 0; s < result.strategies(); s++) {
            for (Series series : periodSeries()) {
                for (int p = 0; p < periods; p++) {
                    int pi = p;
                    strategy.append(strategyName(s));
                    period.append(p + 1);
                    metric.append(series.name);
                    append(cols, 0, result.estimate(s, u -> series.values.apply(u)[pi]));
                }
            }
        }
        return Table.create("periods").addColumns(strategy, period, metric).addColumns(cols);
    }

    private record Series(String name, java.util.function.Function<UnitResult, double[]> values) {
    }

    private List<Series> periodSeries() {
        List<Series> out = new ArrayList<>();
        for (PeriodMetric m : PeriodMetric.values()) {
            out.add(new Series(m.key(), u -> u.period()[m.ordinal()]));
        }
        int periods = result.scenario().horizon().periods();
        for (int r = 0; r < roles.size(); r++) {
            int ri = r;
            double[] capacity = new double[periods];
            java.util.Arrays.fill(capacity, result.scenario().capacityHours().get(roles.get(r)));
            out.add(new Series("staff_hours:" + roles.get(r), u -> u.staffHours()[ri]));
            out.add(new Series("unmet_hours:" + roles.get(r), u -> u.unmetHours()[ri]));
            out.add(new Series("capacity_hours:" + roles.get(r), u -> capacity));
        }
        return out;
    }

    /** One row per strategy, measured period, tier and tier metric. */
    public Table tiers() {
        StringColumn strategy = StringColumn.create("strategy");
        IntColumn period = IntColumn.create("period");
        StringColumn tier = StringColumn.create("tier");
        StringColumn metric = StringColumn.create("metric");
        DoubleColumn[] cols = doubles("mean", "ci_low", "ci_high");
        int periods = result.scenario().horizon().periods();
        for (int s = 0; s < result.strategies(); s++) {
            List<String> names = result.tierNames(s);
            for (int k = 0; k < names.size(); k++) {
                for (TierMetric m : TierMetric.values()) {
                    for (int p = 0; p < periods; p++) {
                        int ki = k;
                        int pi = p;
                        strategy.append(strategyName(s));
                        period.append(p + 1);
                        tier.append(names.get(k));
                        metric.append(m.key());
                        append(cols, 0, result.estimate(s, u -> u.tier()[m.ordinal()][ki][pi]));
                    }
                }
            }
        }
        return Table.create("tiers").addColumns(strategy, period, tier, metric).addColumns(cols);
    }

    /** Mean number of customers moving between each pair of tiers at re-tiering points, per strategy. */
    public Table migrations() {
        StringColumn strategy = StringColumn.create("strategy");
        StringColumn from = StringColumn.create("from_tier");
        StringColumn to = StringColumn.create("to_tier");
        DoubleColumn count = DoubleColumn.create("count");
        for (int s = 0; s < result.strategies(); s++) {
            List<String> names = result.tierNames(s);
            for (int a = 0; a < names.size(); a++) {
                for (int b = 0; b < names.size() - 1; b++) {
                    double sum = 0;
                    for (int r = 0; r < result.replications(); r++) {
                        sum += result.unit(s, r).migrations()[a][b];
                    }
                    strategy.append(strategyName(s));
                    from.append(names.get(a));
                    to.append(names.get(b));
                    count.append(sum / result.replications());
                }
            }
        }
        return Table.create("migrations").addColumns(strategy, from, to, count);
    }

    /** The revenue concentration (Lorenz) curve per strategy, averaged over replications. */
    public Table concentration() {
        StringColumn strategy = StringColumn.create("strategy");
        DoubleColumn customerShare = DoubleColumn.create("customer_share");
        DoubleColumn revenueShare = DoubleColumn.create("revenue_share");
        for (int s = 0; s < result.strategies(); s++) {
            for (int q = 0; q <= 100; q++) {
                double sum = 0;
                for (int r = 0; r < result.replications(); r++) {
                    sum += result.unit(s, r).concentration()[q];
                }
                strategy.append(strategyName(s));
                customerShare.append(q / 100.0);
                revenueShare.append(sum / result.replications());
            }
        }
        return Table.create("concentration").addColumns(strategy, customerShare, revenueShare);
    }

    private static DoubleColumn[] doubles(String... names) {
        DoubleColumn[] out = new DoubleColumn[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = DoubleColumn.create(names[i]);
        }
        return out;
    }

    private static void append(DoubleColumn[] cols, int at, Estimate e) {
        cols[at].append(e == null ? Double.NaN : e.mean());
        cols[at + 1].append(e == null ? Double.NaN : e.low());
        cols[at + 2].append(e == null ? Double.NaN : e.high());
    }
}
