package dev.awsconnectors.testhost.plugin.fixturerest;

import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.atlassian.plugins.rest.api.security.annotation.AnonymousSiteAccess;
import com.atlassian.sal.api.user.UserManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** A REST resource for loader tests, one method per access rule. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class FixtureResource {
    private final UserManager users;

    public FixtureResource(UserManager users) {
        this.users = users;
    }

    @GET
    @Path("public")
    @AnonymousSiteAccess
    public Map<String, String> open() {
        return Map.of("who", users.getRemoteUser() == null ? "anonymous" : users.getRemoteUser().getUsername());
    }

    @GET
    @Path("me")
    public Map<String, String> me() {
        return Map.of("who", users.getRemoteUser().getUsername());
    }

    @GET
    @Path("admin")
    @AdminOnly
    public Map<String, String> admin() {
        return Map.of("secret", "for admins");
    }
}
