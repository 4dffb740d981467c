package org.tierlab.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.tierlab.io.AtomicOutput;

/**
 * Writes one self-contained HTML page: UTF-8, Plotly inlined, a table of contents, then the sections in order.
 * Plotly is inlined gzip-compressed ({@link Plotly#gzipBase64}: 3.2 MB instead of 10.8) and unpacked by the browser
 * with {@code DecompressionStream} (Chrome and Edge 80, Firefox 113, Safari 16.4 and later); every chart's script
 * waits for it. A browser that cannot unpack it shows a sentence saying so in place of each chart.
 * Every string from the sections is escaped here (HTML text) or in {@link Chart#script} (JavaScript); the page
 * loads nothing from the network. Charts get the ids {@code chart1, chart2, ...} and the class {@code chart}.
 *
 * @param title page title and top heading
 * @param facts short lines shown under the heading (scenario, date, ...)
 * @param sections the content
 */
public record ReportPage(String title, List<String> facts, List<Section> sections) {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;
              margin:0 auto;max-width:1100px;padding:1em 2em;color:#222}
            h1{margin-bottom:.2em} h2{margin-top:1.8em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            h3{margin-top:1.4em} .facts{color:#555;margin:.1em 0} .caption{color:#555;max-width:60em}
            table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
            th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right} th{background:#f3f3f3}
            td:first-child,th:first-child{text-align:left} td.ns{color:#999}
            pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:.85em}
            .chart{width:100%;min-height:460px} nav ul{columns:2;font-size:.9em} .scroll{overflow-x:auto}
            """;
    /**
     * Unpacks plotly.js from the element {@code plotly-gzip} and runs it in the global scope; {@code tierlabPlotly}
     * is a promise that resolves once {@code Plotly} is defined. No network request: the bytes come from the page.
     */
    private static final String LOADER = """
            var tierlabPlotly = (function () {
              try {
                var text = atob(document.getElementById('plotly-gzip').textContent);
                var bytes = new Uint8Array(text.length);
                for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
                var js = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
                return new Response(js).text().then(function (source) { (0, eval)(source); });
              } catch (e) {
                return Promise.reject(e);
              }
            })();
            tierlabPlotly.catch(function (e) {
              function tell() {
                document.querySelectorAll('div.chart').forEach(function (d) {
                  d.textContent = 'The charts cannot be drawn: this browser could not unpack plotly.js (' + e
                    + '). Open the report in a current Chrome, Edge, Firefox or Safari.';
                });
              }
              if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', tell); } else { tell(); }
            });
            """;

    /** Writes the page to {@code file} atomically (temporary file, then rename). */
    public void write(Path file) {
        AtomicOutput.writeText(file, this::render);
    }

    /** The page as a string (tests). */
    public String html() {
        StringWriter w = new StringWriter();
        try {
            render(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Writes the page to {@code out}. */
    public void render(Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<title>" + Html.escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n");
        out.write("<!-- plotly.js " + Html.escape(Plotly.version()) + " (MIT licence), inlined gzip-compressed and base64-encoded"
                + " so the page works offline; the script after it unpacks it -->\n");
        out.write("<script id=\"plotly-gzip\" type=\"application/octet-stream\">");
        out.write(Plotly.gzipBase64());
        out.write("</script>\n<script>\n" + LOADER + "</script>\n</head>\n<body>\n");
        out.write("<h1>" + Html.escape(title) + "</h1>\n");
        for (String f : facts) {
            out.write("<p class=\"facts\">" + Html.escape(f) + "</p>\n");
        }
        contents(out);
        int chart = 0;
        int anchor = 0;
        for (Section s : sections) {
            if (s instanceof Section.Heading h) {
                out.write("<h2 id=\"s" + (++anchor) + "\">" + Html.escape(h.text()) + "</h2>\n");
                caption(out, h.intro());
            } else if (s instanceof Section.ChartSection c) {
                String id = "chart" + (++chart);
                out.write("<h3>" + Html.escape(c.chart().title()) + "</h3>\n");
                caption(out, c.chart().caption());
                out.write("<div id=\"" + id + "\" class=\"chart\"></div>\n");
                out.write(afterPlotly(c.chart().script(id)));
                out.write("\n");
            } else if (s instanceof Section.TableSection t) {
                table(out, t.table());
            } else if (s instanceof Section.Pre p) {
                out.write("<h2 id=\"s" + (++anchor) + "\">" + Html.escape(p.title()) + "</h2>\n");
                out.write("<pre>" + Html.escape(p.text()) + "</pre>\n");
            }
        }
        out.write("</body>\n</html>\n");
    }

    /** A chart's {@code <script>} element, its code run once plotly.js is unpacked. */
    static String afterPlotly(String script) {
        String open = "<script>";
        String close = "</script>";
        String code = script.strip();
        if (!code.startsWith(open) || !code.endsWith(close) || code.indexOf(close) != code.length() - close.length()) {
            throw new IllegalArgumentException("not one <script> element: " + script.substring(0, Math.min(80, script.length())));
        }
        return open + "tierlabPlotly.then(function () {\n" + code.substring(open.length(), code.length() - close.length())
                + "\n});" + close;
    }

    private void contents(Writer out) throws IOException {
        out.write("<nav><ul>\n");
        int anchor = 0;
        for (Section s : sections) {
            String text = s instanceof Section.Heading h ? h.text() : s instanceof Section.Pre p ? p.title() : null;
            if (text != null) {
                out.write("<li><a href=\"#s" + (++anchor) + "\">" + Html.escape(text) + "</a></li>\n");
            }
        }
        out.write("</ul></nav>\n");
    }

    private static void caption(Writer out, String caption) throws IOException {
        if (!caption.isEmpty()) {
            out.write("<p class=\"caption\">" + Html.escape(caption) + "</p>\n");
        }
    }

    private static void table(Writer out, HtmlTable t) throws IOException {
        out.write("<h3>" + Html.escape(t.title()) + "</h3>\n");
        caption(out, t.caption());
        out.write("<div class=\"scroll\"><table>\n<thead><tr>");
        for (String h : t.header()) {
            out.write("<th>" + Html.escape(h) + "</th>");
        }
        out.write("</tr></thead>\n<tbody>\n");
        for (List<HtmlTable.Cell> row : t.rows()) {
            out.write("<tr>");
            for (HtmlTable.Cell c : row) {
                out.write(c.muted() ? "<td class=\"ns\">" : "<td>");
                out.write(Html.escape(c.text()) + "</td>");
            }
            out.write("</tr>\n");
        }
        out.write("</tbody></table></div>\n");
    }
}
