package org.tierlab.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Plotly's JavaScript from the {@code org.webjars.npm:plotly.js-dist} jar on the classpath, to be inlined into a
 * report so it works offline: as text, or gzip-compressed and base64-encoded ({@link #gzipBase64}), which the page
 * unpacks in the browser. The only bundle served here is the unminified one (10.8 MB); compressed it is 3.2 MB.
 */
public final class Plotly {
    private static final String WEBJAR = "plotly.js-dist";
    private static volatile String packed;

    private Plotly() {
    }

    /** The webjar's version (from its Maven metadata). */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = resource("/META-INF/maven/org.webjars.npm/" + WEBJAR + "/pom.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Plotly's version: " + e.getMessage(), e);
        }
        return p.getProperty("version");
    }

    /** The whole plotly.js source, as the webjar ships it (read anew on each call; reports use {@link #gzipBase64}). */
    public static String javascript() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /**
     * plotly.js's bytes gzip-compressed at the highest level and base64-encoded: safe inside any HTML element (the
     * base64 alphabet has no {@code <}, {@code &} or quote), and never run as a script there, so nothing in it needs
     * escaping. Computed once, in about a second.
     */
    public static String gzipBase64() {
        String s = packed;
        if (s == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 22);
            try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                gz.write(bytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot compress plotly.js: " + e.getMessage(), e);
            }
            s = Base64.getEncoder().encodeToString(out.toByteArray());
            packed = s;
        }
        return s;
    }

    private static byte[] bytes() {
        try (InputStream in = resource("/META-INF/resources/webjars/" + WEBJAR + "/" + version() + "/plotly.js")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read plotly.js: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Plotly.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath (dependency org.webjars.npm:" + WEBJAR + ")");
        }
        return in;
    }
}
