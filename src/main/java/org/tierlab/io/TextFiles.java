package org.tierlab.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening the text files users give (customer tables, transaction logs): UTF-8, with a byte-order mark dropped. */
public final class TextFiles {
    private static final int BOM = '\uFEFF';

    private TextFiles() {
    }

    /**
     * A UTF-8 reader of {@code file} that skips a leading byte-order mark, which spreadsheet programs write ("CSV
     * UTF-8") and which would otherwise become part of the first column's name.
     */
    public static BufferedReader utf8(Path file) throws IOException {
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        in.mark(1);
        if (in.read() != BOM) {
            in.reset();
        }
        return in;
    }
}
