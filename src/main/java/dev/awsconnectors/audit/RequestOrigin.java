package dev.awsconnectors.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a credentials or console request entered the app, recorded in its audit event and log line: the REST API,
 * the app's own pages, or the exported service called by another app — and then which app.
 *
 * <p>It is passed along with each request, from the layer that received it to the broker, so nothing has to be
 * remembered between calls. The calling app is the one OSGi names when it hands the exported service to that app's
 * bundle (its {@code Atlassian-Plugin-Key}, else its symbolic name); an app cannot choose what it is called.
 */
public final class RequestOrigin {
    private enum Source { REST, WEB, API }

    /** The REST API, {@code /rest/aws-connectors/1.0}. */
    public static final RequestOrigin REST = new RequestOrigin(Source.REST, null);
    /** The app's own pages ("My AWS connectors", the admin pages' Test). */
    public static final RequestOrigin WEB = new RequestOrigin(Source.WEB, null);

    private final Source source;
    private final String callingApp;

    private RequestOrigin(Source source, String callingApp) {
        this.source = source;
        this.callingApp = callingApp;
    }

    /**
     * The exported service, called by the app with this key.
     *
     * @param appKey the calling app's plugin key or bundle symbolic name; null or blank when it is not known
     */
    public static RequestOrigin app(String appKey) {
        return new RequestOrigin(Source.API, appKey == null || appKey.isBlank() ? null : appKey.strip());
    }

    /** The text shown as the event's source: {@code REST}, {@code web} or {@code API}. */
    public String label() {
        return source == Source.WEB ? "web" : source.name();
    }

    /** The app that called the exported service; empty for REST and the pages, or when OSGi did not say. */
    public Optional<String> callingApp() {
        return Optional.ofNullable(callingApp);
    }

    /** Whether the request came through the exported service rather than the app's own REST API or pages. */
    public boolean isApp() {
        return source == Source.API;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestOrigin that && source == that.source && Objects.equals(callingApp, that.callingApp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, callingApp);
    }

    @Override
    public String toString() {
        return callingApp == null ? label() : "app " + callingApp;
    }
}
