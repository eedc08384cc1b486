package dev.awsconnectors.testhost.aws;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An IAM OpenID Connect identity provider: the issuer URL exactly as registered (a token's {@code iss} must equal it,
 * trailing slash included), its audiences (ClientIDList) and thumbprints. Its ARN is
 * {@code arn:<partition>:iam::<account>:oidc-provider/<url without its scheme>}, and the same host and path prefix
 * the trust-policy condition keys {@code <host/path>:aud} and {@code <host/path>:sub}.
 *
 * <p>Obtained from {@link AwsAccount#addOpenIdConnectProvider(String, String...)} or made over the wire with IAM's
 * CreateOpenIDConnectProvider. Immutable.
 */
public final class OidcProvider {

    /**
     * Hosts whose issuer may use plain http. AWS accepts only https issuers; the double also accepts these, because
     * the demo host and the tests serve their issuer on plain http on this machine (a deviation from AWS).
     */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1");

    private final String url;
    private final String arn;
    private final List<String> clientIds;
    private final List<String> thumbprints;
    private final Instant created;

    OidcProvider(String url, String arn, List<String> clientIds, List<String> thumbprints, Instant created) {
        this.url = url;
        this.arn = arn;
        this.clientIds = List.copyOf(clientIds);
        this.thumbprints = List.copyOf(thumbprints);
        this.created = created;
    }

    /** The issuer URL as registered, e.g. {@code https://issuer.example.com/oidc}. */
    public String url() {
        return url;
    }

    public String arn() {
        return arn;
    }

    /** The audiences a token's {@code aud} must be one of. */
    public List<String> clientIds() {
        return clientIds;
    }

    public List<String> thumbprints() {
        return thumbprints;
    }

    /** The URL without its scheme: the ARN's resource part and the prefix of the condition keys. */
    public String hostAndPath() {
        return withoutScheme(url);
    }

    /** The trust-policy condition key for the token's audience, {@code <host/path>:aud}. */
    public String audienceKey() {
        return hostAndPath() + ":aud";
    }

    /** The trust-policy condition key for the token's subject, {@code <host/path>:sub}. */
    public String subjectKey() {
        return hostAndPath() + ":sub";
    }

    Instant created() {
        return created;
    }

    static String withoutScheme(String url) {
        int scheme = url.indexOf("://");
        return scheme < 0 ? url : url.substring(scheme + 3);
    }

    /**
     * Whether IAM would take this as an issuer URL: https, a host, no query or fragment, no port (AWS: "it should
     * have no port"); or, as the double's deviation, plain http on {@link #LOOPBACK_HOSTS}, port allowed.
     */
    static boolean isValidUrl(String url) {
        return isAllowed(url, false);
    }

    /**
     * Whether the double would fetch keys from this URL: https anywhere, or http on a loopback host; ports and
     * queries allowed.
     */
    static boolean isFetchable(String url) {
        return isAllowed(url, true);
    }

    private static boolean isAllowed(String url, boolean forFetch) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
                || (!forFetch && (uri.getRawQuery() != null || uri.getRawFragment() != null))) {
            return false;
        }
        if (url.startsWith("https://")) {
            return forFetch || uri.getPort() == -1;
        }
        return url.startsWith("http://") && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }
}
