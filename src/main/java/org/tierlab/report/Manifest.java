package org.tierlab.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a run folder's {@code manifest.json} that the run report shows, checked when read: a file that
 * is not JSON, or lacks one of these fields or gives it the wrong type, is a {@link ReportException} naming the
 * file, the line and what was expected, before any of the report is written.
 */
final class Manifest {
    /** Fields holding text, in the order the message about a missing one lists them. */
    private static final List<String> TEXT = List.of("tierlab_version", "date", "period");
    /** Fields holding whole numbers. */
    private static final List<String> WHOLE = List.of("seed", "replications", "periods", "warmup");

    /** The command-line options that overrode the scenario ("" for none), such as --independent-streams. */
    static final String OVERRIDES = "overrides";

    private final Map<String, String> values;

    private Manifest(Map<String, String> values) {
        this.values = values;
    }

    /** Whether the run gave each strategy its own random draws (no common random numbers). */
    boolean independentStreams() {
        return java.util.Arrays.asList(get(OVERRIDES).split(" ")).contains("--independent-streams");
    }

    /** A field the report shows, as text (a number as the file writes it; "" for overrides not given). */
    String get(String field) {
        return values.get(field);
    }

    /** Reads and checks {@code file}. */
    static Manifest read(Path file) {
        String text = RunReport.text(file);
        Map<String, Value> fields;
        try (JsonParser p = new JsonFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .createParser(text)) {
            fields = topLevel(file, p);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ReportException(file + (line > 0 ? " line " + line + ", column " + column : "")
                    + ": not valid JSON: " + e.getOriginalMessage() + "; expected the manifest tierlab run wrote");
        } catch (IOException e) {
            throw new ReportException(CsvTables.problem(file, e));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : TEXT) {
            values.put(name, check(file, fields, name, JsonToken.VALUE_STRING, "text in double quotes"));
        }
        for (String name : WHOLE) {
            values.put(name, check(file, fields, name, JsonToken.VALUE_NUMBER_INT, "a whole number"));
        }
        // optional: how the differences were paired depends on it, but a folder without it is still a report
        values.put(OVERRIDES, fields.containsKey(OVERRIDES)
                ? check(file, fields, OVERRIDES, JsonToken.VALUE_STRING, "text in double quotes") : "");
        return new Manifest(values);
    }

    /** A top-level field: its first token, its text (a string's content, a number as written) and its line. */
    private record Value(JsonToken token, String text, int line) {
        /** How a message shows the value: text in quotes, a number as written, else what kind of value it is. */
        String shown() {
            return token == JsonToken.VALUE_STRING ? "\"" + text + "\""
                    : token == JsonToken.START_OBJECT ? "an object"
                    : token == JsonToken.START_ARRAY ? "a list" : text;
        }
    }

    /** The top-level fields of the one object the file must hold; nested objects and lists are skipped. */
    private static Map<String, Value> topLevel(Path file, JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new ReportException(file + line(p) + ": expected a JSON object ({ ... }), found " + found(p));
        }
        Map<String, Value> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            fields.put(name, new Value(token, p.getText(), p.currentTokenLocation().getLineNr()));
            p.skipChildren();
        }
        if (p.nextToken() != null) {
            throw new ReportException(file + line(p) + ": expected nothing after the object's closing }, found "
                    + found(p));
        }
        return fields;
    }

    private static String check(Path file, Map<String, Value> fields, String name, JsonToken type, String expected) {
        Value v = fields.get(name);
        if (v == null) {
            throw new ReportException(file + ": the field \"" + name + "\" is missing; expected the manifest tierlab"
                    + " run wrote, with " + String.join(", ", TEXT) + " (text) and " + String.join(", ", WHOLE)
                    + " (whole numbers)");
        }
        if (v.token() != type) {
            throw new ReportException(file + " line " + v.line() + ": field \"" + name + "\": expected " + expected
                    + ", found " + v.shown());
        }
        return v.text();
    }

    private static String line(JsonParser p) {
        return " line " + p.currentTokenLocation().getLineNr();
    }

    /** The value the parser is at, as a message shows it ("nothing" at the end of the file). */
    private static String found(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        return token == null ? "nothing" : new Value(token, p.getText(), 0).shown();
    }
}
