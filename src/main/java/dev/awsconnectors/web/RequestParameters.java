package dev.awsconnectors.web;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The one check every page makes before it reads a field: that the container could read the request's parameters
 * (query and form body) and that they stay within the app's own limits. A page that fails it answers 400 with its
 * message page and reads nothing, so a form the container cannot parse is never a 500, and never half-read.
 *
 * <p>Containers differ, and the same request must get the same answer on each: Jetty throws from
 * {@code getParameter} when a form is over its limits (by default 200,000 bytes and 1,000 fields) or badly
 * percent-encoded, and may decode bytes that are not UTF-8 into U+FFFD; Tomcat, which Jira runs, drops what it cannot parse (over {@code maxPostSize}, 2 MB by default,
 * or {@code maxParameterCount}) and says so only in a request attribute. The app's limits are below both, so they
 * decide: {@value #MAX_FORM_BYTES} bytes, {@value #MAX_PARAMETERS} values, {@value #MAX_VALUE_CHARACTERS}
 * characters in any one value.
 */
public final class RequestParameters {
    /** App's own: the largest form, a connector with a 2,048-character policy, percent-encoded, is far below. */
    public static final int MAX_FORM_BYTES = 100_000;
    /** App's own: a connector form with its most groups has well under this many fields. */
    public static final int MAX_PARAMETERS = 300;
    /** App's own: no field of any form takes more (the longest, a session policy, takes 2,048 characters). */
    public static final int MAX_VALUE_CHARACTERS = 20_000;
    /**
     * Tomcat's {@code Globals.PARAMETER_PARSE_FAILED_ATTR}: set when it skipped parameters it could not parse or
     * that were over its limits.
     */
    static final String TOMCAT_PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";
    /**
     * What a container decodes bytes that are not UTF-8 into (invalid or overlong sequences) when it does not refuse
     * them: the form did not carry the text it seems to.
     */
    private static final char REPLACEMENT = '\uFFFD';

    /** Tomcat's default {@code maxSwallowSize}: what a refused request's body is read of, at most. */
    static final long MAX_DISCARDED_BYTES = 2L * 1024 * 1024;

    private RequestParameters() {
    }

    private static void discardBody(HttpServletRequest request) {
        try {
            InputStream body = request.getInputStream();
            byte[] buffer = new byte[8_192];
            long left = MAX_DISCARDED_BYTES;
            int read;
            while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1) {
                left -= read;
            }
        } catch (IOException | RuntimeException e) {
            // Already refused; a body that cannot be read any further changes nothing about that.
        }
    }

    /**
     * Whether the request's parameters can be read in full and are within the app's limits. When they are not, what
     * is left of the body is read and dropped (up to {@value #MAX_DISCARDED_BYTES} bytes, Tomcat's default
     * {@code maxSwallowSize}): a connection closed under unread data may lose the answer on its way to the browser.
     */
    public static boolean readable(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_FORM_BYTES) {
            discardBody(request);
            return false;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            // The container's own refusal (too large, too many fields, bad percent-encoding or UTF-8): the
            // caller's mistake, not a fault of the page.
            discardBody(request);
            return false;
        }
        if (request.getAttribute(TOMCAT_PARSE_FAILED) != null) {
            return false;
        }
        if (parameters == null) {
            return true;
        }
        int values = 0;
        long characters = 0;
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String[] all = parameter.getValue() == null ? new String[0] : parameter.getValue();
            values += Math.max(1, all.length);
            characters += parameter.getKey().length();
            for (String value : all) {
                int length = value == null ? 0 : value.length();
                if (length > MAX_VALUE_CHARACTERS || value != null && value.indexOf(REPLACEMENT) >= 0) {
                    return false;
                }
                characters += length;
            }
        }
        // A body sent in chunks has no length to check first; what it held is counted here instead.
        return values <= MAX_PARAMETERS && characters <= MAX_FORM_BYTES;
    }
}
