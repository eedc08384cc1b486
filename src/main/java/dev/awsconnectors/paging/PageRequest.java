package dev.awsconnectors.paging;

import java.util.Locale;

/**
 * Which part of a list a caller asks for, in Jira's REST paging terms: the index of the first item
 * ({@code startAt}, from 0), how many items at most ({@code maxResults}) and a filter on the items' names
 * ({@code query}, case-insensitive, empty for none).
 *
 * <p>As Jira does, {@code maxResults} above {@link #MAX_RESULTS} is lowered to it (the page says which it used), and
 * {@code 0} asks only for the {@code total}; a negative number or one that is not a number is refused, naming the
 * parameter.
 *
 * @param startAt    the index of the first item, 0 or more
 * @param maxResults how many items at most, 0 to {@link #MAX_RESULTS}
 * @param query      the name filter, stripped; empty for none
 */
public record PageRequest(int startAt, int maxResults, String query) {
    /** Jira's default page size: its issue search and, since Jira 10, its user search answer 50 by default. */
    public static final int DEFAULT_MAX_RESULTS = 50;
    /**
     * The most a page holds, as Jira 10's user search: at most 100, a larger {@code maxResults} cut to it
     * (JRASERVER-78660, which quotes the resource's parameter documentation).
     */
    public static final int MAX_RESULTS = 100;
    /** The longest filter kept; a longer one is cut (no name is longer). */
    public static final int MAX_QUERY_LENGTH = 255;

    public static final String START_AT = "startAt";
    public static final String MAX_RESULTS_PARAMETER = "maxResults";
    public static final String QUERY = "query";

    public PageRequest {
        if (startAt < 0) {
            throw new InvalidPageRequestException(START_AT);
        }
        if (maxResults < 0) {
            throw new InvalidPageRequestException(MAX_RESULTS_PARAMETER);
        }
        maxResults = Math.min(maxResults, MAX_RESULTS);
        query = query == null ? "" : query.strip();
        if (query.length() > MAX_QUERY_LENGTH) {
            query = query.substring(0, MAX_QUERY_LENGTH);
        }
    }

    /** The first {@value #DEFAULT_MAX_RESULTS} items, unfiltered. */
    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_MAX_RESULTS, "");
    }

    /**
     * The request the parameters of a URL make, each {@code null} or blank for its default (0, {@value
     * #DEFAULT_MAX_RESULTS}, no filter).
     *
     * @throws InvalidPageRequestException naming {@code startAt} or {@code maxResults} when it is not a whole
     *                                     number of 0 or more
     */
    public static PageRequest parse(String startAt, String maxResults, String query) {
        return new PageRequest(number(startAt, START_AT, 0),
                number(maxResults, MAX_RESULTS_PARAMETER, DEFAULT_MAX_RESULTS), query);
    }

    private static int number(String value, String parameter, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        String digits = value.strip();
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.isEmpty()) {
            throw new InvalidPageRequestException(parameter);
        }
        // A number too large for an int is past any list's end (startAt) or above the maximum (maxResults).
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    /** The same filter and size at another start. */
    public PageRequest startingAt(int index) {
        return new PageRequest(index, maxResults, query);
    }

    /** Whether {@code name} passes the filter: it contains the query, ignoring case; everything does without one. */
    public boolean matches(String name) {
        if (query.isEmpty()) {
            return true;
        }
        return name != null && name.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT));
    }

    public boolean filtered() {
        return !query.isEmpty();
    }
}
