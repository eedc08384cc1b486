package dev.awsconnectors.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A form page being put together: its template, status and values, with the notice or error shown at its top and
 * AWS's refusal, which each start empty so that a template can always test them.
 */
public final class PageBuilder {
    private final Map<String, Object> context = new HashMap<>();
    private final String template;
    private final int status;

    public PageBuilder(String template, int status) {
        this.template = Objects.requireNonNull(template, "template");
        this.status = status;
        context.put("noticeKey", "");
        context.put("error", "");
        context.put("awsRefusal", "");
    }

    /** Sets one of the template's values. */
    public PageBuilder put(String name, Object value) {
        context.put(name, value);
        return this;
    }

    /** The success notice at the top of the page, by its i18n key. */
    public PageBuilder notice(String key) {
        return put("noticeKey", key);
    }

    /** The error at the top of the page, as text already in the user's language. */
    public PageBuilder error(String text) {
        return put("error", text);
    }

    /** What AWS (or the broker) answered instead, as text already in the user's language. */
    public PageBuilder awsRefusal(String text) {
        return put("awsRefusal", text);
    }

    public PageServlet.Page build() {
        return new PageServlet.Page(template, context, status);
    }
}
