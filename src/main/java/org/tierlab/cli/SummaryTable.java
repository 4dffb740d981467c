package org.tierlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.tierlab.scenario.ScenarioReader;
import org.tierlab.sim.ExperimentResult;
import org.tierlab.sim.SummaryMetric;
import org.tierlab.sim.UnitResult;
import org.tierlab.stats.Estimate;

/** The terminal summary: one row per strategy, headline metrics with 95 % CIs and the difference in profit. */
final class SummaryTable {
    private static final List<SummaryMetric> COLUMNS = List.of(SummaryMetric.RETENTION, SummaryMetric.REPURCHASE_RATE,
            SummaryMetric.NPS, SummaryMetric.STAFF_HOURS, SummaryMetric.UNMET_HOURS, SummaryMetric.REVENUE,
            SummaryMetric.PROFIT);

    private SummaryTable() {
    }

    static void print(PrintWriter out, ExperimentResult r) {
        int nameWidth = "strategy".length();
        for (int s = 0; s < r.strategies(); s++) {
            nameWidth = Math.max(nameWidth, r.scenario().strategies().get(s).name().length());
        }
        out.printf(Locale.ROOT, "%s: %d replications x %d %ss, mean +- 95%% CI half-width%n", r.scenario().name(),
                r.replications(), r.scenario().horizon().periods(),
                r.scenario().horizon().period().name().toLowerCase(Locale.ROOT));
        StringBuilder head = new StringBuilder(pad("strategy", nameWidth));
        for (SummaryMetric m : COLUMNS) {
            head.append("  ").append(pad(m.key(), 19));
        }
        head.append("  ").append("profit vs no-maintenance");
        out.println(head);
        int base = baseline(r);
        for (int s = 0; s < r.strategies(); s++) {
            StringBuilder row = new StringBuilder(pad(r.scenario().strategies().get(s).name(), nameWidth));
            for (SummaryMetric m : COLUMNS) {
                row.append("  ").append(pad(format(r.estimate(s, value(m)), m), 19));
            }
            if (s != base) {
                Estimate d = r.difference(s, base, value(SummaryMetric.PROFIT));
                row.append("  ").append(format(d, SummaryMetric.PROFIT)).append(d.excludesZero() ? "" : " (n.s.)");
            }
            out.println(row.toString().stripTrailing());
        }
    }

    private static int baseline(ExperimentResult r) {
        for (int s = 0; s < r.strategies(); s++) {
            if (r.scenario().strategies().get(s).name().equals(ScenarioReader.NO_MAINTENANCE)) {
                return s;
            }
        }
        return 0;
    }

    private static ToDoubleFunction<UnitResult> value(SummaryMetric m) {
        return u -> u.summary()[m.ordinal()];
    }

    private static String format(Estimate e, SummaryMetric m) {
        if (Double.isNaN(e.mean())) {
            return "-";
        }
        double half = (e.high() - e.low()) / 2;
        return switch (m) {
            case RETENTION, REPURCHASE_RATE -> String.format(Locale.ROOT, "%.1f%% +-%.1f", 100 * e.mean(), 100 * half);
            case NPS -> String.format(Locale.ROOT, "%.1f +-%.1f", e.mean(), half);
            default -> compact(e.mean(), half);
        };
    }

    /** A mean and its half-width on one scale (the larger's), so "14.6k +-8.2k", never "14.6k +-8229". */
    private static String compact(double mean, double half) {
        double a = Math.max(Math.abs(mean), Math.abs(half));
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM +-%.2fM", mean / 1e6, half / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk +-%.1fk", mean / 1e3, half / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f +-%.0f", mean, half);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
