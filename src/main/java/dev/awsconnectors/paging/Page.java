package dev.awsconnectors.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a list, in Jira's REST page shape: the items ({@code values}), the index of the first
 * ({@code startAt}), the page size used ({@code maxResults}), how many items pass the filter in all
 * ({@code total}) and whether no item follows ({@code isLast}).
 *
 * @param values     the items of this page, in the list's order
 * @param startAt    the index of the first item among those that pass the filter
 * @param maxResults the page size used (the request's, lowered to {@link PageRequest#MAX_RESULTS})
 * @param total      how many items pass the filter
 * @param <T>        the items
 */
public record Page<T>(List<T> values, int startAt, int maxResults, int total) {

    public Page {
        values = List.copyOf(values);
    }

    /**
     * The page {@code request} asks for of {@code all}, in its order, keeping the items whose {@code name} passes
     * the request's filter. A start past the end gives an empty last page.
     */
    public static <T> Page<T> of(List<T> all, PageRequest request, Function<? super T, String> name) {
        Objects.requireNonNull(request, "request");
        List<T> matching;
        if (request.filtered()) {
            matching = new ArrayList<>();
            for (T item : all) {
                if (request.matches(name.apply(item))) {
                    matching.add(item);
                }
            }
        } else {
            matching = all;
        }
        int total = matching.size();
        int from = Math.min(request.startAt(), total);
        int to = (int) Math.min((long) from + request.maxResults(), total);
        return new Page<>(matching.subList(from, to), request.startAt(), request.maxResults(), total);
    }

    /** Whether no item follows this page. */
    public boolean isLast() {
        return (long) startAt + values.size() >= total;
    }

    /** The start of the next page, when there is one. */
    public int nextStart() {
        return startAt + values.size();
    }

    /** Whether a page comes before this one. */
    public boolean hasPrevious() {
        return startAt > 0 && total > 0;
    }

    /** The start of the previous page: one page back, never below 0. */
    public int previousStart() {
        return Math.max(0, Math.min(startAt, total) - Math.max(maxResults, 1));
    }

    /** The same page with each item turned into another value. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        List<R> mapped = new ArrayList<>(values.size());
        for (T value : values) {
            mapped.add(mapper.apply(value));
        }
        return new Page<>(mapped, startAt, maxResults, total);
    }
}
