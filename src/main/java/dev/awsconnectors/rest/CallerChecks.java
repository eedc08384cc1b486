package dev.awsconnectors.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import dev.awsconnectors.paging.InvalidPageRequestException;
import dev.awsconnectors.paging.PageRequest;
import dev.awsconnectors.validation.Excerpts;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * What every resource checks itself, after Jira's REST v2 security annotations, so that no host setting widening an
 * annotation widens access: a logged-in user (401), for the admin resources a Jira administrator (403). A path id
 * that is not a UUID names nothing (404).
 *
 * <p>Writes take {@code application/json} only (415): a browser sends a form, multipart or plain-text body, or none,
 * across sites without asking first, but not JSON; so a host whose XSRF filter lets such a request through still
 * changes nothing.
 *
 * <p>A list reads Jira's paging parameters ({@link PageRequest}): a {@code startAt} or {@code maxResults} that is
 * not a whole number of 0 or more is 400 naming it.
 */
final class CallerChecks {
    private CallerChecks() {
    }

    static UserKey requireUser(UserManager users, I18nResolver i18n) {
        UserKey user = users.getRemoteUserKey();
        if (user == null) {
            throw new RestException(Response.Status.UNAUTHORIZED, i18n.getText("awsc.rest.error.notLoggedIn"), null);
        }
        return user;
    }

    static UserKey requireAdmin(UserManager users, I18nResolver i18n) {
        UserKey user = requireUser(users, i18n);
        if (!users.isAdmin(user) && !users.isSystemAdmin(user)) {
            throw new RestException(Response.Status.FORBIDDEN, i18n.getText("awsc.rest.error.adminsOnly"), null);
        }
        return user;
    }

    /** 415 unless the request says its body is {@code application/json} (any charset). */
    static void requireJson(HttpHeaders headers, I18nResolver i18n) {
        MediaType type = headers == null ? null : headers.getMediaType();
        boolean json = type != null && "application".equalsIgnoreCase(type.getType())
                && "json".equalsIgnoreCase(type.getSubtype());
        if (!json) {
            throw new RestException(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    i18n.getText("awsc.rest.error.unsupportedMediaType"), null);
        }
    }

    static UUID pathId(String id, String notFoundKey, I18nResolver i18n) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RestException(Response.Status.NOT_FOUND, i18n.getText(notFoundKey, Excerpts.of(id)), null);
        }
    }

    /** The page a list request asks for; 400 naming {@code startAt} or {@code maxResults} when one is not valid. */
    static PageRequest pageRequest(String startAt, String maxResults, String query, I18nResolver i18n) {
        try {
            return PageRequest.parse(startAt, maxResults, query);
        } catch (InvalidPageRequestException e) {
            throw RestException.badField(e.parameter(),
                    i18n.getText("awsc.rest.error.paging", e.parameter(), PageRequest.MAX_RESULTS));
        }
    }
}
