package dev.awsconnectors.console;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConsoleSignIn;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.connectors.BoundConnector;
import dev.awsconnectors.connectors.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import dev.awsconnectors.sts.AwsCallFailedException;
import dev.awsconnectors.connectors.PrincipalCapabilities;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console flow against a small federation endpoint on 127.0.0.1 that answers as AWS documents it; the full
 * flow against the local AWS double, with credentials it issued, is in {@code ConsoleSignInThroughLocalAwsTest}.
 */
class ConsoleSignInBrokerTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+token";
    private static final TemporaryCredentials CREDENTIALS = new TemporaryCredentials("ASIAIOSFODNN7EXAMPLE", SECRET,
            SESSION_TOKEN, NOW.plus(Duration.ofHours(1)), "arn:aws:sts::123456789012:federated-user/alice");

    private final List<URI> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{\"SigninToken\":\"token-123_-abc\"}";
    private volatile Duration delay = Duration.ZERO;
    private HttpServer server;
    private ConsoleSignInBroker broker;

    private static final ApplicationProperties JIRA = new ApplicationProperties() {
        @Override
        public String getBaseUrl(UrlMode urlMode) {
            return urlMode == UrlMode.CANONICAL ? "https://jira.example.com/jira" : "http://node-1:8080/jira";
        }

        @Override
        public String getDisplayName() {
            return "Jira";
        }

        @Override
        public Optional<Path> getLocalHomeDirectory() {
            return Optional.empty();
        }

        @Override
        public Optional<Path> getSharedHomeDirectory() {
            return Optional.empty();
        }
    };

    @BeforeEach
    void startFederationEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/federation", exchange -> {
            requests.add(exchange.getRequestURI());
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException ignored) {
                // The client gave up (timeout test).
            }
        });
        server.start();
        broker = new ConsoleSignInBroker(JIRA, new ConsoleSignInBroker.Settings(Duration.ofSeconds(2),
                Duration.ofMillis(500)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stopFederationEndpoint() {
        server.stop(0);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private Account account() {
        return Account.builder().name("Prod").type(AccountType.ACCESS_KEY).accessKeyId("AKIAIOSFODNN7EXAMPLE")
                .partition(Partition.AWS).region("eu-west-1").signinEndpointOverride(URI.create(endpoint())).build();
    }

    private BoundConnector connector(PrincipalType type, URI destination) {
        Account account = account();
        Connector.Builder connector = Connector.builder().name("Dev").accountId(account.id()).principalType(type)
                .consoleDestination(destination);
        if (type == PrincipalType.IAM_ROLE) {
            connector.roleArn("arn:aws:iam::123456789012:role/Dev");
        }
        return new BoundConnector(connector.build(), account);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Test
    void refusesIamUserConnectorsWithoutCallingAws() {
        assertThatThrownBy(() -> broker.signIn(connector(PrincipalType.IAM_USER, null), CREDENTIALS,
                OptionalInt.empty()))
                .isInstanceOfSatisfying(InvalidCredentialsRequestException.class, e -> {
                    assertThat(e.getField()).isEqualTo("principalType");
                    assertThat(e.getMessage()).isEqualTo("AWS does not allow console sign-in with session-token "
                            + "credentials (IAM User connectors); use a Federated User or IAM Role connector.");
                });
        assertThat(requests).isEmpty();
    }

    @Test
    void asksForASigninTokenWithTheSessionJsonAndNoSessionDurationForAFederatedUser() throws IOException {
        broker.signIn(connector(PrincipalType.FEDERATED_USER, null), CREDENTIALS, OptionalInt.of(3600));

        assertThat(requests).hasSize(1);
        Map<String, String> sent = query(requests.get(0));
        assertThat(sent.keySet()).containsExactly("Action", "Session");
        assertThat(sent.get("Action")).isEqualTo("getSigninToken");
        JsonNode session = new ObjectMapper().readTree(sent.get("Session"));
        assertThat(session.size()).isEqualTo(3);
        assertThat(session.get("sessionId").asText()).isEqualTo("ASIAIOSFODNN7EXAMPLE");
        assertThat(session.get("sessionKey").asText()).isEqualTo(SECRET);
        assertThat(session.get("sessionToken").asText()).isEqualTo(SESSION_TOKEN);
    }

    @Test
    void sendsTheSessionDurationForAnIamRole() {
        broker.signIn(connector(PrincipalType.IAM_ROLE, null), CREDENTIALS, OptionalInt.of(7200));

        Map<String, String> sent = query(requests.get(0));
        assertThat(sent.keySet()).containsExactly("Action", "SessionDuration", "Session");
        assertThat(sent.get("SessionDuration")).isEqualTo("7200");
    }

    @Test
    void leavesTheSessionDurationToAwsWhenNoneIsAsked() {
        broker.signIn(connector(PrincipalType.IAM_ROLE, null), CREDENTIALS, OptionalInt.empty());

        assertThat(query(requests.get(0)).keySet()).containsExactly("Action", "Session");
    }

    @Test
    void buildsTheLoginUrlWithJirasCanonicalBaseUrlAsIssuerAndTheDefaultConsole() {
        ConsoleSignIn signIn = broker.signIn(connector(PrincipalType.FEDERATED_USER, null), CREDENTIALS,
                OptionalInt.empty());

        URI url = signIn.getUrl();
        assertThat(url.getScheme() + "://" + url.getAuthority() + url.getPath()).isEqualTo(endpoint() + "/federation");
        Map<String, String> login = query(url);
        assertThat(login.keySet()).containsExactly("Action", "Issuer", "Destination", "SigninToken");
        assertThat(login.get("Action")).isEqualTo("login");
        assertThat(login.get("Issuer")).isEqualTo("https://jira.example.com/jira");
        assertThat(login.get("Destination")).isEqualTo("https://console.aws.amazon.com/");
        assertThat(login.get("SigninToken")).isEqualTo("token-123_-abc");
        assertThat(url.toString()).doesNotContain(SECRET).doesNotContain("ASIAIOSFODNN7EXAMPLE");
    }

    @Test
    void opensTheConnectorsConsoleDestination() {
        URI destination = URI.create("https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1");

        ConsoleSignIn signIn = broker.signIn(connector(PrincipalType.IAM_ROLE, destination), CREDENTIALS,
                OptionalInt.empty());

        assertThat(query(signIn.getUrl()).get("Destination")).isEqualTo(destination.toString());
    }

    @Test
    void theUrlExpiresFifteenMinutesAfterItWasMade() {
        ConsoleSignIn signIn = broker.signIn(connector(PrincipalType.FEDERATED_USER, null), CREDENTIALS,
                OptionalInt.empty());

        assertThat(signIn.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void theUrlExpiresNoLaterThanTheCredentials() {
        TemporaryCredentials soon = new TemporaryCredentials("ASIAIOSFODNN7EXAMPLE", SECRET, SESSION_TOKEN,
                NOW.plus(Duration.ofMinutes(5)), "arn:aws:sts::123456789012:federated-user/alice");

        ConsoleSignIn signIn = broker.signIn(connector(PrincipalType.FEDERATED_USER, null), soon,
                OptionalInt.empty());

        assertThat(signIn.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void refusesARoleSessionDurationOutsideWhatAwsAllowsBeforeCallingAws() {
        for (int seconds : new int[] {899, 43_201}) {
            assertThatThrownBy(() -> broker.signIn(connector(PrincipalType.IAM_ROLE, null), CREDENTIALS,
                    OptionalInt.of(seconds)))
                    .isInstanceOfSatisfying(InvalidCredentialsRequestException.class, e -> {
                        assertThat(e.getField()).isEqualTo("durationSeconds");
                        assertThat(e.getMessage()).isEqualTo("The console session must last between 900 and "
                                + "43200 seconds (12 hours); " + seconds + " was requested.");
                    });
        }
        assertThat(requests).isEmpty();
    }

    @Test
    void usesThePartitionsFederationEndpoint() {
        Account.Builder account = Account.builder().name("A").type(AccountType.ACCESS_KEY).region("x-y-1");

        assertThat(ConsoleSignInBroker.federationEndpoint(account.partition(Partition.AWS).build()))
                .isEqualTo("https://signin.aws.amazon.com/federation");
        assertThat(ConsoleSignInBroker.federationEndpoint(account.partition(Partition.AWS_US_GOV).build()))
                .isEqualTo("https://signin.amazonaws-us-gov.com/federation");
        assertThat(ConsoleSignInBroker.federationEndpoint(account.partition(Partition.AWS_CN).build()))
                .isEqualTo("https://signin.amazonaws.cn/federation");
        assertThat(ConsoleSignInBroker.federationEndpoint(account.partition(Partition.AWS)
                .signinEndpointOverride(URI.create("https://signin.proxy.example.com/")).build()))
                .isEqualTo("https://signin.proxy.example.com/federation");
    }

    @Test
    void aRefusalOfTheCredentialsSaysWhatToCheckWithoutShowingThem() {
        status = 403;
        body = "Forbidden";

        assertThatThrownBy(() -> broker.signIn(connector(PrincipalType.IAM_ROLE, null), CREDENTIALS,
                OptionalInt.empty()))
                .isInstanceOfSatisfying(AwsRequestFailedException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The AWS federation endpoint at 127.0.0.1:"
                            + server.getAddress().getPort() + " refused the temporary credentials of connector "
                            + "'Dev' (HTTP 403). They may have expired or been revoked, or AWS does not accept them "
                            + "for console sign-in (for example a role assumed with another role's credentials, "
                            + "role chaining, with a console session longer than 1 hour). Request console access "
                            + "again; if it keeps failing, check the connector's principal and the account's "
                            + "sign-in endpoint override.");
                    assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(SESSION_TOKEN);
                    assertThat(e.getAwsErrorCode()).isEmpty();
                });
    }

    @Test
    void aRejectedRequestForARoleNamesTheSessionDurationLimits() {
        status = 400;
        body = "Bad Request";

        assertThatThrownBy(() -> broker.signIn(connector(PrincipalType.IAM_ROLE, null), CREDENTIALS,
                OptionalInt.of(43_200)))
                .hasMessage("The AWS federation endpoint at 127.0.0.1:" + server.getAddress().getPort()
                        + " rejected the getSigninToken request of connector 'Dev' (HTTP 400). AWS accepts only "
                        + "unexpired credentials from AssumeRole or GetFederationToken, and a console session of 900 "
                        + "to 43,200 seconds (at most 3,600 for a role assumed by another role). Request console "
                        + "access again; if it keeps failing, check the account's sign-in endpoint override.");
    }

    @Test
    void theSessionDurationLimitsOfARejectionAreThoseTheBrokerAndTheCapabilitiesApply() {
        AwsCallFailedException rejected = ConsoleSignInBroker.ConsoleFailures.status(400, "signin.example", "Dev",
                true, null);

        assertThat(rejected.adminText().arguments()).containsExactly("signin.example", "Dev", "400",
                ConsoleSignInBroker.MIN_SESSION_DURATION, ConsoleSignInBroker.MAX_SESSION_DURATION,
                PrincipalCapabilities.ROLE_CHAINING_MAXIMUM_SECONDS);
    }

    @Test
    void aServerErrorSaysToTryAgainLater() {
        status = 503;

        assertThatThrownBy(() -> broker.signIn(connector(PrincipalType.FEDERATED_USER, null), CREDENTIALS,
                OptionalInt.empty()))
                .hasMessage("The AWS federation endpoint at 127.0.0.1:" + server.getAddress().getPort()
                        + " failed with an error on its side (HTTP 503). Try again later.");
    }

    @Test
    void anAnswerWithoutASigninTokenPointsAtTheEndpointOverride() {
        body = "<html>not the federation endpoint</html>";

        assertThatThrownBy(() -> broker.signIn(connector(PrincipalType.FEDERATED_USER, null), CREDENTIALS,
                OptionalInt.empty()))
                .hasMessage("The AWS federation endpoint at 127.0.0.1:" + server.getAddress().getPort()
                        + " answered getSigninToken without a sign-in token. Check that the account's sign-in "
                        + "endpoint override points at AWS's federation endpoint.");
    }

    @Test
    void aSlowEndpointIsGivenUpOnAfterTheRequestTimeout() {
        delay = Duration.ofMillis(1500);
        long start = System.nanoTime();

        assertThatThrownBy(() -> broker.signIn(connector(PrincipalType.FEDERATED_USER, null), CREDENTIALS,
                OptionalInt.empty()))
                .isInstanceOf(AwsRequestFailedException.class)
                .hasMessage("The AWS federation endpoint at 127.0.0.1:" + server.getAddress().getPort()
                        + " could not be reached: no answer within 500 ms. Check the network path from Jira to AWS "
                        + "(DNS, firewall, proxy) and the account's sign-in endpoint override.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
    }

    @Test
    void aRefusedConnectionSaysTheEndpointCouldNotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Account account = account().toBuilder()
                .signinEndpointOverride(URI.create("http://127.0.0.1:" + closedPort)).build();
        Connector connector = Connector.builder().name("Dev").accountId(account.id())
                .principalType(PrincipalType.FEDERATED_USER).build();

        assertThatThrownBy(() -> broker.signIn(new BoundConnector(connector, account), CREDENTIALS,
                OptionalInt.empty()))
                .isInstanceOfSatisfying(AwsRequestFailedException.class, e -> {
                    assertThat(((dev.awsconnectors.sts.AwsCallFailedException) e).adminText()).isEqualTo(
                            dev.awsconnectors.i18n.Text.of("awsc.aws.admin.console.unreachable",
                                    "127.0.0.1:" + closedPort,
                                    dev.awsconnectors.i18n.Text.of("awsc.aws.admin.unreachable.refused")));
                    assertThat(e.getAwsErrorCode()).isEmpty();
                });
    }
}
