package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.aws.AccessKey;
import dev.awsconnectors.testhost.aws.AwsAccount;
import dev.awsconnectors.testhost.aws.IamRole;
import dev.awsconnectors.testhost.aws.IamUser;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.aws.OidcProvider;
import dev.awsconnectors.testhost.aws.WebIdentityCondition;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The AWS the demo talks to when it runs offline: a {@link LocalAws} double with account {@value #ACCOUNT_ID},
 * IAM user {@value #BROKER_USER} (with an access key and a virtual MFA device showing {@value #MFA_CODE}) and role
 * {@value #ROLE} trusting it; and, for keyless accounts, an IAM OpenID Connect provider for the demo's own issuer
 * ({@code <base URL>}{@value #OIDC_ISSUER_PATH}, audience {@value #OIDC_AUDIENCE}) with role {@value #KEYLESS_ROLE}
 * trusting its tokens whose subject is {@code connector:*}.
 *
 * <p>The double forgets everything when it stops, but the app's database remembers the access key and endpoint. So
 * the key (a key of the double only, never a real one) and the port are kept in {@value #STATE_FILE} in the
 * shared home and given to the double again at the next start; node 2 uses node 1's double.
 */
final class DemoAws implements AutoCloseable {
    static final String ACCOUNT_ID = "123456789012";
    static final String BROKER_USER = "jira-broker";
    static final String ROLE = "developer";
    static final String MFA_CODE = "123456";
    static final String STATE_FILE = "local-aws.properties";
    static final String KEYLESS_ROLE = "jira-keyless";
    /** Where the app serves its OpenID Connect issuer, under the base URL. */
    static final String OIDC_ISSUER_PATH = "/rest/aws-connectors/1.0/oidc";
    static final String OIDC_AUDIENCE = "sts.amazonaws.com";

    private final LocalAws aws;
    private final URI endpoint;
    private final AccessKey key;
    private final String roleArn;
    private final String mfaSerial;

    private DemoAws(LocalAws aws, URI endpoint, AccessKey key, String roleArn, String mfaSerial) {
        this.aws = aws;
        this.endpoint = endpoint;
        this.key = key;
        this.roleArn = roleArn;
        this.mfaSerial = mfaSerial;
    }

    /**
     * Starts the double (node 1), on the port it had before when that port is free. {@code baseUrl} is the demo's
     * own, e.g. {@code http://localhost:2990/jira}: its issuer is registered as an IAM OpenID Connect provider.
     */
    static DemoAws start(Path home, URI baseUrl) {
        Path file = home.resolve(STATE_FILE);
        Properties state = load(file);
        int port = Integer.parseInt(state.getProperty("port", "0"));
        LocalAws aws;
        try {
            aws = LocalAws.builder().port(port).start();
        } catch (RuntimeException e) {
            if (port == 0 || !(e.getCause() instanceof BindException)) {
                throw e;
            }
            aws = LocalAws.builder().port(0).start();
        }
        try {
            AwsAccount account = aws.account(ACCOUNT_ID).alias("demo");
            IamUser broker = account.user(BROKER_USER);
            AccessKey key = state.containsKey("accessKeyId")
                    ? broker.addAccessKey(state.getProperty("accessKeyId"), state.getProperty("secretAccessKey"))
                    : broker.addAccessKey();
            String mfa = broker.addVirtualMfaDevice(MFA_CODE);
            IamRole role = account.role(ROLE).trust(broker);
            // Plain http on localhost: AWS wants https issuers, the double also takes loopback http for the demo.
            OidcProvider issuer = account.addOpenIdConnectProvider(issuerUrl(baseUrl), OIDC_AUDIENCE);
            account.role(KEYLESS_ROLE).trustWebIdentity(issuer,
                    WebIdentityCondition.stringEquals(issuer.audienceKey(), OIDC_AUDIENCE),
                    WebIdentityCondition.stringLike(issuer.subjectKey(), "connector:*"));
            state.setProperty("port", Integer.toString(aws.endpoint().getPort()));
            state.setProperty("accessKeyId", key.accessKeyId());
            state.setProperty("secretAccessKey", key.secretAccessKey());
            store(file, state);
            return new DemoAws(aws, aws.endpoint(), key, role.arn(), mfa);
        } catch (RuntimeException e) {
            aws.close();
            throw e;
        }
    }

    /** Node 2: the double node 1 runs, as recorded in the shared home. */
    static DemoAws ofNodeOne(Path home) {
        Properties state = load(home.resolve(STATE_FILE));
        if (!state.containsKey("port")) {
            throw new IllegalStateException("Node 2 uses node 1's local AWS, but " + home.resolve(STATE_FILE)
                    + " does not exist: start node 1 first");
        }
        AccessKey key = new AccessKey(state.getProperty("accessKeyId"), state.getProperty("secretAccessKey"));
        return new DemoAws(null, URI.create("http://127.0.0.1:" + state.getProperty("port")), key,
                "arn:aws:iam::" + ACCOUNT_ID + ":role/" + ROLE, "arn:aws:iam::" + ACCOUNT_ID + ":mfa/" + BROKER_USER);
    }

    /** The issuer URL of the demo at this base URL, exactly as its tokens name it in {@code iss}. */
    static String issuerUrl(URI baseUrl) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + OIDC_ISSUER_PATH;
    }

    URI endpoint() {
        return endpoint;
    }

    /** The role keyless accounts assume with the demo's own tokens. */
    String keylessRoleArn() {
        return "arn:aws:iam::" + ACCOUNT_ID + ":role/" + KEYLESS_ROLE;
    }

    AccessKey key() {
        return key;
    }

    String roleArn() {
        return roleArn;
    }

    String mfaSerial() {
        return mfaSerial;
    }

    /** The double itself, when this node runs it. */
    Optional<LocalAws> localAws() {
        return Optional.ofNullable(aws);
    }

    @Override
    public void close() {
        if (aws != null) {
            aws.close();
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return properties;
    }

    private static void store(Path file, Properties properties) {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "The demo's local AWS double: its port and the key of IAM user "
                    + BROKER_USER + " (valid only for the double)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
