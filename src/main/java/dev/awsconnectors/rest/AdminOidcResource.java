package dev.awsconnectors.rest;

import com.atlassian.audit.api.AuditService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.admintasks.SigningKeyRotation;
import dev.awsconnectors.oidc.IdentityTokens;
import dev.awsconnectors.oidc.KeyRotation;
import dev.awsconnectors.persistence.AccountNotFoundException;
import dev.awsconnectors.persistence.AccountRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Objects;
import java.util.UUID;

/**
 * {@code /rest/aws-connectors/1.0/admin/oidc}: the issuer's signing keys, for Jira administrators; a rotation is
 * audited like other admin changes. Also the issuer's documents as files to download, for a keyless account whose
 * issuer is hosted where AWS can reach it (the account page links them; a script can fetch them to upload the JWKS
 * again after each rotation).
 */
@Path("/admin/oidc")
@AdminOnly
public class AdminOidcResource {
    /** The names the downloads are saved under: the last segment of the URL each is hosted at. */
    static final String DISCOVERY_FILE_NAME = "openid-configuration";
    static final String JWKS_FILE_NAME = "jwks";

    private final IdentityTokens tokens;
    private final AccountRepository accounts;
    private final AdminRequests requests;
    private final I18nResolver i18n;
    private final SigningKeyRotation rotation;

    @Inject
    public AdminOidcResource(IdentityTokens tokens, AccountRepository accounts,
                             @ComponentImport AuditService auditService, @ComponentImport UserManager userManager,
                             @ComponentImport I18nResolver i18n) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.requests = new AdminRequests(userManager, i18n);
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.rotation = new SigningKeyRotation(tokens, AdminRequests.audit(auditService));
    }

    /**
     * The discovery document of a keyless account's issuer, as a file ({@code Content-Disposition: attachment}) to
     * host at {@code <issuer>/.well-known/openid-configuration}: {@code issuer} is the account's issuer URL (the
     * app's own when it names none) and {@code jwks_uri} is {@code <issuer>/jwks}. 404 for an unknown account or
     * one that is not keyless.
     */
    @GET
    @Path("accounts/{id}/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response discoveryDocument(@PathParam("id") String id) {
        requests.read();
        UUID accountId = requests.id(id, "awsc.rest.error.accountNotFound");
        Account account = accounts.get(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
        if (account.type() != AccountType.WEB_IDENTITY) {
            throw new RestException(Response.Status.NOT_FOUND,
                    i18n.getText("awsc.rest.error.accountNotKeyless", account.name()), null);
        }
        String issuer = account.issuerUrl().map(Object::toString).orElseGet(tokens::issuerUrl);
        return download(tokens.discoveryDocument(issuer), DISCOVERY_FILE_NAME);
    }

    /**
     * The JWKS as a file to host at the {@code jwks_uri} of a hosted discovery document: the same keys as the
     * served {@code /oidc/jwks}, the same for every account.
     */
    @GET
    @Path("jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response jwks() {
        requests.read();
        return download(tokens.jwks(), JWKS_FILE_NAME);
    }

    private static Response download(String json, String fileName) {
        return Response.ok(json).type(JsonResponses.JSON_UTF8).cacheControl(JsonResponses.noStore())
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /**
     * Publishes a next signing key (body empty or {@code {}}), which signs once it has been published for an hour;
     * the current key stays published until the tokens it signed have expired. When a next key is already waiting,
     * it stays the next one and nothing is published nor audited. 200 with {@code {nextKeyId, nextKeySignsFrom,
     * added, keyIds}}: when the next key starts signing (ISO-8601), whether this request published it, and every key
     * the JWKS now publishes.
     */
    @POST
    @Path("rotation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response rotate(String body, @Context HttpHeaders headers) {
        requests.writeWithoutFields(headers, body);
        KeyRotation rotated = rotation.rotate(requests.caller());
        ObjectNode answer = JsonResponses.object();
        answer.put("nextKeyId", rotated.next().kid());
        answer.put("nextKeySignsFrom", rotated.next().signsFrom().map(Object::toString).orElse(null));
        answer.put("added", rotated.added());
        ArrayNode keyIds = answer.putArray("keyIds");
        tokens.publishedKeyIds().forEach(keyIds::add);
        return JsonResponses.ok(answer);
    }
}
