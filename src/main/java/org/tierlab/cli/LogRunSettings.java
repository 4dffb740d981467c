package org.tierlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tierlab.output.RunFolder;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The settings a {@code fit} or {@code replay} folder records in {@code settings.csv} (setting, value): the
 * log and its hash, the version, the calibration and holdout periods and how the log was read, then each
 * command's own options. The folder's tables cannot be read without them (a rate per week or per day, a
 * holdout of nine months or three).
 */
final class LogRunSettings {
    private final Map<String, String> values = new LinkedHashMap<>();

    /** The settings every log command shares. */
    LogRunSettings(Path log, LogOptions options, LocalDate firstPurchase, LocalDate calEnd, LocalDate holdEnd) {
        values.put("log", log.toString());
        values.put("log_sha256", sha256(log));
        values.put("tierlab_version", TierlabCommand.Version.version());
        values.put("calibration_start", firstPurchase.toString());
        values.put("calibration_end", calEnd.toString());
        values.put("holdout_start", calEnd.plusDays(1).toString());
        values.put("holdout_end", holdEnd.toString());
        values.put("same_day_purchases", options.keepSameDay ? "kept apart" : "merged");
    }

    /** Adds a command's own setting. */
    LogRunSettings with(String setting, String value) {
        values.put(setting, value);
        return this;
    }

    /** The settings.csv table. */
    Table table() {
        return Table.create("settings").addColumns(StringColumn.create("setting", values.keySet()),
                StringColumn.create("value", values.values()));
    }

    private static String sha256(Path file) {
        try {
            return RunFolder.sha256(file);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage());
        }
    }
}
