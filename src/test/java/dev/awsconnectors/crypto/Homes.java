package dev.awsconnectors.crypto;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;

import java.nio.file.Path;
import java.util.Optional;

/** Jira's home directories as SAL reports them; nothing else of {@link ApplicationProperties} is needed here. */
record Homes(Optional<Path> shared, Optional<Path> local) implements ApplicationProperties {

    static Homes sharedHome(Path shared) {
        return new Homes(Optional.of(shared), Optional.empty());
    }

    @Override
    public Optional<Path> getSharedHomeDirectory() {
        return shared;
    }

    @Override
    public Optional<Path> getLocalHomeDirectory() {
        return local;
    }

    @Override
    public String getBaseUrl(UrlMode urlMode) {
        throw new UnsupportedOperationException("not used by the key file");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("not used by the key file");
    }
}
