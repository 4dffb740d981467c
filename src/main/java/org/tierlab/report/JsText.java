package org.tierlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strings of one figure. tablesaw-jsplot writes trace names and titles into single-quoted JavaScript
 * literals without escaping them (and HTML-escapes some of them; categories go into double-quoted JSON, which
 * does not stop {@code </script>}), so a name with a quote, a backslash
 * or {@code </script>} would break the page or run as code. Every string therefore goes into the figure as a
 * plain stand-in ({@link #of}), and {@link #resolve} swaps each quoted stand-in for a safe JSON literal
 * ({@link Html#jsString}) after jsplot has written its JavaScript.
 */
public final class JsText {
    private static final Pattern TOKEN = Pattern.compile("(['\"])tlStr(\\d+)x\\1");
    private final List<String> values = new ArrayList<>();

    /** The stand-in for {@code text}: letters and digits only, so the templates copy it unchanged. */
    public String of(String text) {
        values.add(text);
        return "tlStr" + (values.size() - 1) + "x";
    }

    /** Stand-ins for several strings. */
    public String[] of(List<String> texts) {
        String[] out = new String[texts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(texts.get(i));
        }
        return out;
    }

    /** Replaces every quoted stand-in in {@code js} with its JSON string literal. */
    public String resolve(String js) {
        Matcher m = TOKEN.matcher(js);
        StringBuilder b = new StringBuilder(js.length());
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(Html.jsString(values.get(Integer.parseInt(m.group(2))))));
        }
        m.appendTail(b);
        String out = b.toString();
        if (out.contains("tlStr")) {
            throw new IllegalStateException("a figure string was not quoted by jsplot; it would be unescaped");
        }
        return out;
    }
}
