package org.tierlab.report;

import java.util.List;

/** A part of a report page: a heading, a chart, a table or a block of preformatted text. */
public sealed interface Section {

    /** A section heading with an optional introduction ("" for none). */
    record Heading(String text, String intro) implements Section {
    }

    /** A chart. */
    record ChartSection(Chart chart) implements Section {
    }

    /** A table. */
    record TableSection(HtmlTable table) implements Section {
    }

    /** Preformatted text (the scenario file) under a heading. */
    record Pre(String title, String text) implements Section {
    }

    /** A heading section. */
    static Section heading(String text, String intro) {
        return new Heading(text, intro);
    }

    /** A chart section. */
    static Section chart(Chart chart) {
        return new ChartSection(chart);
    }

    /** A table section. */
    static Section table(HtmlTable table) {
        return new TableSection(table);
    }

    /** A preformatted text section. */
    static Section pre(String title, String text) {
        return new Pre(title, text);
    }

    /** The charts among {@code sections}, in order. */
    static List<Chart> charts(List<Section> sections) {
        return sections.stream().filter(s -> s instanceof ChartSection).map(s -> ((ChartSection) s).chart()).toList();
    }
}
