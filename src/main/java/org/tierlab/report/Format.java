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
        String shown = withoutNegativeZero(value(metric, d));
        String sign = shown.startsWith("-") ? "" : "+";
        return sign + shown.replace("%", " pp") + " [" + withoutNegativeZero(value(metric, low)).replace("%", "")
                + ", " + withoutNegativeZero(value(metric, high)).replace("%", "") + "]";
    }

    /**
     * A formatted number that rounds to zero, without its minus sign: "-0.0%" for a difference of -0.00001 would
     * claim a direction the shown digits do not have.
     */
    private static String withoutNegativeZero(String shown) {
        boolean zero = shown.chars().noneMatch(c -> c >= '1' && c <= '9');
        return zero && shown.startsWith("-") ? shown.substring(1) : shown;
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
