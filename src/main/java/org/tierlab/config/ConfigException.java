package org.tierlab.config;

/**
 * A user-input error that names where it is: file, line, key and what was expected.
 *
 * <p>The CLI prints {@link #getMessage()} as it is and exits with code 2; no stack trace is ever shown
 * for one of these, so the message must be complete on its own.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String key;
    private final String problem;

    /**
     * @param file the file the bad value came from (as the user named it), or {@code null} if none
     * @param line 1-based line number, or 0 when unknown
     * @param key dotted path of the offending key, or {@code null}
     * @param problem what is wrong and what was expected
     */
    public ConfigException(String file, int line, String key, String problem) {
        super(format(file, line, key, problem));
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    private static String format(String file, int line, String key, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        if (key != null && !key.isEmpty()) {
            sb.append("'").append(key).append("': ");
        }
        return sb.append(problem).toString();
    }

    /** The file named in the message, or {@code null}. */
    public String file() {
        return file;
    }

    /** The 1-based line named in the message, or 0. */
    public int line() {
        return line;
    }

    /** What is wrong and what was expected, without the file, line and key. */
    public String problem() {
        return problem;
    }

    /** The dotted key path named in the message, or {@code null}. */
    public String key() {
        return key;
    }
}
