package dev.awsconnectors.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.api.AwsConnectorService;
import dev.awsconnectors.api.ConnectorSummary;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;

/**
 * {@code /rest/aws-connectors/1.0/connectors}: what the caller may use.
 *
 * <p>Access: {@link LicensedOnly} (REST v2, Platform 7 and later), that is a logged-in user with a product licence;
 * anonymous requests are refused by Jira before this class runs. That is also what Platform 8 applies to a resource
 * with no security annotation; it is written out so that the intent is explicit and no host setting (such as
 * limited unlicensed access, which {@code @UnlicensedSiteAccess} would follow) widens it. The resource checks for a
 * user again itself and answers 401 without one, and the connectors listed are decided by the broker's access rules.
 *
 * <p>JSON is written with the app's own embedded Jackson, so the resource depends on no JSON provider of the host.
 */
@Path("/connectors")
@LicensedOnly
public class ConnectorsResource {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorsResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsConnectorService connectors;
    private final UserManager userManager;
    private final I18nResolver i18n;

    @Inject
    public ConnectorsResource(AwsConnectorService connectors, @ComponentImport UserManager userManager,
                              @ComponentImport I18nResolver i18n) {
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /**
     * The connectors the caller may use, sorted by name: a JSON array of objects with {@code id}, {@code name},
     * {@code description}, {@code principalType} ({@code FEDERATED_USER}, {@code IAM_USER}, {@code IAM_ROLE}),
     * {@code maxDurationSeconds} ({@code null} for AWS's default), {@code consoleSignIn} and {@code mfaRequired}.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response usableConnectors() {
        if (userManager.getRemoteUserKey() == null) {
            return error(Response.Status.UNAUTHORIZED, "awsc.rest.error.notLoggedIn");
        }
        try {
            return json(Response.Status.OK, toJson(connectors.getUsableConnectors()));
        } catch (RuntimeException e) {
            // Answered here and not thrown on, so it is logged here; the caller gets no detail.
            LOG.error("Listing the usable AWS connectors failed", e);
            return error(Response.Status.INTERNAL_SERVER_ERROR, "awsc.rest.error.internal");
        }
    }

    static ArrayNode toJson(List<ConnectorSummary> summaries) {
        ArrayNode array = JSON.createArrayNode();
        for (ConnectorSummary summary : summaries) {
            ObjectNode node = array.addObject();
            node.put("id", summary.getId().toString());
            node.put("name", summary.getName());
            node.put("description", summary.getDescription());
            node.put("principalType", summary.getPrincipalType().name());
            if (summary.getMaxDuration().isPresent()) {
                node.put("maxDurationSeconds", summary.getMaxDuration().get().getSeconds());
            } else {
                node.putNull("maxDurationSeconds");
            }
            node.put("consoleSignIn", summary.isConsoleSignInAvailable());
            node.put("mfaRequired", summary.isMfaRequired());
        }
        return array;
    }

    private Response error(Response.Status status, String messageKey) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", status.getStatusCode());
        body.put("message", i18n.getText(messageKey));
        return json(status, body);
    }

    private static Response json(Response.Status status, Object body) {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .cacheControl(noStore).entity(text).build();
    }
}
