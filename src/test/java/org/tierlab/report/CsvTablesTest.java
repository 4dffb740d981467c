package org.tierlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a folder's CSV back: an error names the line of the file, not the number of the record. */
class CsvTablesTest {

    private static String error(Path dir, String content) throws Exception {
        Path file = dir.resolve("summary.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        ReportException e = assertThrows(ReportException.class, () -> CsvTables.read(file, Set.of("strategy")));
        return e.getMessage().substring(file.toString().length());
    }

    /** A quoted name holding line breaks (as tierlab quotes it) spans lines; the rows after it keep their real line. */
    @Test
    void errorsAfterAMultiLineFieldNameTheFilesLine(@TempDir Path dir) throws Exception {
        String head = "strategy,mean\n\"two\nlines\",1\n";
        assertEquals(" line 4: column mean should be a number, found 'x'", error(dir, head + "s,x\n"));
        assertEquals(" line 4: expected 2 fields as in the header, found 1", error(dir, head + "s\n"));
        // CR LF and a lone CR are line breaks too, and a skipped empty line is still a line of the file
        assertEquals(" line 6: column mean should be a number, found 'x'",
                error(dir, "strategy,mean\r\n\"a\r\nb\rc\",1\r\n\r\ns,x"));
        // a bad value in a record that itself spans lines is named at the line where the record starts
        assertEquals(" line 3: column mean should be a number, found 'x'", error(dir, "strategy,mean\ns,1\n\"a\nb\",x\n"));
        assertEquals(" line 2: column mean should be a number, found 'x'", error(dir, "strategy,mean\ns,x\n"));
    }

    /** A number column the report needs is checked when the file is read, as the text columns are. */
    @Test
    void aMissingNumberColumnIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("periods.csv");
        Files.writeString(file, "strategy,period,mean\ns,1,0.5\n", StandardCharsets.UTF_8);
        ReportException e = assertThrows(ReportException.class,
                () -> CsvTables.read(file, Set.of("strategy"), List.of("period", "mean", "ci_low")));
        assertEquals(file + " has no column 'ci_low' (its header: [strategy, period, mean]); expected the file as "
                + "tierlab wrote it", e.getMessage());
        assertEquals(1, CsvTables.read(file, Set.of("strategy"), List.of("period", "mean")).rowCount());
    }
}
