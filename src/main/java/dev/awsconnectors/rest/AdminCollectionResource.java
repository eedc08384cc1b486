package dev.awsconnectors.rest;

import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.paging.Page;
import dev.awsconnectors.paging.PageRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The endpoints an admin collection of versioned objects has, the same for accounts and connectors: list (paged),
 * read,
 * create (201 with {@code Location}), replace at the {@code version} it was read at (a stale one is 409), delete
 * (204, body {@code {}}). A subclass says how its objects are found, written as JSON and stored with their audit.
 *
 * <p>Public, with public endpoints: the host's JAX-RS calls them on the subclass by reflection.
 *
 * @param <T> the objects of the collection
 */
@AdminOnly
public abstract class AdminCollectionResource<T> {
    final AdminRequests requests;
    private final Set<String> writable;
    private final String notFoundKey;

    /**
     * @param writable    the fields a create or replace body may carry
     * @param notFoundKey the message of a path id that names nothing
     */
    AdminCollectionResource(AdminRequests requests, Set<String> writable, String notFoundKey) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.writable = Set.copyOf(writable);
        this.notFoundKey = Objects.requireNonNull(notFoundKey, "notFoundKey");
    }

    /**
     * A page of the objects, sorted by name, in Jira's REST page shape {@code {startAt, maxResults, total, isLast,
     * values}}: {@code startAt} from 0, {@code maxResults} {@value PageRequest#DEFAULT_MAX_RESULTS} by default and at
     * most {@value PageRequest#MAX_RESULTS}, {@code query} keeps the objects whose name contains it (any case).
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response list(@QueryParam(PageRequest.START_AT) String startAt,
                         @QueryParam(PageRequest.MAX_RESULTS_PARAMETER) String maxResults,
                         @QueryParam(PageRequest.QUERY) String query) {
        requests.read();
        PageRequest page = requests.page(startAt, maxResults, query);
        return JsonResponses.ok(JsonResponses.page(Page.of(all(), page, this::nameOf), this::toJson));
    }

    /** Creates an object: 201 with the stored object and its {@code Location}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response create(String body, @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        requests.write(headers);
        RequestBody fields = requests.body(body, writable);
        fields.refuseId();
        T saved = storeNew(fields);
        return JsonResponses.created(uriInfo, idOf(saved), toJson(saved));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response get(@PathParam("id") String id) {
        requests.read();
        return JsonResponses.ok(toJson(stored(id)));
    }

    /** Replaces an object, based on the {@code version} it was read at. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response update(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        VersionedWrite<T> write = versionedWrite(id, headers, body, writable);
        return JsonResponses.ok(toJson(storeReplacement(write.before(), write.fields(), write.version())));
    }

    /** Deletes an object: 204. */
    @DELETE
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response delete(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        remove(storedForWrite(id, headers, body));
        return JsonResponses.noContent();
    }

    /** The object the path id names; 404 when it names none. */
    final T stored(String id) {
        return find(requests.id(id, notFoundKey));
    }

    /** The object a write that takes no fields acts on: the caller checks, the empty body, then {@link #stored}. */
    final T storedForWrite(String id, HttpHeaders headers, String body) {
        requests.writeWithoutFields(headers, body);
        return stored(id);
    }

    /**
     * A write based on the {@code version} the object was read at: the caller checks, the object (404), then the
     * body of {@code allowed} fields with its {@code version} (400). Whether that version is stale is the store's
     * to say, in the same transaction as the write.
     */
    final VersionedWrite<T> versionedWrite(String id, HttpHeaders headers, String body, Set<String> allowed) {
        requests.write(headers);
        T before = stored(id);
        RequestBody fields = requests.body(body, allowed);
        return new VersionedWrite<>(before, fields, requests.versionToReplace(fields, idOf(before)));
    }

    /** What a write based on a version acts on: the object as stored, the body, the version it was read at. */
    record VersionedWrite<T>(T before, RequestBody fields, long version) {
    }

    /** Every object, sorted by name. */
    abstract List<T> all();

    /** The name a list's {@code query} filters on. */
    abstract String nameOf(T object);

    /** The stored object; its not-found exception (404) when there is none. */
    abstract T find(UUID id);

    abstract UUID idOf(T object);

    /** The object as the API shows it: every field but secrets, with its {@code version}. */
    abstract ObjectNode toJson(T object);

    /** Stores a new object read from {@code fields}, with its audit event. */
    abstract T storeNew(RequestBody fields);

    /** Stores {@code fields} over {@code before}, if it is still at {@code version}, with its audit event. */
    abstract T storeReplacement(T before, RequestBody fields, long version);

    /** Deletes the object, with its audit event. */
    abstract void remove(T stored);
}
