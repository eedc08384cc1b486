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

    private ConnectorSummary(Builder builder) {
        this.id = builder.id;
        this.name = builder.name;
        this.description = builder.description;
        this.principalType = builder.principalType;
        this.maxDuration = builder.maxDuration;
        this.consoleSignInAvailable = builder.consoleSignInAvailable;
        this.mfaRequired = builder.mfaRequired;
        this.systemScope = builder.systemScope;
    }

    /**
     * Starts a summary of a connector; what is not set is empty or false.
     *
     * @param id            the connector's stable id
     * @param name          the connector's name
     * @param principalType the kind of AWS principal it obtains credentials for
     * @return a builder
     * @since 1.0
     */
    public static Builder builder(UUID id, String name, PrincipalType principalType) {
        return new Builder(id, name, principalType);
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

    /**
     * Builds a {@link ConnectorSummary}; new optional parts can be added here without breaking callers.
     *
     * @since 1.0
     */
    public static final class Builder {
        private final UUID id;
        private final String name;
        private final PrincipalType principalType;
        private String description = "";
        private Duration maxDuration;
        private boolean consoleSignInAvailable;
        private boolean mfaRequired;
        private boolean systemScope;

        private Builder(UUID id, String name, PrincipalType principalType) {
            this.id = Objects.requireNonNull(id, "id");
            this.name = Objects.requireNonNull(name, "name");
            this.principalType = Objects.requireNonNull(principalType, "principalType");
        }

        /**
         * @param description the connector's description; {@code null} for none
         * @return this builder
         * @since 1.0
         */
        public Builder description(String description) {
            this.description = description == null ? "" : description;
            return this;
        }

        /**
         * @param maxDuration the longest credentials the connector hands out; {@code null} for AWS's default
         * @return this builder
         * @since 1.0
         */
        public Builder maxDuration(Duration maxDuration) {
            this.maxDuration = maxDuration;
            return this;
        }

        /**
         * @param consoleSignInAvailable whether the connector can sign users in to the AWS Console
         * @return this builder
         * @since 1.0
         */
        public Builder consoleSignInAvailable(boolean consoleSignInAvailable) {
            this.consoleSignInAvailable = consoleSignInAvailable;
            return this;
        }

        /**
         * @param mfaRequired whether every request needs an MFA code
         * @return this builder
         * @since 1.0
         */
        public Builder mfaRequired(boolean mfaRequired) {
            this.mfaRequired = mfaRequired;
            return this;
        }

        /**
         * @param systemScope whether code that runs with no user may use the connector
         * @return this builder
         * @since 1.0
         */
        public Builder systemScope(boolean systemScope) {
            this.systemScope = systemScope;
            return this;
        }

        /**
         * @return the summary
         * @since 1.0
         */
        public ConnectorSummary build() {
            return new ConnectorSummary(this);
        }
    }
}
