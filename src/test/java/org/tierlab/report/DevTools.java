package org.tierlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client, so the browser
 * tests need no Selenium or driver binary. JSON goes through Jackson, which tablesaw-jsplot already brings.
 * One browser per instance; {@link #open} gives a page session whose events are recorded.
 */
final class DevTools implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final long TIMEOUT_SECONDS = 60;
    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    private DevTools(Process process, Path profile, String url) {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new Listener())
                .orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
    }

    /** Starts a headless Chromium with a fresh profile and no background networking. */
    static DevTools start() throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " not found: install Debian's chromium (apt-get install -y "
                    + "chromium chromium-driver) to run the browser tests");
        }
        Path profile = Files.createTempDirectory("tierlab-chromium-");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> url = new CompletableFuture<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the browser has gone
            }
            url.completeExceptionally(new IllegalStateException("chromium exited without a DevTools URL: " + lines));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            DevTools d = new DevTools(p, profile, url.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            d.stderr.addAll(lines);
            return d;
        } catch (Exception e) {
            stop(p);
            deleteTree(profile);
            throw new IllegalStateException("cannot start chromium: " + e + " " + lines, e);
        }
    }

    /** Opens a new tab, attaches to it and enables the domains whose events the tests check. */
    Page open() {
        String target = call(null, "Target.createTarget", params(o -> o.put("url", "about:blank"))).get("targetId").asText();
        String session = call(null, "Target.attachToTarget", params(o -> o.put("targetId", target).put("flatten", true)))
                .get("sessionId").asText();
        Page page = new Page(session);
        for (String domain : List.of("Runtime", "Page", "Network", "Log")) {
            page.call(domain + ".enable", params(o -> { }));
        }
        return page;
    }

    /** One attached tab. */
    final class Page {
        private final String session;

        private Page(String session) {
            this.session = session;
        }

        /** Sends a command to this tab and returns its result (throws on a protocol error). */
        JsonNode call(String method, ObjectNode params) {
            return DevTools.this.call(session, method, params);
        }

        /** Evaluates an expression and returns its value (JSON-serialisable values only). */
        JsonNode evaluate(String expression) {
            JsonNode r = call("Runtime.evaluate", params(o -> o.put("expression", expression).put("returnByValue", true)
                    .put("awaitPromise", true)));
            if (r.has("exceptionDetails")) {
                throw new IllegalStateException("evaluating " + expression + ": " + r.get("exceptionDetails"));
            }
            return r.path("result").path("value");
        }

        /** The events this tab has sent with the given method. */
        List<JsonNode> events(String method) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode e : DevTools.this.events) {
                if (method.equals(e.path("method").asText()) && session.equals(e.path("sessionId").asText())) {
                    out.add(e.path("params"));
                }
            }
            return out;
        }
    }

    /** A params object filled in by {@code fill}. */
    ObjectNode params(java.util.function.Consumer<ObjectNode> fill) {
        ObjectNode o = json.createObjectNode();
        fill.accept(o);
        return o;
    }

    private JsonNode call(String session, String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode msg = json.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        if (session != null) {
            msg.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            socket.sendText(json.writeValueAsString(msg), true).join();
            JsonNode r = reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IllegalStateException(method + ": " + r.get("error"));
            }
            return r.path("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " got no answer: " + e + "; chromium stderr: " + stderr, e);
        } finally {
            pending.remove(id);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode m = json.readTree(text);
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = pending.get(m.get("id").asInt());
                        if (f != null) {
                            f.complete(m);
                        }
                    } else {
                        events.add(m);
                    }
                } catch (IOException e) {
                    events.add(json.createObjectNode().put("method", "tierlab.unparsable").put("text", text));
                }
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            call(null, "Browser.close", params(o -> { }));
        } catch (RuntimeException ignored) {
            // stopped below anyway
        }
        stop(process);
        deleteTree(profile);
    }

    private static void stop(Process p) {
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile; best effort
        }
    }

    /** Maps event parameters with {@code f} (for readable assertion messages). */
    static <T> List<T> map(List<JsonNode> nodes, Function<JsonNode, T> f) {
        return nodes.stream().map(f).toList();
    }
}
