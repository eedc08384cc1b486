package dev.awsconnectors.testhost.aws;

import java.util.ArrayDeque;
import java.util.Deque;

/** A small writer for the XML AWS query services answer with; escapes text and closes what it opens. */
final class Xml {

    private final StringBuilder out;
    private final Deque<String> open = new ArrayDeque<>();

    private Xml(String prolog) {
        this.out = new StringBuilder(prolog);
    }

    /** A whole document, with its XML declaration. */
    static Xml document() {
        return new Xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /** A piece of a document, to be wrapped by the caller. */
    static Xml fragment() {
        return new Xml("");
    }

    Xml open(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    Xml open(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"").append(escape(namespace)).append("\">");
        open.push(name);
        return this;
    }

    Xml close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    Xml element(String name, Object text) {
        out.append('<').append(name).append('>').append(escape(String.valueOf(text))).append("</").append(name)
                .append('>');
        return this;
    }

    /** Elements AWS leaves out when they have no value are written only when they have one. */
    Xml optional(String name, Object text) {
        return text == null ? this : element(name, text);
    }

    Xml empty(String name) {
        out.append('<').append(name).append("/>");
        return this;
    }

    String toXml() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
