package dev.awsconnectors.web;

import com.atlassian.sal.api.message.I18nResolver;
import dev.awsconnectors.paging.InvalidPageRequestException;
import dev.awsconnectors.paging.Page;
import dev.awsconnectors.paging.PageRequest;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A list on a page shown {@value PageRequest#DEFAULT_MAX_RESULTS} at a time, filtered by name: the part the
 * query string asks for, and the template's values for the filter box and the links to the previous and next page,
 * which keep the filter and the other lists' positions.
 *
 * <p>The links are made by the app, so a start that is not a whole number of 0 or more can only be typed by hand:
 * the page then shows the list from its start rather than an error.
 */
public final class PagedList {
    /** The query-string parameter of the name filter, as in the REST API. */
    public static final String QUERY = PageRequest.QUERY;

    private PagedList() {
    }

    /** The filter the query string names, stripped; empty for none. */
    public static String query(HttpServletRequest request) {
        return PageRequest.parse(null, null, request.getParameter(QUERY)).query();
    }

    /** The part of a list that {@code startParameter} and the filter ask for, {@value PageRequest#DEFAULT_MAX_RESULTS} items. */
    public static PageRequest request(HttpServletRequest request, String startParameter) {
        String query = request.getParameter(QUERY);
        try {
            return PageRequest.parse(request.getParameter(startParameter), null, query);
        } catch (InvalidPageRequestException e) {
            return PageRequest.parse(null, null, query);
        }
    }

    /**
     * The template's values for a page of a list: {@code from}, {@code to}, {@code total} (as text),
     * {@code previous} and {@code next} (links, empty when there is none) and {@code summary}.
     *
     * @param path           the page's path with the context path
     * @param startParameter the parameter of this list's start
     * @param kept           the other parameters the links keep (the filter, other lists' starts), in order
     */
    public static Map<String, String> navigation(Page<?> page, String path, String startParameter,
                                                 Map<String, String> kept, I18nResolver i18n) {
        Objects.requireNonNull(page, "page");
        Map<String, String> navigation = new LinkedHashMap<>();
        int from = page.values().isEmpty() ? 0 : page.startAt() + 1;
        int to = page.startAt() + page.values().size();
        navigation.put("previous", page.hasPrevious() ? link(path, kept, startParameter, page.previousStart()) : "");
        navigation.put("next", page.isLast() ? "" : link(path, kept, startParameter, page.nextStart()));
        navigation.put("summary", i18n.getText("awsc.list.showing", from, to, page.total()));
        navigation.put("paged", String.valueOf(page.hasPrevious() || !page.isLast()));
        return navigation;
    }

    /** {@code path} with the kept parameters and this list's start; empty values are left out. */
    public static String link(String path, Map<String, String> kept, String startParameter, int start) {
        StringBuilder link = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : kept.entrySet()) {
            if (parameter.getValue() == null || parameter.getValue().isEmpty()
                    || parameter.getKey().equals(startParameter)) {
                continue;
            }
            link.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        if (start > 0) {
            link.append(separator).append(encode(startParameter)).append('=').append(start);
        }
        return link.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
