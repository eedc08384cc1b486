package dev.awsconnectors.audit;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where a credentials or console request entered the app, recorded in its audit event and log line: the REST API,
 * the app's own pages, or the exported service called by another app ({@link #API}, the default).
 *
 * <p>The broker's public interface is the exported OSGi API, so it takes no such parameter; the app's own layers
 * say where a call came from by running it in a scope:
 * <pre>{@code
 * TemporaryCredentials credentials = RequestSource.REST.call(() -> service.getCredentials(id, request));
 * }</pre>
 * The scope is a thread-local that is restored when the call returns or throws, so it never leaks into later work
 * on a pooled thread. Another app cannot set it (this package is not exported), so its calls are always
 * {@link #API}.
 */
public enum RequestSource {
    /** The exported {@link dev.awsconnectors.api.AwsConnectorService}, called by another app: the default. */
    API("API"),
    /** The REST API, {@code /rest/aws-connectors/1.0}. */
    REST("REST"),
    /** The app's own pages (the "AWS" menu and "My AWS connectors"). */
    WEB("web");

    private static final ThreadLocal<RequestSource> CURRENT = new ThreadLocal<>();

    private final String label;

    RequestSource(String label) {
        this.label = label;
    }

    /** The source of the call running on this thread: the innermost scope, or {@link #API} outside any. */
    public static RequestSource current() {
        RequestSource source = CURRENT.get();
        return source == null ? API : source;
    }

    /** Runs {@code work} with this source as {@link #current()}, then restores what was there before. */
    public <T> T call(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        RequestSource previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The text shown in the audit log: {@code API}, {@code REST} or {@code web}. */
    public String label() {
        return label;
    }
}
