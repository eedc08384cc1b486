package dev.awsconnectors.web;

import java.util.Collection;
import java.util.StringJoiner;

/**
 * {@code $esc} in the app's templates (admin and user pages): every value a template writes out, in text and in
 * attributes, goes through {@link #textHtml} (or {@link #linesHtml} for a list), i18n texts included. Each value is
 * HTML-escaped here, once, whatever the host does: the methods' names end in {@code Html}, so a host that escapes
 * references (as Jira does for plugin templates) leaves their output alone instead of escaping it a second time, and
 * a host that escapes nothing still gets escaped values. Every method templates call is listed in the
 * {@code <velocity-allowlist>} of {@code atlassian-plugin.xml}.
 */
public final class HtmlEscaper {
    private static final HtmlEscaper INSTANCE = new HtmlEscaper();

    private HtmlEscaper() {
    }

    /** The one instance, for the servlets that put {@code $esc} into a template's context. */
    public static HtmlEscaper instance() {
        return INSTANCE;
    }

    /** The value as HTML text (also safe inside a double- or single-quoted attribute); empty for null. */
    public String textHtml(Object value) {
        return escape(value);
    }

    /** Each value escaped, one per line ({@code <br>} between them); empty for none. */
    public String linesHtml(Collection<?> values) {
        if (values == null) {
            return "";
        }
        StringJoiner lines = new StringJoiner("<br>");
        for (Object value : values) {
            lines.add(escape(value));
        }
        return lines.toString();
    }

    /** Escapes {@code & < > " '}; the text of null is empty. */
    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
