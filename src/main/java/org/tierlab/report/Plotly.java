package org.tierlab.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Plotly's JavaScript from the {@code org.webjars.npm:plotly.js-dist} jar on the classpath, to be inlined into a
 * report so it works offline.
 */
public final class Plotly {
    private static final String WEBJAR = "plotly.js-dist";
    private static volatile String script;

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

    /**
     * The whole plotly.js source, ready to sit inside a {@code <script>} element (a literal {@code </script} would
     * end the element early, so it is written {@code <\/script}; the shipped file has none).
     */
    public static String javascript() {
        String s = script;
        if (s == null) {
            try (InputStream in = resource("/META-INF/resources/webjars/" + WEBJAR + "/" + version() + "/plotly.js")) {
                s = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read plotly.js: " + e.getMessage(), e);
            }
            script = s;
        }
        return s;
    }

    private static InputStream resource(String name) {
        InputStream in = Plotly.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath (dependency org.webjars.npm:" + WEBJAR + ")");
        }
        return in;
    }
}
