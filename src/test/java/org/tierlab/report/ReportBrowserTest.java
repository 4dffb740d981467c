package org.tierlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tierlab.btyd.Cdnow;
import org.tierlab.cli.CliTestSupport;

/**
 * Opens real reports in headless Chromium (file:// pages): every chart is drawn, no script error, no network
 * request, and hostile or non-ASCII names are shown as text and never run. Screenshots of the top of each page go
 * to target/report-run.png, target/report-fit.png and
 * target/report-replay.png.
 */
@Tag("browser")
class ReportBrowserTest {
    /** Markup in a scenario name (which may not hold '/', being a folder name): it must show as text. */
    static final String HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)";
    static final String TIER = "高价值客户";
    private static DevTools browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = DevTools.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void runReportDrawsEveryChartOfflineAndShowsHostileNamesAsText(@TempDir Path tmp) throws Exception {
        String yaml = Files.readString(Path.of("scenarios/b2b-saas.yaml"), StandardCharsets.UTF_8);
        String hostile = replace(replace(replace(yaml, "name: b2b-saas", "name: \"" + HOSTILE + "\""),
                "shares: [0.5, 0.3, 0.2]}", "shares: [0.5, 0.3, 0.2], names: [" + TIER + ", B, C]}"),
                "      A:\n        - {action: account_manager_visit", "      " + TIER + ":\n        - {action: account_manager_visit");
        Path scenario = tmp.resolve("hostile.yaml");
        Files.writeString(scenario, hostile, StandardCharsets.UTF_8);
        Path out = tmp.resolve("run");
        CliTestSupport.Result r = CliTestSupport.run("run", scenario.toString(), "--out", out.toString(),
                "--replications", "2", "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        DevTools.Page page = check(out.resolve("report.html"), Path.of("target/report-run.png"));
        String text = page.evaluate("document.body.innerText").asText();
        assertTrue(text.contains(HOSTILE), "the scenario name is shown as text");
        assertTrue(text.contains(TIER), "the tier name is shown");
        assertEquals(0, page.evaluate("document.querySelectorAll('body script:not([id])').length - "
                + "document.querySelectorAll('.chart + script').length").asInt(), "no injected script element");
        JsonNode legends = page.evaluate("Array.from(document.querySelectorAll('.legendtext, .xtick text, .ytick text'))"
                + ".map(e => e.textContent)");
        assertTrue(legends.toString().contains(TIER), "the tier name is drawn in the charts: " + legends);
    }

    @Test
    void fitReportDrawsEveryChartOffline(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("fit");
        CliTestSupport.Result r = CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--out", out.toString(), Cdnow.dir().resolve("CDNOW_sample.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        DevTools.Page page = check(out.resolve("report.html"), Path.of("target/report-fit.png"));
        assertTrue(page.evaluate("document.body.innerText").asText().contains("BG/NBD probability alive"));
    }

    @Test
    void replayReportDrawsEveryChartOfflineAndShowsHostileNamesAsText(@TempDir Path tmp) throws Exception {
        Path models = tmp.resolve("models.yaml");
        Files.writeString(models, "rfm: {model: rfm}\n\"" + HOSTILE + "\": {model: top, counts: [200], names: ["
                + TIER + ", rest]}\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("replay");
        CliTestSupport.Result r = CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--models", models.toString(), "--out", out.toString(),
                Cdnow.dir().resolve("CDNOW_sample.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        DevTools.Page page = check(out.resolve("report.html"), Path.of("target/report-replay.png"));
        String text = page.evaluate("document.body.innerText").asText();
        assertTrue(text.contains("Gains on the holdout") && text.contains("RFM: mean monetary value"), text);
        assertTrue(text.contains("Tier migrations: " + HOSTILE), "the model name is shown as text");
        JsonNode legends = page.evaluate("Array.from(document.querySelectorAll('.legendtext, .xtick text, .ytick text'))"
                + ".map(e => e.textContent)");
        assertTrue(legends.toString().contains(TIER), "the tier name is drawn in the charts: " + legends);
    }

    /** Without DecompressionStream (older browsers) plotly.js cannot be unpacked: every chart says so instead. */
    @Test
    void aBrowserThatCannotUnpackPlotlySaysSoInEveryChart(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("report.html");
        ReportPageTest.page().write(report);
        DevTools.Page page = browser.open();
        page.call("Page.addScriptToEvaluateOnNewDocument",
                browser.params(o -> o.put("source", "delete window.DecompressionStream;")));
        page.call("Page.navigate", browser.params(o -> o.put("url", report.toUri().toString())));
        String said = poll(page, "Array.from(document.querySelectorAll('div.chart')).map(d => d.textContent).join('|')",
                t -> t.contains("cannot be drawn"), 30);
        String[] charts = said.split("\\|");
        assertEquals(2, charts.length, said);
        for (String c : charts) {
            assertTrue(c.startsWith("The charts cannot be drawn: this browser could not unpack plotly.js"), c);
        }
    }

    /** Opens the page, waits for the charts and checks what every report must satisfy; saves a screenshot. */
    private static DevTools.Page check(Path report, Path screenshot) throws Exception {
        assertTrue(Files.isRegularFile(report), report + " written");
        DevTools.Page page = browser.open();
        page.call("Emulation.setDeviceMetricsOverride", browser.params(o -> o.put("width", 1200).put("height", 1500)
                .put("deviceScaleFactor", 1).put("mobile", false)));
        String url = report.toAbsolutePath().toUri().toString();
        page.call("Page.navigate", browser.params(o -> o.put("url", url)));
        // "charts drawn" once the page has loaded, "" before
        String counts = poll(page, "document.readyState !== 'complete' ? '' : "
                + "document.querySelectorAll('div.chart').length + ' ' + Array.from(document.querySelectorAll('div.chart'))"
                + ".filter(d => d.querySelector('svg.main-svg')).length",
                t -> !t.isEmpty() && !t.startsWith("0 ") && t.split(" ")[0].equals(t.split(" ")[1]), 90);
        int charts = counts.isEmpty() ? 0 : Integer.parseInt(counts.split(" ")[0]);
        int drawn = counts.isEmpty() ? -1 : Integer.parseInt(counts.split(" ")[1]);
        assertTrue(charts > 5, "charts on " + report + ": " + charts);
        assertEquals(charts, drawn, "every chart div has a Plotly <svg>");
        List<JsonNode> exceptions = page.events("Runtime.exceptionThrown");
        assertTrue(exceptions.isEmpty(), "JavaScript errors: " + exceptions);
        List<JsonNode> console = page.events("Runtime.consoleAPICalled").stream()
                .filter(e -> List.of("error", "assert").contains(e.path("type").asText())).toList();
        assertTrue(console.isEmpty(), "console errors: " + console);
        List<JsonNode> log = page.events("Log.entryAdded").stream()
                .filter(e -> e.path("entry").path("level").asText().equals("error")).toList();
        assertTrue(log.isEmpty(), "browser log errors: " + log);
        List<String> requests = DevTools.map(page.events("Network.requestWillBeSent"), e -> e.path("request").path("url").asText());
        assertTrue(requests.contains(url), "the page itself was loaded: " + requests);
        assertTrue(requests.stream().allMatch(u -> u.equals(url) || u.startsWith("data:")), "network requests: " + requests);
        assertTrue(page.events("Page.javascriptDialogOpening").isEmpty(), "an alert dialog opened");
        String png = page.call("Page.captureScreenshot", browser.params(o -> o.put("format", "png"))).get("data").asText();
        Files.createDirectories(screenshot.toAbsolutePath().getParent());
        Files.write(screenshot, Base64.getDecoder().decode(png));
        return page;
    }

    private static String replace(String text, String from, String to) {
        assertTrue(text.contains(from), "b2b-saas.yaml still contains: " + from);
        return text.replace(from, to);
    }

    /**
     * Evaluates {@code expression} in the page every 100 ms until {@code done} accepts its text or {@code seconds}
     * pass, and returns the last text ("" if it never evaluated).
     */
    private static String poll(DevTools.Page page, String expression, Predicate<String> done, int seconds)
            throws InterruptedException {
        String last = "";
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                last = page.evaluate(expression).asText();
                if (done.test(last)) {
                    break;
                }
            } catch (IllegalStateException navigating) {
                // the context is replaced while the page loads; try again
            }
            Thread.sleep(100);
        }
        return last;
    }
}
