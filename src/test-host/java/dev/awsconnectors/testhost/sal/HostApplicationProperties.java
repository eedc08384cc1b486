package dev.awsconnectors.testhost.sal;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;

import java.nio.file.Path;
import java.util.Optional;

/** Jira's base URL and home directories as SAL reports them. */
public final class HostApplicationProperties implements ApplicationProperties {
    private final String baseUrl;
    private final Path localHome;
    private final Path sharedHome;

    public HostApplicationProperties(String baseUrl, Path localHome, Path sharedHome) {
        this.baseUrl = baseUrl;
        this.localHome = localHome;
        this.sharedHome = sharedHome;
    }

    @Override
    public String getBaseUrl(UrlMode urlMode) {
        if (urlMode == UrlMode.RELATIVE || urlMode == UrlMode.RELATIVE_CANONICAL) {
            return java.net.URI.create(baseUrl).getPath();
        }
        return baseUrl;
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
