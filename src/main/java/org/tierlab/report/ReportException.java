package org.tierlab.report;

/** A report cannot be built from a folder (missing or malformed files); the message says which and why. */
public final class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message complete, user-facing description */
    public ReportException(String message) {
        super(message);
    }
}
