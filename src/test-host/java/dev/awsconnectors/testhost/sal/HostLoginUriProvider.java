package dev.awsconnectors.testhost.sal;

import com.atlassian.sal.api.auth.LoginUriProvider;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Jira's login page, {@code <context>/login.jsp}, with the page to return to in {@code os_destination}, the
 * parameter Jira's login form reads after a successful login.
 */
public final class HostLoginUriProvider implements LoginUriProvider {
    public static final String LOGIN_PATH = "/login.jsp";
    public static final String DESTINATION_PARAMETER = "os_destination";

    private final String contextPath;

    /** @param contextPath the host's context path, e.g. {@code /jira} */
    public HostLoginUriProvider(String contextPath) {
        this.contextPath = Objects.requireNonNull(contextPath, "contextPath");
    }

    @Override
    public URI getLoginUri(URI returnUri) {
        String login = contextPath + LOGIN_PATH;
        if (returnUri == null) {
            return URI.create(login);
        }
        return URI.create(login + "?" + DESTINATION_PARAMETER + "="
                + URLEncoder.encode(returnUri.toString(), StandardCharsets.UTF_8));
    }
}
