package org.tierlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process with captured output, as picocli's own examples test their commands. */
public final class CliTestSupport {
    private CliTestSupport() {
    }

    /** The outcome of one CLI call. */
    public record Result(int exitCode, String out, String err) {
    }

    /** Runs {@code tierlab args...} and captures both streams. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TierlabCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
