package org.tierlab.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * A read-only view of one node of a YAML configuration file that remembers where it came from.
 *
 * <p>Every typed getter validates as it reads and throws {@link ConfigException} naming the file, the line,
 * the dotted key path and what was expected. Mapping readers call {@link #allowOnly} so that a misspelt key
 * is an error rather than silently ignored.
 */
public final class ConfigNode {
    private final String file;
    private final String path;
    private final Node node;

    private ConfigNode(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Parses a YAML file into its root node; a syntax error becomes a {@link ConfigException} with its line. */
    public static ConfigNode load(Path file) {
        return parse(file.toString(), new java.io.StringReader(readText(file)));
    }

    /**
     * A configuration file's text, read as UTF-8: a missing or unreadable file, or bytes that are not UTF-8, are
     * a {@link ConfigException} naming the file (and the line of the first bad byte).
     */
    public static String readText(Path file) {
        String name = file.toString();
        try {
            return utf8(name, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, null, "file not found");
        } catch (IOException e) {
            throw new ConfigException(name, 0, null, "cannot read file: " + e.getMessage());
        }
    }

    /** The file's text; bytes that are not UTF-8 are an error naming their line. */
    private static String utf8(String name, byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(in).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            int line = 1;
            for (int i = 0; i < in.position() && i < bytes.length; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new ConfigException(name, line, null, "the file is not UTF-8 text (a byte that is not valid"
                    + " UTF-8 is on this line); expected a UTF-8 file: save it as UTF-8");
        }
    }

    /** Parses YAML text; {@code name} is used in error messages. */
    public static ConfigNode parse(String name, Reader reader) {
        String text = slurp(name, reader);
        checkPrintable(name, text);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Node root = new Yaml(options).compose(new java.io.StringReader(text));
            if (root == null) {
                throw new ConfigException(name, 1, null, "the file is empty; expected a YAML mapping");
            }
            return new ConfigNode(name, "", root);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            throw new ConfigException(name, line, null, "not valid YAML: " + problem);
        } catch (YAMLException e) {
            throw new ConfigException(name, 0, null, "not valid YAML: " + e.getMessage());
        }
    }

    private static String slurp(String name, Reader reader) {
        try {
            java.io.StringWriter text = new java.io.StringWriter();
            reader.transferTo(text);
            return text.toString();
        } catch (IOException e) {
            throw new ConfigException(name, 0, null, "cannot read: " + e.getMessage());
        }
    }

    /**
     * YAML allows no control character but tab and line breaks anywhere in a file, not even in a comment (a NUL
     * byte, say, from a binary paste). SnakeYAML's message for one names no line, so the text is searched here
     * first, with SnakeYAML's own rule, to name the line and column.
     */
    private static void checkPrintable(String name, String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (!StreamReader.isPrintable(c)) {
                String kind = Character.isISOControl(c) ? "a control character" : "not a printable character";
                throw new ConfigException(name, line, null, String.format(java.util.Locale.ROOT, "column %d: character"
                        + " U+%04X (%s) is not allowed in YAML; expected printable text: remove it, or write it as the"
                        + " escape \\u%04X inside a double-quoted string", column, c, kind, c));
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    /** The file this node came from. */
    public String file() {
        return file;
    }

    /** The dotted key path of this node ({@code ""} for the root). */
    public String path() {
        return path;
    }

    /** The 1-based line this node starts on. */
    public int line() {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** An error located at this node. */
    public ConfigException error(String problem) {
        return new ConfigException(file, line(), path, problem);
    }

    // ---- mappings -------------------------------------------------------------------------------------

    /** True if this node is a mapping. */
    public boolean isMap() {
        return node instanceof MappingNode;
    }

    /** True if this node is a list. */
    public boolean isList() {
        return node instanceof SequenceNode;
    }

    /** True if this node is a scalar. */
    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    private Map<String, ConfigNode> entries() {
        if (!(node instanceof MappingNode)) {
            throw error("expected a mapping of keys to values, found " + describe());
        }
        Map<String, ConfigNode> map = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new java.util.HashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode)) {
                throw new ConfigException(file, tuple.getKeyNode().getStartMark().getLine() + 1, path,
                        "keys must be plain names");
            }
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            // SnakeYAML's duplicate-key check applies when constructing objects, not to composed nodes
            if (map.containsKey(key)) {
                throw new ConfigException(file, tuple.getKeyNode().getStartMark().getLine() + 1, child(key),
                        "duplicate key '" + key + "' (first given on line " + keyLines.get(key)
                                + "); expected each key once");
            }
            keyLines.put(key, tuple.getKeyNode().getStartMark().getLine() + 1);
            map.put(key, new ConfigNode(file, child(key), tuple.getValueNode()));
        }
        return map;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The 1-based line of {@code key} in this mapping (0 if absent): where to point at the key itself. */
    public int lineOf(String key) {
        if (node instanceof MappingNode m) {
            for (NodeTuple tuple : m.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return k.getStartMark() == null ? 0 : k.getStartMark().getLine() + 1;
                }
            }
        }
        return 0;
    }

    /** The keys of this mapping, in file order. */
    public List<String> keys() {
        return new ArrayList<>(entries().keySet());
    }

    /** Rejects any key not in {@code allowed}, naming the unknown key, its line and the keys allowed. */
    public ConfigNode allowOnly(String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Map.Entry<String, ConfigNode> e : entries().entrySet()) {
            if (!ok.contains(e.getKey())) {
                throw e.getValue().error("unknown key; expected one of " + new TreeSet<>(ok));
            }
        }
        return this;
    }

    /** True if the mapping has {@code key}. */
    public boolean has(String key) {
        return entries().containsKey(key);
    }

    /** The child under {@code key}; a missing key is an error naming this mapping's line. */
    public ConfigNode get(String key) {
        ConfigNode child = entries().get(key);
        if (child == null) {
            throw new ConfigException(file, line(), child(key), "missing required key");
        }
        return child;
    }

    /** The child under {@code key}, or {@code null} when absent. */
    public ConfigNode opt(String key) {
        return entries().get(key);
    }

    /** The children of this mapping keyed by name, in file order. */
    public Map<String, ConfigNode> children() {
        return Collections.unmodifiableMap(entries());
    }

    // ---- lists ----------------------------------------------------------------------------------------

    /** The elements of this list. A scalar is not silently promoted to a one-element list. */
    public List<ConfigNode> elements() {
        if (!(node instanceof SequenceNode)) {
            throw error("expected a list, found " + describe());
        }
        List<Node> values = ((SequenceNode) node).getValue();
        List<ConfigNode> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(new ConfigNode(file, path + "[" + i + "]", values.get(i)));
        }
        return out;
    }

    /** The list under {@code key}. */
    public List<ConfigNode> list(String key) {
        return get(key).elements();
    }

    /** The list of numbers under this node. */
    public double[] asDoubles() {
        List<ConfigNode> els = elements();
        double[] out = new double[els.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = els.get(i).asDouble();
        }
        return out;
    }

    /** The list of strings under this node. */
    public List<String> asStrings() {
        List<String> out = new ArrayList<>();
        for (ConfigNode n : elements()) {
            out.add(n.asString());
        }
        return out;
    }

    // ---- scalars --------------------------------------------------------------------------------------

    private String scalar(String expected) {
        if (!(node instanceof ScalarNode)) {
            throw error("expected " + expected + ", found " + describe());
        }
        return ((ScalarNode) node).getValue();
    }

    /** This scalar as a non-empty string. */
    public String asString() {
        String s = scalar("a text value");
        if (s.isBlank()) {
            throw error("expected a non-empty text value");
        }
        return s;
    }

    /** This scalar as a finite number. */
    public double asDouble() {
        String s = scalar("a number").trim();
        try {
            double v = Double.parseDouble(s.replace("_", ""));
            if (!Double.isFinite(v)) {
                throw error("expected a finite number, found '" + s + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw error("expected a number, found '" + s + "'");
        }
    }

    /** This scalar as a whole number. */
    public long asLong() {
        String s = scalar("a whole number").trim();
        try {
            return Long.parseLong(s.replace("_", ""));
        } catch (NumberFormatException e) {
            throw error("expected a whole number, found '" + s + "'");
        }
    }

    /** This scalar as an int in [min, max]. */
    public int asInt(int min, int max) {
        long v = asLong();
        if (v < min || v > max) {
            throw error("expected a whole number from " + min + " to " + max + ", found " + v);
        }
        return (int) v;
    }

    /** This scalar as a boolean ({@code true}/{@code false}). */
    public boolean asBoolean() {
        String s = scalar("true or false").trim();
        if (s.equals("true")) {
            return true;
        }
        if (s.equals("false")) {
            return false;
        }
        throw error("expected true or false, found '" + s + "'");
    }

    /** This scalar as a number in [lo, hi]. */
    public double asDouble(double lo, double hi) {
        double v = asDouble();
        if (v < lo || v > hi) {
            throw error("expected a number from " + lo + " to " + hi + ", found " + v);
        }
        return v;
    }

    /** This scalar as a probability in [0, 1]. */
    public double asProbability() {
        double v = asDouble();
        if (v < 0 || v > 1) {
            throw error("expected a probability between 0 and 1, found " + v);
        }
        return v;
    }

    /** This scalar as a strictly positive number. */
    public double asPositive() {
        double v = asDouble();
        if (!(v > 0)) {
            throw error("expected a number greater than 0, found " + v);
        }
        return v;
    }

    /** This scalar as a number of at least 0. */
    public double asNonNegative() {
        double v = asDouble();
        if (v < 0) {
            throw error("expected a number of at least 0, found " + v);
        }
        return v;
    }

    /** This scalar as one of the given words (case-sensitive). */
    public String asChoice(String... choices) {
        String s = asString();
        for (String c : choices) {
            if (c.equals(s)) {
                return s;
            }
        }
        throw error("expected one of " + String.join(", ", choices) + ", found '" + s + "'");
    }

    // ---- shortcuts on a mapping -----------------------------------------------------------------------

    /** {@code get(key).asDouble()} or {@code fallback} when absent. */
    public double doubleOr(String key, double fallback) {
        ConfigNode c = opt(key);
        return c == null ? fallback : c.asDouble();
    }

    /** {@code get(key).asString()} or {@code fallback} when absent. */
    public String stringOr(String key, String fallback) {
        ConfigNode c = opt(key);
        return c == null ? fallback : c.asString();
    }

    /** {@code get(key).asInt(min, max)} or {@code fallback} when absent. */
    public int intOr(String key, int min, int max, int fallback) {
        ConfigNode c = opt(key);
        return c == null ? fallback : c.asInt(min, max);
    }

    /** {@code get(key).asBoolean()} or {@code fallback} when absent. */
    public boolean booleanOr(String key, boolean fallback) {
        ConfigNode c = opt(key);
        return c == null ? fallback : c.asBoolean();
    }

    private String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        String v = ((ScalarNode) node).getValue();
        return v.isEmpty() ? "nothing" : "'" + v + "'";
    }
}
