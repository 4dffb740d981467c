package org.tierlab.btyd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.tierlab.log.LogFormat;
import org.tierlab.log.TransactionLog;

/** The CDNOW logs in ../shared/data/cdnow, found by walking up from the working directory. */
public final class Cdnow {
    public static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    public static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

    private Cdnow() {
    }

    public static Path dir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path candidate = p.resolve("shared/data/cdnow");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("shared/data/cdnow not found above " + Path.of("").toAbsolutePath());
    }

    public static TransactionLog sample() {
        return TransactionLog.read(dir().resolve("CDNOW_sample.txt"), LogFormat.cdnowSample());
    }

    public static TransactionLog master() {
        return TransactionLog.read(dir().resolve("CDNOW_master.txt"), LogFormat.cdnowMaster());
    }

    /** The 2,357-customer sample summarised in weeks, calibration to 1997-09-30, the research convention. */
    public static Summaries sampleWeeks() {
        return Summaries.of(sample(), CALIBRATION_END, HOLDOUT_END, 7);
    }
}
