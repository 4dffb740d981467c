package org.tierlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The page writer without a browser: escaping, Plotly inlined, nothing loaded from the network, every chart present. */
class ReportPageTest {
    static final String HOSTILE = "<script>alert(1)</script>";
    static final String BREAKOUT = "x'); alert(2); ('</script><script>alert(3)</script>\\";
    static final String CJK = "高价值客户";

    /** A concentration-style table whose strategy names are hostile. */
    static Table curves() {
        StringColumn strategy = StringColumn.create("strategy");
        DoubleColumn share = DoubleColumn.create("customer_share");
        DoubleColumn revenue = DoubleColumn.create("revenue_share");
        for (String s : List.of(HOSTILE, BREAKOUT, CJK)) {
            for (int q = 0; q <= 10; q++) {
                strategy.append(s);
                share.append(q / 10.0);
                revenue.append(Math.sqrt(q / 10.0));
            }
        }
        return Table.create("concentration", strategy, share, revenue);
    }

    static Table migrations() {
        StringColumn strategy = StringColumn.create("strategy");
        StringColumn from = StringColumn.create("from_tier");
        StringColumn to = StringColumn.create("to_tier");
        DoubleColumn count = DoubleColumn.create("count");
        for (String a : List.of(CJK, BREAKOUT)) {
            for (String b : List.of(CJK, HOSTILE)) {
                strategy.append(HOSTILE);
                from.append(a);
                to.append(b);
                count.append(3);
            }
        }
        return Table.create("migrations", strategy, from, to, count);
    }

    static ReportPage page() {
        HtmlTable table = new HtmlTable("Names " + HOSTILE, "caption " + BREAKOUT, List.of("column " + HOSTILE, CJK),
                List.of(List.of(HtmlTable.Cell.of(HOSTILE), new HtmlTable.Cell(CJK, true))));
        return new ReportPage("Scenario " + HOSTILE, List.of("fact " + BREAKOUT),
                List.of(Section.heading("Heading " + HOSTILE, "intro " + CJK), Section.table(table),
                        Section.chart(Charts.concentration(curves())), Section.chart(Charts.migrations(migrations(), HOSTILE)),
                        Section.pre("Scenario", "name: \"" + HOSTILE + "\"\n")));
    }

    @Test
    void userTextIsEscapedInHtmlAndInJavaScript() {
        String html = page().html();
        String body = html.substring(html.indexOf("</head>"));
        assertFalse(body.contains(HOSTILE), "raw <script> from user text");
        assertFalse(body.contains("</script><script>alert(3)"), "raw breakout from user text");
        assertFalse(body.replace(Html.jsString(BREAKOUT), "").contains("alert(2); ('"), "a quote ends a JavaScript string");
        assertTrue(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "HTML text escaped");
        assertTrue(body.contains(Html.jsString(HOSTILE)), "trace names JSON-escaped");
        assertTrue(body.contains(Html.jsString(BREAKOUT)));
        assertTrue(body.contains(CJK), "non-ASCII text kept as UTF-8");
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        // every <script> in the body is one chart's, so no user text opened another one
        assertEquals(count(body, "<script"), count(body, "class=\"chart\""));
        assertEquals(count(body, "<script"), count(body, "</script>"));
    }

    @Test
    void plotlyIsInlinedAndNothingComesFromTheNetwork() throws IOException {
        String html = page().html();
        assertTrue(html.contains(">" + Plotly.gzipBase64() + "</script>"), "plotly.js inlined, compressed");
        byte[] gz = Base64.getDecoder().decode(Plotly.gzipBase64());
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertEquals(Plotly.javascript(), new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "the compressed bytes are plotly.js itself");
        }
        assertTrue(html.length() < 4_000_000, "a third of plotly.js's 10.8 MB: " + html.length());
        assertFalse(Pattern.compile("<script[^>]*\\bsrc\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "script src");
        assertFalse(Pattern.compile("<link\\b", Pattern.CASE_INSENSITIVE).matcher(html).find(), "stylesheet link");
        // plotly.js names map-tile servers it never uses here; compressed, the page has no URL at all
        assertFalse(html.contains("http://") || html.contains("https://"), "a URL in the page");
    }

    @Test
    void everyChartScriptWaitsForPlotly() {
        assertEquals("<script>tierlabPlotly.then(function () {\nvar a = 1;\n});</script>",
                ReportPage.afterPlotly("<script>var a = 1;</script>\n"));
        assertThrows(IllegalArgumentException.class, () -> ReportPage.afterPlotly("var a = 1;"));
        assertThrows(IllegalArgumentException.class,
                () -> ReportPage.afterPlotly("<script>a()</script><script>b()</script>"));
        String body = page().html().split("<body>", 2)[1];
        assertEquals(count(body, "<script"), count(body, "<script>tierlabPlotly.then(function () {"));
    }

    @Test
    void everyChartHasItsDivAndScript() {
        ReportPage page = page();
        String html = page.html();
        int charts = Section.charts(page.sections()).size();
        assertEquals(2, charts);
        for (int i = 1; i <= charts; i++) {
            assertTrue(html.contains("<div id=\"chart" + i + "\" class=\"chart\"></div>"), "div chart" + i);
            assertTrue(html.contains("document.getElementById('chart" + i + "')"), "script of chart" + i);
        }
    }

    @Test
    void writesAtomicallyAsUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.html");
        page().write(file);
        assertEquals(page().html(), Files.readString(file, StandardCharsets.UTF_8));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no temporary file left");
        }
    }

    @Test
    void jsTextRefusesAStandInThatJsplotDidNotQuote() {
        JsText text = new JsText();
        String token = text.of(HOSTILE);
        assertEquals("name: " + Html.jsString(HOSTILE) + ",", text.resolve("name: '" + token + "',"));
        assertThrows(IllegalStateException.class, () -> text.resolve("name: " + token + ","));
    }

    @Test
    void jsStringCannotEndAScriptOrAString() {
        String s = Html.jsString("</script>\"'\\\n\u2028<!--");
        assertFalse(s.contains("<"));
        assertFalse(s.contains("\n"));
        assertEquals("\"\\u003c/script\\u003e\\\"'\\\\\\n\\u2028\\u003c!--\"", s);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
