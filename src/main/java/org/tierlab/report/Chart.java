package org.tierlab.report;

import java.util.regex.Matcher;
import tech.tablesaw.plotly.components.Figure;

/**
 * One chart of a report: a heading, a sentence saying how to read it, and a jsplot {@link Figure} whose strings
 * are stand-ins from {@code text}.
 *
 * @param title heading shown above the chart (escaped by the page)
 * @param caption how to read the chart (escaped by the page; "" for none)
 * @param figure the plot, built with stand-ins from {@code text} for every string
 * @param text the figure's strings
 * @param patch extra JavaScript run after the traces are defined and before plotting, for what jsplot 0.43.1
 *     cannot express (error bars, shapes, legend groups); it refers to {@code layout} and {@code trace0..n}
 *     and must contain no user text except through {@link Html#jsString}. "" for none.
 */
public record Chart(String title, String caption, Figure figure, JsText text, String patch) {

    /** The {@code <script>} element that draws this chart into the element with id {@code divId}. */
    public String script(String divId) {
        if (!divId.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("chart id must be a JavaScript identifier: " + divId);
        }
        String js = text.resolve(figure.asJavascript(divId));
        if (!patch.isEmpty()) {
            js = js.replaceFirst("var data = \\[", Matcher.quoteReplacement(patch + "\n") + "var data = [");
        }
        return js;
    }
}
