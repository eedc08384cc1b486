package dev.awsconnectors.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.api.AccountSecretUnavailableException;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConnectorAccessDeniedException;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.persistence.AccountInUseException;
import dev.awsconnectors.persistence.AccountNotFoundException;
import dev.awsconnectors.persistence.ConcurrentEditException;
import dev.awsconnectors.sts.AwsCallFailedException;
import dev.awsconnectors.validation.ConfigurationException;
import dev.awsconnectors.validation.Violation;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Objects;

/**
 * Turns whatever a resource of this package throws into the API's error JSON ({@link JsonResponses#error}):
 * <ul>
 *   <li>400 — {@link RestException}, {@link InvalidCredentialsRequestException}, {@link ConfigurationException}
 *       (the first violation's field and message, every violation in {@code violations});</li>
 *   <li>401 / 403 — not logged in, or the access rules deny ({@link ConnectorAccessDeniedException}; a refusal for a
 *       connector that is not the caller's is 404, see {@link ConnectorsResource}), or not an administrator;</li>
 *   <li>404 an unknown connector or account; 409 a stale version, an account in use, a rotation under way, an access
 *       key on another account; 502 {@link AwsRequestFailedException}, with {@code awsErrorCode} and
 *       {@code awsRequestId};</li>
 *   <li>503 — {@link AccountSecretUnavailableException}: the stored secret cannot be read, which only an
 *       administrator can repair (the message says where the key file is expected, relative to Jira's home);</li>
 *   <li>JAX-RS's and Jira's own refusals keep their status (and Jira's words); a charset the JVM does not know is
 *       415; anything else is our fault: logged here, answered 500 with no detail.</li>
 * </ul>
 * Messages come from exceptions written for the caller, which never carry secrets, or from the i18n bundle.
 */
@Provider
public class RestExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(RestExceptionMapper.class);

    private final I18nResolver i18n;

    @Inject
    public RestExceptionMapper(@ComponentImport I18nResolver i18n) {
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof RestException e) {
            return error(e.status().getStatusCode(), e.getMessage(), e.field());
        }
        if (failure instanceof InvalidCredentialsRequestException e) {
            return error(400, e.getMessage(), e.getField());
        }
        if (failure instanceof ConfigurationException e) {
            return configuration(e);
        }
        if (failure instanceof ConnectorAccessDeniedException e) {
            if (e.getReason() == ConnectorAccessDeniedException.Reason.NOT_LOGGED_IN) {
                return error(401, i18n.getText("awsc.rest.error.notLoggedIn"), null);
            }
            return error(403, e.getMessage(), null);
        }
        if (failure instanceof ConnectorNotFoundException || failure instanceof AccountNotFoundException) {
            return error(404, failure.getMessage(), null);
        }
        if (failure instanceof ConcurrentEditException || failure instanceof AccountInUseException
                || failure instanceof dev.awsconnectors.persistence.RotationUnderWayException
                || failure instanceof dev.awsconnectors.persistence.AccessKeySharedException) {
            return error(409, failure.getMessage(), null);
        }
        if (failure instanceof AwsRequestFailedException e) {
            ObjectNode body = JsonResponses.error(502, AwsCallFailedException.message(e, i18n::getText), null);
            e.getAwsErrorCode().ifPresent(code -> body.put("awsErrorCode", code));
            e.getRequestId().ifPresent(id -> body.put("awsRequestId", id));
            return JsonResponses.builder(502, body).build();
        }
        if (failure instanceof AccountSecretUnavailableException) {
            return error(503, failure.getMessage(), null);
        }
        if (failure instanceof WebApplicationException e) {
            return webApplication(e);
        }
        if (namesAnUnknownCharset(failure)) {
            // Jersey decodes the body with the charset the Content-Type names; a caller's made-up charset is theirs
            // to correct, not a fault of ours.
            return error(415, i18n.getText("awsc.rest.error.unsupportedMediaType"), null);
        }
        // Answered here and not thrown on, so it is logged here; the caller gets no detail.
        LOG.error("An AWS Connectors REST request failed", failure);
        return error(500, i18n.getText("awsc.rest.error.internal"), null);
    }

    private Response configuration(ConfigurationException e) {
        Violation first = e.violations().get(0);
        ObjectNode body = JsonResponses.error(400, text(first), first.field());
        ArrayNode all = body.putArray("violations");
        for (Violation violation : e.violations()) {
            ObjectNode entry = all.addObject();
            entry.put("field", violation.field());
            entry.put("message", text(violation));
        }
        return JsonResponses.builder(400, body).build();
    }

    private Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("An AWS Connectors REST request failed", e);
            return error(500, i18n.getText("awsc.rest.error.internal"), null);
        }
        String key;
        switch (status) {
            case 403:
                // Jira's own refusals keep Jira's words, such as REST's XSRF check (atlassian-rest 7.1.9's
                // XsrfCheckFailedException, entity "XSRF check failed").
                if (e.getResponse().getEntity() instanceof String words && !words.isBlank() && words.length() <= 200) {
                    return error(403, words.strip(), null);
                }
                key = "awsc.rest.error.refusedByJira";
                break;
            case 404:
                key = "awsc.rest.error.noSuchResource";
                break;
            case 405:
                key = "awsc.rest.error.methodNotAllowed";
                break;
            case 406:
                key = "awsc.rest.error.notAcceptable";
                break;
            case 415:
                key = "awsc.rest.error.unsupportedMediaType";
                break;
            default:
                key = "awsc.rest.error.badRequest";
                break;
        }
        return error(status, i18n.getText(key), null);
    }

    private static boolean namesAnUnknownCharset(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalCharsetNameException || cause instanceof UnsupportedCharsetException) {
                return true;
            }
        }
        return false;
    }

    /** The violation in the caller's language, from its key and arguments as the admin pages show it. */
    private String text(Violation violation) {
        Serializable[] arguments = new Serializable[violation.arguments().size()];
        for (int i = 0; i < arguments.length; i++) {
            Object argument = violation.arguments().get(i);
            arguments[i] = argument instanceof Serializable serializable ? serializable : String.valueOf(argument);
        }
        String text = i18n.getText(violation.messageKey(), arguments);
        return text == null || text.equals(violation.messageKey()) ? violation.message() : text;
    }

    private static Response error(int status, String message, String field) {
        return JsonResponses.builder(status, JsonResponses.error(status, message, field)).build();
    }
}
