package dev.awsconnectors.rest;

import dev.awsconnectors.audit.AdminChangeAudit;

import com.atlassian.audit.api.AuditService;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import dev.awsconnectors.paging.PageRequest;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The steps every admin resource method shares, in one place: the caller checks ({@link CallerChecks}: a Jira
 * administrator, and a write typed {@code application/json}), the body read strictly ({@link RequestBody}), the id
 * in the path, the {@code version} a replace is based on, and the audit event of a change.
 */
final class AdminRequests {
    private final UserManager users;
    private final I18nResolver i18n;

    AdminRequests(UserManager users, I18nResolver i18n) {
        this.users = Objects.requireNonNull(users, "users");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /** The admin audit, each event naming the REST API as where the change was made. */
    static AdminChangeAudit audit(AuditService auditService) {
        return new AdminChangeAudit(auditService, "REST API");
    }

    /** A read: 401 without a user, 403 unless a Jira administrator. */
    void read() {
        CallerChecks.requireAdmin(users, i18n);
    }

    /** The page a list asks for; 400 naming the paging parameter that is not valid. */
    PageRequest page(String startAt, String maxResults, String query) {
        return CallerChecks.pageRequest(startAt, maxResults, query, i18n);
    }

    /** A write: as {@link #read}, then 415 unless the body is typed {@code application/json}. */
    void write(HttpHeaders headers) {
        CallerChecks.requireAdmin(users, i18n);
        CallerChecks.requireJson(headers, i18n);
    }

    /** A write that needs no fields: as {@link #write}, then 400 unless the body is empty or {@code {}}. */
    void writeWithoutFields(HttpHeaders headers, String body) {
        write(headers);
        optionalBody(body, Set.of());
    }

    /** A JSON object of {@code allowed} fields only; 400 when missing, not one, or with another field. */
    RequestBody body(String body, Set<String> allowed) {
        return RequestBody.parse(body, allowed, false, i18n);
    }

    /** As {@link #body}, an empty body read as {@code {}}. */
    RequestBody optionalBody(String body, Set<String> allowed) {
        return RequestBody.parse(body, allowed, true, i18n);
    }

    /** The id in the path; one that is not a UUID names nothing (404 with {@code notFoundKey}'s message). */
    UUID id(String pathId, String notFoundKey) {
        return CallerChecks.pathId(pathId, notFoundKey, i18n);
    }

    /**
     * The {@code version} (required) a replace of the object {@code id} is based on; 400 naming {@code id} when the
     * body carries another object's id.
     */
    long versionToReplace(RequestBody fields, UUID id) {
        UUID inBody = fields.uuid("id");
        if (inBody != null && !inBody.equals(id)) {
            throw RestException.badField("id", i18n.getText("awsc.rest.error.idMismatch"));
        }
        return fields.requiredLong("version");
    }

    /** Who makes the change, for its audit event. */
    UserProfile caller() {
        return users.getRemoteUser();
    }

    /**
     * Stores a change through {@code store}, which hands the stored value to its callback inside the storing
     * transaction: the audit event is built there, so a failure to build it stores nothing, and sent once committed.
     */
    static <T> T audited(AdminChangeAudit.Change<T> change, Function<Consumer<T>, T> store) {
        T stored = store.apply(change::prepare);
        change.record();
        return stored;
    }

    /** Deletes through {@code delete}, its audit event built before and sent after. */
    static void auditedDelete(AdminChangeAudit.Change<?> change, Runnable delete) {
        change.prepare(null);
        delete.run();
        change.record();
    }
}
