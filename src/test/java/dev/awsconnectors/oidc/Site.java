package dev.awsconnectors.oidc;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;

import java.nio.file.Path;
import java.util.Optional;

/** Jira's base URL and home directories as SAL reports them. */
record Site(String baseUrl, Optional<Path> shared, Optional<Path> local) implements ApplicationProperties {

    static Site sharedHome(Path shared) {
        return new Site("https://jira.example.com", Optional.of(shared), Optional.empty());
    }

    @Override
    public String getBaseUrl(UrlMode urlMode) {
        return baseUrl;
    }

    @Override
    public String getDisplayName() {
        return "Jira";
    }

    @Override
    public Optional<Path> getLocalHomeDirectory() {
        return local;
    }

    @Override
    public Optional<Path> getSharedHomeDirectory() {
        return shared;
    }
}
