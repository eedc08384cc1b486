package dev.awsconnectors.testhost.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AWS account in the double: its 12-digit id, its alias, its IAM users, roles and OpenID Connect identity
 * providers, and optionally root keys.
 * Obtained from {@link LocalAws#account(String)}; every method is safe to call while requests are served.
 */
public final class AwsAccount {

    private final Directory directory;
    private final String id;
    private final Instant created;
    private final Map<String, IamUser> users = new LinkedHashMap<>();
    private final Map<String, IamRole> roles = new LinkedHashMap<>();
    private final Map<String, OidcProvider> oidcProviders = new LinkedHashMap<>();
    private String alias;

    AwsAccount(Directory directory, String id, Instant created) {
        this.directory = directory;
        this.id = id;
        this.created = created;
    }

    public String id() {
        return id;
    }

    /** The account alias, or null when none is set (ListAccountAliases then answers with an empty list). */
    public String alias() {
        synchronized (directory.lock) {
            return alias;
        }
    }

    public AwsAccount alias(String newAlias) {
        synchronized (directory.lock) {
            this.alias = newAlias;
            return this;
        }
    }

    /** The IAM user with this name, created (path "/") on first use. */
    public IamUser user(String name) {
        synchronized (directory.lock) {
            return users.computeIfAbsent(name, n -> new IamUser(directory, this, n, directory.clock.instant()));
        }
    }

    /** The role with this name at path "/", created on first use (MaxSessionDuration 3600, trusting nobody). */
    public IamRole role(String name) {
        return role("/", name);
    }

    /** The role with this path (for example {@code /service-role/}) and name, created on first use. */
    public IamRole role(String path, String name) {
        if (!path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("An IAM path starts and ends with '/', got " + path);
        }
        synchronized (directory.lock) {
            IamRole role = roles.computeIfAbsent(name,
                    n -> new IamRole(directory, this, path, n, directory.clock.instant()));
            if (!role.path().equals(path)) {
                throw new IllegalArgumentException("Role " + name + " already exists with path " + role.path());
            }
            return role;
        }
    }

    /**
     * Registers an IAM OpenID Connect identity provider, as CreateOpenIDConnectProvider would: {@code url} is the
     * issuer exactly as tokens will name it in {@code iss} (https; the double also takes http on localhost or
     * 127.0.0.1), {@code clientIds} the audiences it accepts. Trust it from a role with
     * {@link IamRole#trustWebIdentity(OidcProvider, WebIdentityCondition...)}.
     *
     * @throws IllegalArgumentException when IAM would refuse the URL or the account already has a provider for it
     */
    public OidcProvider addOpenIdConnectProvider(String url, String... clientIds) {
        if (url == null || url.length() > 255 || !OidcProvider.isValidUrl(url)) {
            throw new IllegalArgumentException("Invalid Open ID Connect Provider URL: " + url);
        }
        try {
            return createOidcProvider(url, List.of(clientIds), List.of());
        } catch (AwsException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** The provider registered for exactly this issuer URL, if any. */
    public Optional<OidcProvider> openIdConnectProvider(String url) {
        synchronized (directory.lock) {
            return Optional.ofNullable(oidcProviders.get(url));
        }
    }

    /** Adds a provider whose URL and lists were checked; EntityAlreadyExists when the URL is taken. */
    OidcProvider createOidcProvider(String url, List<String> clientIds, List<String> thumbprints) {
        synchronized (directory.lock) {
            if (oidcProviders.containsKey(url)) {
                throw AwsErrors.entityAlreadyExists("Provider with url " + url + " already exists.");
            }
            OidcProvider provider = new OidcProvider(url,
                    directory.arn("iam", id, "oidc-provider/" + OidcProvider.withoutScheme(url)),
                    clientIds, thumbprints, directory.clock.instant());
            oidcProviders.put(url, provider);
            return provider;
        }
    }

    Optional<OidcProvider> findOidcProviderByArn(String arn) {
        synchronized (directory.lock) {
            return oidcProviders.values().stream().filter(p -> p.arn().equals(arn)).findFirst();
        }
    }

    boolean removeOidcProvider(String arn) {
        synchronized (directory.lock) {
            return oidcProviders.values().removeIf(p -> p.arn().equals(arn));
        }
    }

    /** Providers in the order they were created. */
    List<OidcProvider> oidcProviders() {
        synchronized (directory.lock) {
            return List.copyOf(oidcProviders.values());
        }
    }

    /**
     * A new access key for the account's root user. AWS discourages root keys; the double supports them because
     * AWS treats them differently (GetSessionToken and GetFederationToken are capped at one hour).
     */
    public AccessKey addRootAccessKey() {
        AccessKey key = new AccessKey(directory.ids.accessKeyId("AKIA"), directory.ids.secretAccessKey());
        directory.addKey(new LongTermKey(key, this, null, directory.clock.instant()));
        return key;
    }

    public String rootArn() {
        return directory.arn("iam", id, "root");
    }

    Instant created() {
        return created;
    }

    Optional<IamUser> findUser(String name) {
        synchronized (directory.lock) {
            return Optional.ofNullable(users.get(name));
        }
    }

    Optional<IamRole> findRoleByArn(String roleArn) {
        synchronized (directory.lock) {
            return roles.values().stream().filter(role -> role.arn().equals(roleArn)).findFirst();
        }
    }

    /** Roles in name order, as IAM lists them. */
    List<IamRole> rolesSortedByName() {
        synchronized (directory.lock) {
            List<IamRole> sorted = new ArrayList<>(roles.values());
            sorted.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
            return sorted;
        }
    }
}
