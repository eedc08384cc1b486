package dev.awsconnectors.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a user or an app may know of a connector: enough to pick one, nothing of its AWS configuration.
 *
 * @since 1.0
 */
public final class ConnectorSummary {
    private final UUID id;
    private final String name;
    private final String description;
    private final PrincipalType principalType;
    private final Duration maxDuration;
    private final boolean consoleSignInAvailable;
    private final boolean mfaRequired;
    private final boolean systemScope;

    /**
     * @param id                     the connector's stable id
     * @param name                   the connector's name
     * @param description            its description; empty for none
     * @param principalType          the kind of AWS principal it obtains credentials for
     * @param maxDuration            the longest credentials it hands out; {@code null} for AWS's default
     * @param consoleSignInAvailable whether it can sign users in to the AWS Console
     * @param mfaRequired            whether each request needs an MFA code
     * @param systemScope            whether code with no user may use it
     * @since 1.0
     */
    public ConnectorSummary(UUID id, String name, String description, PrincipalType principalType,
                            Duration maxDuration, boolean consoleSignInAvailable, boolean mfaRequired,
                            boolean systemScope) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.description = description == null ? "" : description;
        this.principalType = Objects.requireNonNull(principalType, "principalType");
        this.maxDuration = maxDuration;
        this.consoleSignInAvailable = consoleSignInAvailable;
        this.mfaRequired = mfaRequired;
        this.systemScope = systemScope;
    }

    /**
     * @return the connector's stable id
     * @since 1.0
     */
    public UUID getId() {
        return id;
    }

    /**
     * @return the connector's name
     * @since 1.0
     */
    public String getName() {
        return name;
    }

    /**
     * @return the description, empty when there is none
     * @since 1.0
     */
    public String getDescription() {
        return description;
    }

    /**
     * @return the kind of AWS principal the connector obtains credentials for
     * @since 1.0
     */
    public PrincipalType getPrincipalType() {
        return principalType;
    }

    /**
     * @return the longest credentials the connector hands out; empty when AWS's default applies
     * @since 1.0
     */
    public Optional<Duration> getMaxDuration() {
        return Optional.ofNullable(maxDuration);
    }

    /**
     * @return whether the connector can sign users in to the AWS Console
     * @since 1.0
     */
    public boolean isConsoleSignInAvailable() {
        return consoleSignInAvailable;
    }

    /**
     * @return whether every request needs an MFA code
     * @since 1.0
     */
    public boolean isMfaRequired() {
        return mfaRequired;
    }

    /**
     * @return whether code that runs with no user may use the connector
     * @since 1.0
     */
    public boolean isSystemScope() {
        return systemScope;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConnectorSummary)) {
            return false;
        }
        ConnectorSummary that = (ConnectorSummary) o;
        return consoleSignInAvailable == that.consoleSignInAvailable && mfaRequired == that.mfaRequired
                && systemScope == that.systemScope && id.equals(that.id) && name.equals(that.name)
                && description.equals(that.description) && principalType == that.principalType
                && Objects.equals(maxDuration, that.maxDuration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, description, principalType, maxDuration, consoleSignInAvailable, mfaRequired,
                systemScope);
    }

    @Override
    public String toString() {
        return "ConnectorSummary[id=" + id + ", name=" + name + ", principalType=" + principalType + "]";
    }
}
