package dev.awsconnectors.testhost.sal;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Jira's base URL and home directories as SAL reports them.
 *
 * <p>A Data Center site has one configured base URL, the address users reach it at behind the load balancer, shared by
 * every node: Jira's SAL answers it for {@link UrlMode#CANONICAL} (and its path for
 * {@link UrlMode#RELATIVE_CANONICAL}), and the base URL of the request being served for {@link UrlMode#ABSOLUTE}
 * (Jira's {@code com.atlassian.jira.sal.JiraApplicationProperties}). A node here is reached at its own address, so the
 * other modes answer that.
 */
public final class HostApplicationProperties implements ApplicationProperties {
    private final String siteUrl;
    private final String nodeUrl;
    private final Path localHome;
    private final Path sharedHome;

    /** A single node, reached at the site's base URL. */
    public HostApplicationProperties(String baseUrl, Path localHome, Path sharedHome) {
        this(baseUrl, baseUrl, localHome, sharedHome);
    }

    /**
     * @param siteUrl the configured base URL every node reports as canonical
     * @param nodeUrl where this node itself is reached
     */
    public HostApplicationProperties(String siteUrl, String nodeUrl, Path localHome, Path sharedHome) {
        this.siteUrl = siteUrl;
        this.nodeUrl = nodeUrl;
        this.localHome = localHome;
        this.sharedHome = sharedHome;
    }

    @Override
    public String getBaseUrl(UrlMode urlMode) {
        return switch (urlMode) {
            case CANONICAL -> siteUrl;
            case RELATIVE_CANONICAL -> java.net.URI.create(siteUrl).getPath();
            case RELATIVE -> java.net.URI.create(nodeUrl).getPath();
            case ABSOLUTE, AUTO -> nodeUrl;
        };
    }

    @Override
    public String getDisplayName() {
        return "Jira";
    }

    @Override
    public Optional<Path> getLocalHomeDirectory() {
        return Optional.ofNullable(localHome);
    }

    @Override
    public Optional<Path> getSharedHomeDirectory() {
        return Optional.ofNullable(sharedHome);
    }
}
