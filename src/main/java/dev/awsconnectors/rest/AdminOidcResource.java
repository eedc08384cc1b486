package dev.awsconnectors.rest;

import com.atlassian.audit.api.AuditService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.audit.AdminChangeAudit;
import dev.awsconnectors.oidc.IdentityTokens;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Objects;

/**
 * {@code /rest/aws-connectors/1.0/admin/oidc}: the issuer's signing keys, for Jira administrators; a rotation is
 * audited like other admin changes.
 */
@Path("/admin/oidc")
@AdminOnly
public class AdminOidcResource {
    private final IdentityTokens tokens;
    private final AdminRequests requests;
    private final AdminChangeAudit audit;

    @Inject
    public AdminOidcResource(IdentityTokens tokens, @ComponentImport AuditService auditService,
                             @ComponentImport UserManager userManager, @ComponentImport I18nResolver i18n) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.requests = new AdminRequests(userManager, i18n);
        this.audit = AdminRequests.audit(auditService);
    }

    /**
     * Publishes a next signing key (body empty or {@code {}}), which signs once it has been published for an hour;
     * the current key stays published until the tokens it signed have expired. 200 with {@code {nextKeyId, keyIds}},
     * {@code keyIds} being every key the JWKS now publishes.
     */
    @POST
    @Path("rotation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response rotate(String body, @Context HttpHeaders headers) {
        requests.writeWithoutFields(headers, body);
        String next = tokens.rotate();
        audit.signingKeyRotation(requests.caller(), tokens.issuerUrl(), next);
        ObjectNode answer = JsonResponses.object();
        answer.put("nextKeyId", next);
        ArrayNode keyIds = answer.putArray("keyIds");
        tokens.publishedKeyIds().forEach(keyIds::add);
        return JsonResponses.ok(answer);
    }
}
