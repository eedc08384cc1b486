package dev.awsconnectors.rest;

import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import dev.awsconnectors.oidc.IdentityTokens;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Objects;

/**
 * {@code /rest/aws-connectors/1.0/oidc}: the app's OpenID Connect issuer documents, which AWS STS reads to verify
 * the tokens the app signs — the discovery document and the JWKS it names. {@link UnrestrictedAccess}: AWS calls
 * without a Jira login, and must be able to even on a Jira that allows no anonymous access. Both hold public
 * information only.
 */
@Path("/oidc")
@UnrestrictedAccess
public class OidcResource {
    /**
     * Short and public, so a proxy may serve them, and a newly published key is seen within minutes: rotation
     * publishes a key an hour before it signs.
     */
    static final int MAX_AGE_SECONDS = 300;

    private final IdentityTokens tokens;

    @Inject
    public OidcResource(IdentityTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @GET
    @Path(".well-known/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    @UnrestrictedAccess
    public Response discoveryDocument() {
        return publicJson(tokens.discoveryDocument());
    }

    @GET
    @Path("jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @UnrestrictedAccess
    public Response jwks() {
        return publicJson(tokens.jwks());
    }

    private static Response publicJson(String body) {
        CacheControl cache = new CacheControl();
        cache.setNoTransform(false);
        cache.setMaxAge(MAX_AGE_SECONDS);
        // JAX-RS has no setter for "public"; an extension is written out as the bare directive.
        cache.getCacheExtension().put("public", null);
        return Response.ok(body).type(JsonResponses.JSON_UTF8).cacheControl(cache).build();
    }
}
