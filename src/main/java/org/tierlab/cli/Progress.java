package org.tierlab.cli;

import java.io.PrintWriter;

/** A text progress bar on the error stream (so the summary on standard output stays clean). */
public final class Progress {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final int total;
    private int shown = -1;

    private Progress(PrintWriter err, String label, int total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    /** A bar of {@code total} steps. */
    public static Progress bar(PrintWriter err, String label, int total) {
        return new Progress(err, label, Math.max(1, total));
    }

    /** A progress that prints nothing. */
    public static Progress silent() {
        return new Progress(null, "", 1);
    }

    /** Shows {@code done} steps finished; safe to call from worker threads. */
    public synchronized void update(int done) {
        if (err == null) {
            return;
        }
        int percent = (int) (100L * done / total);
        if (percent == shown) {
            return;
        }
        shown = percent;
        int filled = WIDTH * done / total;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% ("
                + done + "/" + total + ")");
        err.flush();
    }

    /** Ends the bar's line. */
    public synchronized void done() {
        if (err != null && shown >= 0) {
            err.println();
            err.flush();
        }
    }
}
