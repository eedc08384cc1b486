package dev.awsconnectors.validation;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The rules of an account; see {@link ConfigurationValidator}. */
final class AccountRules {
    /**
     * AWS documents access key IDs as {@code [\w]+}, but every IAM access key ID is capital letters and digits; a
     * value with lower-case letters is most often the secret pasted into the wrong field, so it is refused without
     * being repeated.
     */
    private static final Pattern ACCESS_KEY_ID_CHARACTERS = Pattern.compile("[A-Z0-9]+");
    private static final Pattern SECRET_CHARACTERS = Pattern.compile("[A-Za-z0-9+/]+");
    /** AWS: access key IDs beginning with ASIA are temporary credentials created by STS. */
    private static final String TEMPORARY_KEY_PREFIX = "ASIA";
    /** AWS: long-term access keys of IAM users (and of the root user) begin with AKIA. */
    private static final String LONG_TERM_KEY_PREFIX = "AKIA";
    /** Local AWS doubles listen here; anything else must be reached over TLS. */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");
    /** Where a demo's issuer may be reached over plain http; AWS itself fetches only over https. */
    private static final Set<String> DEMO_ISSUER_HOSTS = Set.of("127.0.0.1", "localhost");

    private AccountRules() {
    }

    static void check(Account account, Optional<String> newSecretAccessKey, boolean creating, Findings findings) {
        TextRules.name(account.name(), findings);
        TextRules.description(account.description(), findings);
        type(account, findings);
        accessKeyId(account, findings);
        secretAccessKey(account, newSecretAccessKey, creating, findings);
        partitionAndRegion(account, findings);
        account.endpointOverride().ifPresent(endpoint -> endpointOverride("endpointOverride", endpoint, findings));
        account.iamEndpointOverride()
                .ifPresent(endpoint -> endpointOverride("iamEndpointOverride", endpoint, findings));
        account.signinEndpointOverride()
                .ifPresent(endpoint -> endpointOverride("signinEndpointOverride", endpoint, findings));
        audience(account, findings);
        issuerUrl(account, findings);
    }

    private static void type(Account account, Findings findings) {
        if (account.type() == null) {
            findings.add("type", Keys.TYPE_REQUIRED);
        }
    }

    private static void accessKeyId(Account account, Findings findings) {
        Optional<String> accessKeyId = account.accessKeyId();
        if (account.type() == AccountType.HOST_ROLE) {
            if (accessKeyId.isPresent()) {
                findings.add("accessKeyId", Keys.ACCESS_KEY_ID_NOT_ALLOWED);
            }
            return;
        }
        if (account.type() == AccountType.WEB_IDENTITY) {
            if (accessKeyId.isPresent()) {
                findings.add("accessKeyId", Keys.ACCESS_KEY_ID_KEYLESS);
            }
            return;
        }
        if (account.type() != AccountType.ACCESS_KEY) {
            return;
        }
        if (accessKeyId.isEmpty()) {
            findings.add("accessKeyId", Keys.ACCESS_KEY_ID_REQUIRED);
            return;
        }
        String id = accessKeyId.get();
        if (id.length() < Limits.ACCESS_KEY_ID_MIN || id.length() > Limits.ACCESS_KEY_ID_MAX) {
            findings.add("accessKeyId", Keys.ACCESS_KEY_ID_LENGTH,
                    Limits.ACCESS_KEY_ID_MIN, Limits.ACCESS_KEY_ID_MAX, id.length());
        } else if (!ACCESS_KEY_ID_CHARACTERS.matcher(id).matches()) {
            findings.add("accessKeyId", Keys.ACCESS_KEY_ID_CHARACTERS);
        } else if (id.startsWith(TEMPORARY_KEY_PREFIX)) {
            // Temporary keys need a session token the account does not store, and they expire within hours.
            findings.add("accessKeyId", Keys.ACCESS_KEY_ID_TEMPORARY);
        } else if (!id.startsWith(LONG_TERM_KEY_PREFIX)) {
            findings.add("accessKeyId", Keys.ACCESS_KEY_ID_PREFIX);
        }
    }

    private static void secretAccessKey(
            Account account, Optional<String> newSecretAccessKey, boolean creating, Findings findings) {
        // A blank secret on an edit means "keep the stored one"; the rules below never echo the value.
        Optional<String> secret = newSecretAccessKey == null
                ? Optional.empty()
                : newSecretAccessKey.filter(value -> !value.isBlank());
        if (account.type() == AccountType.HOST_ROLE) {
            if (secret.isPresent()) {
                findings.add("secretAccessKey", Keys.SECRET_NOT_ALLOWED);
            }
            return;
        }
        if (account.type() == AccountType.WEB_IDENTITY) {
            if (secret.isPresent()) {
                findings.add("secretAccessKey", Keys.SECRET_KEYLESS);
            }
            return;
        }
        if (account.type() != AccountType.ACCESS_KEY) {
            return;
        }
        if (secret.isEmpty()) {
            if (creating) {
                findings.add("secretAccessKey", Keys.SECRET_REQUIRED);
            }
            return;
        }
        String value = secret.get();
        if (value.length() != Limits.SECRET_ACCESS_KEY_LENGTH) {
            findings.add("secretAccessKey", Keys.SECRET_LENGTH, Limits.SECRET_ACCESS_KEY_LENGTH, value.length());
        } else if (!SECRET_CHARACTERS.matcher(value).matches()) {
            findings.add("secretAccessKey", Keys.SECRET_CHARACTERS);
        }
    }

    private static void partitionAndRegion(Account account, Findings findings) {
        Partition partition = account.partition();
        if (partition == null) {
            findings.add("partition", Keys.PARTITION_REQUIRED,
                    Arrays.stream(Partition.values()).map(Partition::id).collect(Collectors.joining(", ")));
        }
        String region = account.region();
        if (region.isEmpty()) {
            findings.add("region", Keys.REGION_REQUIRED);
        } else if (!Partition.isRegionShaped(region)) {
            findings.add("region", Keys.REGION_FORMAT, Excerpts.of(region));
        } else if (partition != null && !partition.containsRegion(region)) {
            findings.add("region", Keys.REGION_PARTITION, Excerpts.of(region), partition.id());
        }
    }

    private static void endpointOverride(String field, URI endpoint, Findings findings) {
        // The URL itself is never echoed: its user-info part could hold a password.
        int length = TextRules.length(endpoint.toString());
        if (length > Limits.URL_MAX) {
            findings.add(field, Keys.ENDPOINT_TOO_LONG, Limits.URL_MAX, length);
            return;
        }
        if (!endpoint.isAbsolute() || endpoint.isOpaque() || endpoint.getHost() == null) {
            findings.add(field, Keys.ENDPOINT_NOT_ABSOLUTE);
            return;
        }
        String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = LOOPBACK_HOSTS.contains(endpoint.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            findings.add(field, Keys.ENDPOINT_SCHEME);
        }
        if (endpoint.getRawUserInfo() != null) {
            findings.add(field, Keys.ENDPOINT_USER_INFO);
        }
        if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            findings.add(field, Keys.ENDPOINT_QUERY);
        }
    }

    private static void audience(Account account, Findings findings) {
        account.audience().ifPresent(audience -> {
            if (account.type() != AccountType.WEB_IDENTITY) {
                if (account.type() != null) {
                    findings.add("audience", Keys.AUDIENCE_NOT_ALLOWED);
                }
                return;
            }
            int length = TextRules.length(audience);
            if (length < Limits.AUDIENCE_MIN || length > Limits.AUDIENCE_MAX) {
                findings.add("audience", Keys.AUDIENCE_LENGTH, Limits.AUDIENCE_MIN, Limits.AUDIENCE_MAX, length);
            } else if (!TextRules.storable(audience, false)) {
                findings.add("audience", Keys.AUDIENCE_CHARACTERS);
            }
        });
    }

    /**
     * The URL IAM has as the provider's {@code Url} and the tokens carry as {@code iss}: IAM refuses one that is not
     * https, has a query or is longer than 255 characters; plain http is let through for a demo on this machine,
     * whose AWS double fetches from it.
     */
    private static void issuerUrl(Account account, Findings findings) {
        account.issuerUrl().ifPresent(url -> {
            if (account.type() != AccountType.WEB_IDENTITY) {
                if (account.type() != null) {
                    findings.add("issuerUrl", Keys.ISSUER_URL_NOT_ALLOWED);
                }
                return;
            }
            int length = TextRules.length(url.toString());
            if (length > Limits.ISSUER_URL_MAX) {
                findings.add("issuerUrl", Keys.ISSUER_URL_TOO_LONG, Limits.ISSUER_URL_MAX, length);
                return;
            }
            if (!url.isAbsolute() || url.isOpaque() || url.getHost() == null) {
                findings.add("issuerUrl", Keys.ISSUER_URL_NOT_ABSOLUTE);
                return;
            }
            String scheme = url.getScheme().toLowerCase(Locale.ROOT);
            boolean demo = DEMO_ISSUER_HOSTS.contains(url.getHost().toLowerCase(Locale.ROOT));
            if (!scheme.equals("https") && !(scheme.equals("http") && demo)) {
                findings.add("issuerUrl", Keys.ISSUER_URL_SCHEME);
            }
            if (url.getRawUserInfo() != null) {
                findings.add("issuerUrl", Keys.ISSUER_URL_USER_INFO);
            }
            if (url.getRawQuery() != null || url.getRawFragment() != null) {
                findings.add("issuerUrl", Keys.ISSUER_URL_QUERY);
            }
        });
    }
}
