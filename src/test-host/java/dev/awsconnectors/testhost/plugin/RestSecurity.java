package dev.awsconnectors.testhost.plugin;

import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.atlassian.plugins.rest.api.security.annotation.UnlicensedSiteAccess;
import com.atlassian.plugins.rest.api.security.annotation.AnonymousSiteAccess;
import com.atlassian.plugins.rest.api.security.annotation.SystemAdminOnly;
import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Map;

/**
 * The REST v2 access rules of Jira (Platform 7 and later, "secure by default"), decided per resource method from
 * the annotations of {@code com.atlassian.plugins.rest.api.security.annotation} on the method, else its class,
 * else its package: {@code @AnonymousSiteAccess} and {@code @UnrestrictedAccess} let anyone in,
 * {@code @AdminOnly} only administrators, {@code @SystemAdminOnly} only system administrators, and no annotation
 * (or {@code @UnlicensedSiteAccess}, {@code @LicensedOnly}) any logged-in user — every demo user is licensed.
 * An anonymous caller is answered 401, a logged-in one without the right 403, both with a JSON body in the shape
 * and words of Atlassian REST ({@code {"message": …, "status-code": …}}: atlassian-rest-module 7.1.9, decompiled in
 * ngannk-fptu/Decompiled-Files, {@code common/Status} with {@code @XmlElement(name="status-code")},
 * {@code common/security/AuthenticationRequiredException}, {@code security/jersey/AdminOnlyResourceFilter} and
 * {@code SysadminOnlyResourceFilter}; that is REST v1 — REST v2's words are not established and assumed unchanged).
 */
final class RestSecurity implements DynamicFeature {
    enum Rule { ANYONE, LOGGED_IN, ADMIN, SYSTEM_ADMIN }

    private static final List<Map.Entry<Class<? extends Annotation>, Rule>> ANNOTATIONS = List.of(
            Map.entry(AnonymousSiteAccess.class, Rule.ANYONE),
            Map.entry(UnrestrictedAccess.class, Rule.ANYONE),
            Map.entry(SystemAdminOnly.class, Rule.SYSTEM_ADMIN),
            Map.entry(AdminOnly.class, Rule.ADMIN),
            // Explicitly "a user with a licence" (or, with limited unlicensed access, any user): every demo user is
            // licensed, so both mean logged in — and they override a class-level @AnonymousSiteAccess as in Jira.
            Map.entry(LicensedOnly.class, Rule.LOGGED_IN),
            Map.entry(UnlicensedSiteAccess.class, Rule.LOGGED_IN));

    private final UserManager users;

    RestSecurity(UserManager users) {
        this.users = users;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Rule rule = ruleOf(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass());
        if (rule != Rule.ANYONE) {
            context.register((ContainerRequestFilter) request -> {
                UserKey user = users.getRemoteUserKey();
                if (user == null) {
                    request.abortWith(refusal(Response.Status.UNAUTHORIZED,
                            "Client must be authenticated to access this resource."));
                } else if (rule == Rule.ADMIN && !users.isAdmin(user)) {
                    request.abortWith(refusal(Response.Status.FORBIDDEN,
                            "Client must be authenticated as an administrator to access this resource."));
                } else if (rule == Rule.SYSTEM_ADMIN && !users.isSystemAdmin(user)) {
                    request.abortWith(refusal(Response.Status.FORBIDDEN,
                            "Client must be authenticated as a system administrator to access this resource."));
                }
            });
        }
    }

    /** The rule of the nearest annotated element: method, then class, then package. */
    static Rule ruleOf(AnnotatedElement method, Class<?> resourceClass) {
        for (AnnotatedElement element : new AnnotatedElement[] {method, resourceClass, resourceClass.getPackage()}) {
            if (element == null) {
                continue;
            }
            for (Map.Entry<Class<? extends Annotation>, Rule> entry : ANNOTATIONS) {
                if (element.isAnnotationPresent(entry.getKey())) {
                    return entry.getValue();
                }
            }
        }
        return Rule.LOGGED_IN;
    }

    private static Response refusal(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"message\":\"" + message + "\",\"status-code\":" + status.getStatusCode() + "}")
                .build();
    }
}
