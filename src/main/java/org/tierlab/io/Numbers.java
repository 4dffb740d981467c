package org.tierlab.io;

/** Reading numbers from text files (customer tables, transaction logs) the way a spreadsheet user writes them. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * A decimal number as {@link Double#parseDouble} reads it (NaN and Infinity included, for the callers to judge),
     * without the Java-source forms a data file never means: a type suffix (1d, 2f) or a hexadecimal float (0x1p3).
     *
     * @throws NumberFormatException if the text is not such a number
     */
    public static double parseDecimal(String text) {
        String t = text.trim();
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        if ("dDfF".indexOf(last) >= 0 || t.indexOf('x') >= 0 || t.indexOf('X') >= 0) {
            throw new NumberFormatException(text);
        }
        return Double.parseDouble(t);
    }
}
