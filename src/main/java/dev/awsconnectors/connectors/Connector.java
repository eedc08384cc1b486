package dev.awsconnectors.connectors;

import dev.awsconnectors.accounts.EnteredText;
import dev.awsconnectors.api.PrincipalType;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What Jira users (and, for system scope, other apps) may obtain from one AWS account: which STS call is made, with
 * which limits, and who may make it.
 *
 * <p>Text is normalised on construction: surrounding white space is removed, and an optional value that is blank
 * becomes empty; a required value that is missing becomes {@code ""}. Policy ARNs are stripped but kept even when
 * blank or repeated, and group names are kept as given (sorted, each once, blank ones too), so that
 * {@code ConfigurationValidator} can tell the
 * admin what is wrong instead of silently dropping entries. {@code accountId} and {@code principalType} are null
 * only in a connector built from incomplete input, which the validator refuses.
 *
 * @param id                    stable identity; new connectors get a random UUID too
 * @param name                  what admins and users see; required
 * @param description           free text shown to users choosing a connector
 * @param accountId             the account whose credentials call STS
 * @param principalType         which STS call is made
 * @param roleArn               the role to assume; IAM Role only
 * @param externalId            passed to AssumeRole for the role's trust policy; IAM Role only
 * @param policy                inline session policy (JSON); Federated User and IAM Role only
 * @param policyArns            managed session policy ARNs; Federated User and IAM Role only
 * @param maxDurationSeconds    requested session length; empty means AWS's default for the call
 * @param mfaSerialNumber       MFA device whose code users must type; IAM User and IAM Role only
 * @param sourceIdentityAndTags pass the Jira user as SourceIdentity and as a session tag; IAM Role only
 * @param groups                Jira groups whose members may use the connector; none means admins only
 * @param systemScope           whether code running with no Jira user may use the connector
 * @param consoleDestination    where the AWS Console opens; Federated User and IAM Role only
 * @param version               for optimistic concurrency: an edit based on an older version is refused
 */
public record Connector(
        UUID id,
        String name,
        Optional<String> description,
        UUID accountId,
        PrincipalType principalType,
        Optional<String> roleArn,
        Optional<String> externalId,
        Optional<String> policy,
        List<String> policyArns,
        OptionalInt maxDurationSeconds,
        Optional<String> mfaSerialNumber,
        boolean sourceIdentityAndTags,
        SortedSet<String> groups,
        boolean systemScope,
        Optional<URI> consoleDestination,
        long version) {

    public Connector {
        Objects.requireNonNull(id, "id");
        name = EnteredText.required(name);
        description = EnteredText.optional(description);
        roleArn = EnteredText.optional(roleArn);
        externalId = EnteredText.optional(externalId);
        policy = EnteredText.optional(policy);
        policyArns = copyOfStripped(policyArns);
        maxDurationSeconds = maxDurationSeconds == null ? OptionalInt.empty() : maxDurationSeconds;
        mfaSerialNumber = EnteredText.optional(mfaSerialNumber);
        groups = copyOfGroups(groups);
        consoleDestination = consoleDestination == null ? Optional.empty() : consoleDestination;
    }

    private static List<String> copyOfStripped(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> stripped = new ArrayList<>(values.size());
        for (String value : values) {
            stripped.add(Objects.requireNonNull(value, "policyArns must not contain null").strip());
        }
        return List.copyOf(stripped);
    }

    private static SortedSet<String> copyOfGroups(Collection<String> groups) {
        if (groups == null) {
            return Collections.emptySortedSet();
        }
        // TreeSet refuses null elements itself, so a null group name fails here rather than later.
        return Collections.unmodifiableSortedSet(new TreeSet<>(groups));
    }

    /** A builder for a new connector, with a fresh random id and version 0. */
    public static Builder builder() {
        return new Builder(UUID.randomUUID());
    }

    /** A builder starting from this connector, for edits. */
    public Builder toBuilder() {
        return new Builder(id)
                .name(name)
                .description(description.orElse(null))
                .accountId(accountId)
                .principalType(principalType)
                .roleArn(roleArn.orElse(null))
                .externalId(externalId.orElse(null))
                .policy(policy.orElse(null))
                .policyArns(policyArns)
                .maxDurationSeconds(maxDurationSeconds.isPresent() ? maxDurationSeconds.getAsInt() : null)
                .mfaSerialNumber(mfaSerialNumber.orElse(null))
                .sourceIdentityAndTags(sourceIdentityAndTags)
                .groups(groups)
                .systemScope(systemScope)
                .consoleDestination(consoleDestination.orElse(null))
                .version(version);
    }

    /** Collects the components one by one; absent values may be given as null. */
    public static final class Builder {
        private UUID id;
        private String name;
        private String description;
        private UUID accountId;
        private PrincipalType principalType;
        private String roleArn;
        private String externalId;
        private String policy;
        private List<String> policyArns = List.of();
        private Integer maxDurationSeconds;
        private String mfaSerialNumber;
        private boolean sourceIdentityAndTags;
        private Collection<String> groups = List.of();
        private boolean systemScope;
        private URI consoleDestination;
        private long version;

        private Builder(UUID id) {
            this.id = id;
        }

        public Builder id(UUID id) {
            this.id = id;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder accountId(UUID accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder principalType(PrincipalType principalType) {
            this.principalType = principalType;
            return this;
        }

        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        public Builder policy(String policy) {
            this.policy = policy;
            return this;
        }

        public Builder policyArns(List<String> policyArns) {
            this.policyArns = policyArns;
            return this;
        }

        public Builder maxDurationSeconds(Integer maxDurationSeconds) {
            this.maxDurationSeconds = maxDurationSeconds;
            return this;
        }

        public Builder mfaSerialNumber(String mfaSerialNumber) {
            this.mfaSerialNumber = mfaSerialNumber;
            return this;
        }

        public Builder sourceIdentityAndTags(boolean sourceIdentityAndTags) {
            this.sourceIdentityAndTags = sourceIdentityAndTags;
            return this;
        }

        public Builder groups(Collection<String> groups) {
            this.groups = groups;
            return this;
        }

        public Builder systemScope(boolean systemScope) {
            this.systemScope = systemScope;
            return this;
        }

        public Builder consoleDestination(URI consoleDestination) {
            this.consoleDestination = consoleDestination;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Connector build() {
            return new Connector(id, name, Optional.ofNullable(description), accountId, principalType,
                    Optional.ofNullable(roleArn), Optional.ofNullable(externalId), Optional.ofNullable(policy),
                    policyArns,
                    maxDurationSeconds == null ? OptionalInt.empty() : OptionalInt.of(maxDurationSeconds),
                    Optional.ofNullable(mfaSerialNumber), sourceIdentityAndTags,
                    groups == null ? null : new TreeSet<>(groups), systemScope,
                    Optional.ofNullable(consoleDestination), version);
        }
    }
}
