package org.tierlab.report;

import java.util.Locale;

/** Number formats for report tables. */
final class Format {
    private Format() {
    }

    /**
     * A number in the metric's natural unit: rates and shares (retention, lead conversion) as percent, money and
     * hours with thousands separators.
     */
    static String value(String metric, double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (metric.endsWith("_rate") || metric.equals("retention") || metric.equals("lead_conversion")) {
            return String.format(Locale.ROOT, "%.1f%%", 100 * v);
        }
        if (metric.equals("nps") || metric.equals("satisfaction")) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** "mean ± half-width". */
    static String estimate(String metric, double mean, double low, double high) {
        if (Double.isNaN(mean)) {
            return "–";
        }
        return value(metric, mean) + " ± " + value(metric, (high - low) / 2);
    }

    /** A difference with its CI: "+1.2% [0.3%, 2.1%]", points instead of percent for rates. */
    static String difference(String metric, double d, double low, double high) {
        if (Double.isNaN(d)) {
            return "–";
        }
        String sign = d >= 0 ? "+" : "";
        return sign + value(metric, d).replace("%", " pp") + " [" + value(metric, low).replace("%", "") + ", "
                + value(metric, high).replace("%", "") + "]";
    }

    /**
     * A plain number with a few significant digits; from ten thousand on, whole and grouped ("45,095"), where four
     * significant digits would switch to scientific notation ("4.509e+04") in a table meant to be read.
     */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Math.abs(v) >= 1e4 && !Double.isInfinite(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
