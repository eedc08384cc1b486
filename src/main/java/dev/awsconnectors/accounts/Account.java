package dev.awsconnectors.accounts;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An AWS account as Jira admins configure it: where and how connectors reach STS.
 *
 * <p>The secret access key is deliberately not a component: it is stored encrypted elsewhere and passed separately
 * when written, so no {@code Account} — and no {@code toString}, log line or exception built from one — can carry it.
 *
 * <p>Text is normalised on construction: surrounding white space is removed, and an optional value that is blank
 * becomes empty; a required value that is missing becomes {@code ""}. {@code type} and {@code partition} are null
 * only in an account built from incomplete input, which {@code ConfigurationValidator} then refuses; a stored
 * account always has both.
 *
 * @param id               stable identity; new accounts get a random UUID too, so no row ever lacks one
 * @param name             what admins and users see; required
 * @param description      free text for admins
 * @param type             how credentials are obtained
 * @param accessKeyId      the IAM user's access key ID; only for {@link AccountType#ACCESS_KEY}
 * @param partition        the AWS partition every ARN and host of the account's connectors must belong to
 * @param region           the STS region whose regional endpoint is called, e.g. {@code us-east-1}
 * @param endpointOverride replaces the regional STS endpoint (VPC endpoints, FIPS, proxies, local test doubles)
 * @param iamEndpointOverride    replaces the partition's IAM endpoint (proxies, local test doubles)
 * @param signinEndpointOverride replaces the partition's console sign-in host, which serves {@code /federation}
 *                               (proxies, local test doubles)
 * @param audience         the {@code aud} of the tokens minted for the account, registered as a client ID (audience)
 *                         of the IAM OIDC identity provider; only for {@link AccountType#WEB_IDENTITY}, where it
 *                         is {@value #DEFAULT_AUDIENCE} when none is given
 * @param issuerUrl        the issuer URL AWS trusts (the IAM OIDC identity provider's URL and the tokens' {@code iss});
 *                         only for {@link AccountType#WEB_IDENTITY}; empty means the app's own issuer,
 *                         {@code <Jira base URL>/rest/aws-connectors/1.0/oidc}; another URL is for a Jira AWS cannot
 *                         reach, whose discovery document and JWKS are hosted elsewhere
 * @param version          for optimistic concurrency: an edit based on an older version is refused
 */
public record Account(
        UUID id,
        String name,
        Optional<String> description,
        AccountType type,
        Optional<String> accessKeyId,
        Partition partition,
        String region,
        Optional<URI> endpointOverride,
        Optional<URI> iamEndpointOverride,
        Optional<URI> signinEndpointOverride,
        Optional<String> audience,
        Optional<URI> issuerUrl,
        long version) {

    /** The audience AWS's own documentation uses for an IAM OIDC identity provider, and the console proposes. */
    public static final String DEFAULT_AUDIENCE = "sts.amazonaws.com";

    public Account {
        Objects.requireNonNull(id, "id");
        name = EnteredText.required(name);
        description = EnteredText.optional(description);
        accessKeyId = EnteredText.optional(accessKeyId);
        region = EnteredText.required(region);
        endpointOverride = endpointOverride == null ? Optional.empty() : endpointOverride;
        iamEndpointOverride = iamEndpointOverride == null ? Optional.empty() : iamEndpointOverride;
        signinEndpointOverride = signinEndpointOverride == null ? Optional.empty() : signinEndpointOverride;
        audience = EnteredText.optional(audience);
        if (audience.isEmpty() && type == AccountType.WEB_IDENTITY) {
            audience = Optional.of(DEFAULT_AUDIENCE);
        }
        issuerUrl = issuerUrl == null ? Optional.empty() : issuerUrl;
    }

    /**
     * Shows the access key ID masked, as the AWS console does, and the endpoint override without any user-info,
     * since an account is logged before it is validated and a pasted value may be a secret.
     */
    @Override
    public String toString() {
        return "Account[id=" + id + ", name=" + name + ", type=" + type
                + ", accessKeyId=" + accessKeyId.map(Account::masked).orElse("none")
                + ", partition=" + (partition == null ? null : partition.id()) + ", region=" + region
                + ", endpointOverride=" + endpointOverride.map(Account::withoutUserInfo).orElse("none")
                + ", iamEndpointOverride=" + iamEndpointOverride.map(Account::withoutUserInfo).orElse("none")
                + ", signinEndpointOverride=" + signinEndpointOverride.map(Account::withoutUserInfo).orElse("none")
                + ", audience=" + audience.orElse("none")
                + ", issuerUrl=" + issuerUrl.map(Account::withoutUserInfo).orElse("none")
                + ", version=" + version + "]";
    }

    /** All but the last four characters replaced, as the AWS console lists access keys. */
    static String masked(String accessKeyId) {
        int shown = Math.min(4, accessKeyId.length() / 4);
        return "*".repeat(accessKeyId.length() - shown) + accessKeyId.substring(accessKeyId.length() - shown);
    }

    private static String withoutUserInfo(URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }

    /** A builder for a new account, with a fresh random id and version 0. */
    public static Builder builder() {
        return new Builder(UUID.randomUUID());
    }

    /** A builder starting from this account, for edits. */
    public Builder toBuilder() {
        return new Builder(id)
                .name(name)
                .description(description.orElse(null))
                .type(type)
                .accessKeyId(accessKeyId.orElse(null))
                .partition(partition)
                .region(region)
                .endpointOverride(endpointOverride.orElse(null))
                .iamEndpointOverride(iamEndpointOverride.orElse(null))
                .signinEndpointOverride(signinEndpointOverride.orElse(null))
                .audience(audience.orElse(null))
                .issuerUrl(issuerUrl.orElse(null))
                .version(version);
    }

    /** Collects the components one by one; absent values may be given as null. */
    public static final class Builder {
        private UUID id;
        private String name;
        private String description;
        private AccountType type;
        private String accessKeyId;
        private Partition partition;
        private String region;
        private URI endpointOverride;
        private URI iamEndpointOverride;
        private URI signinEndpointOverride;
        private String audience;
        private URI issuerUrl;
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

        public Builder type(AccountType type) {
            this.type = type;
            return this;
        }

        public Builder accessKeyId(String accessKeyId) {
            this.accessKeyId = accessKeyId;
            return this;
        }

        public Builder partition(Partition partition) {
            this.partition = partition;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder endpointOverride(URI endpointOverride) {
            this.endpointOverride = endpointOverride;
            return this;
        }

        public Builder iamEndpointOverride(URI iamEndpointOverride) {
            this.iamEndpointOverride = iamEndpointOverride;
            return this;
        }

        public Builder signinEndpointOverride(URI signinEndpointOverride) {
            this.signinEndpointOverride = signinEndpointOverride;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Builder issuerUrl(URI issuerUrl) {
            this.issuerUrl = issuerUrl;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Account build() {
            return new Account(id, name, Optional.ofNullable(description), type, Optional.ofNullable(accessKeyId),
                    partition, region, Optional.ofNullable(endpointOverride),
                    Optional.ofNullable(iamEndpointOverride), Optional.ofNullable(signinEndpointOverride),
                    Optional.ofNullable(audience), Optional.ofNullable(issuerUrl), version);
        }
    }
}
