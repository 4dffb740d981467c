package org.tierlab.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --out} option every command that writes a run folder shares. */
public final class OutputOptions {
    @Option(names = "--out", paramLabel = "DIR",
            description = "Run folder to write (default: reports/<name>/). Replaced whole when the run succeeds;"
                    + " not a symbolic link (give the real path).")
    Path out;

    /** The chosen folder, or {@code fallback}. */
    public Path outOr(Path fallback) {
        return out == null ? fallback : out;
    }
}
