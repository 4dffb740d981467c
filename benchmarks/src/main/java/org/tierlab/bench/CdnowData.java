package org.tierlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.tierlab.btyd.Summaries;
import org.tierlab.log.LogFormat;
import org.tierlab.log.TransactionLog;

/**
 * The CDNOW logs the customer-base benchmarks read. The folder is, in order: the system property
 * {@code tierlab.cdnow} (pass it to the forked JVMs with {@code -jvmArgsAppend -Dtierlab.cdnow=DIR}),
 * {@code /work/shared/data/cdnow}, or {@code shared/data/cdnow} in the working directory or any folder above it
 * (so {@code ../shared/data/cdnow} from the repository root).
 */
final class CdnowData {
    /** The research convention: weeks, calibration to 1997-09-30, holdout to 1998-06-30. */
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
    static final double WEEK = 7;

    private CdnowData() {
    }

    static Path dir() {
        String property = System.getProperty("tierlab.cdnow");
        if (property != null) {
            Path p = Path.of(property);
            if (!Files.isDirectory(p)) {
                throw new IllegalStateException("-Dtierlab.cdnow=" + property + " is not a folder");
            }
            return p;
        }
        Path fixed = Path.of("/work/shared/data/cdnow");
        if (Files.isDirectory(fixed)) {
            return fixed;
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path candidate = p.resolve("shared/data/cdnow");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("CDNOW data not found: set -Dtierlab.cdnow=DIR (with -jvmArgsAppend), or put"
                + " it in /work/shared/data/cdnow or ../shared/data/cdnow");
    }

    /** "master" or "sample". */
    static Path file(String which) {
        return dir().resolve(switch (which) {
            case "master" -> "CDNOW_master.txt";
            case "sample" -> "CDNOW_sample.txt";
            default -> throw new IllegalArgumentException("master or sample, found " + which);
        });
    }

    static LogFormat format(String which) {
        return which.equals("master") ? LogFormat.cdnowMaster() : LogFormat.cdnowSample();
    }

    static TransactionLog read(String which) {
        return TransactionLog.read(file(which), format(which));
    }

    static Summaries summarise(TransactionLog log) {
        return Summaries.of(log, CALIBRATION_END, HOLDOUT_END, WEEK);
    }
}
