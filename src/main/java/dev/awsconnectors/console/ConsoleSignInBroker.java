package dev.awsconnectors.console;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConsoleSignIn;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.connectors.BoundConnector;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.connectors.PrincipalCapabilities;
import dev.awsconnectors.i18n.Text;
import dev.awsconnectors.sts.AwsCallFailedException;
import dev.awsconnectors.sts.AwsFailures;
import dev.awsconnectors.sts.UserText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Signs a user in to the AWS Management Console with temporary credentials, through AWS's federation endpoint
 * ("custom identity broker", IAM User Guide: <i>Enable custom identity broker access to the AWS console</i>):
 * <ol>
 *   <li>{@code GET https://<sign-in host>/federation?Action=getSigninToken&Session=<URL-encoded JSON>} with the
 *       JSON {@code {"sessionId":…,"sessionKey":…,"sessionToken":…}}, plus {@code SessionDuration} (900 to 43,200
 *       seconds) for IAM Role credentials only — AWS fails the request if it is sent with GetFederationToken
 *       credentials, whose console session lasts as long as the credentials;</li>
 *   <li>the answer {@code {"SigninToken":"…"}};</li>
 *   <li>the URL {@code …/federation?Action=login&Issuer=<Jira's base URL>&Destination=<console page>&SigninToken=…},
 *       which AWS accepts for 15 minutes after it was created.</li>
 * </ol>
 * The sign-in host is the account partition's ({@code signin.aws.amazon.com}, {@code signin.amazonaws-us-gov.com},
 * {@code signin.amazonaws.cn}) or the account's {@link Account#signinEndpointOverride()}. IAM User connectors are
 * refused: AWS does not accept GetSessionToken credentials at the federation endpoint.
 *
 * <p>One attempt, no retries: a <b>connect timeout of 5 s</b> and a <b>request timeout of 10 s</b> bound the call.
 * The JVM's proxy settings apply. Failures become {@link AwsCallFailedException} with a message an administrator
 * can act on and a {@link UserText} for users who are not administrators; nothing is logged, and neither the credentials nor the sign-in token appear in any message.
 */
@Component
public class ConsoleSignInBroker {
    /** How long AWS accepts a sign-in URL after it was created. */
    public static final Duration SIGNIN_TOKEN_LIFETIME = Duration.ofMinutes(15);
    /** The shortest console session {@code SessionDuration} allows. */
    public static final int MIN_SESSION_DURATION = 900;
    /** The longest console session {@code SessionDuration} allows (12 hours). */
    public static final int MAX_SESSION_DURATION = 43_200;

    /** The refusal of a console sign-in for a type that has none (IAM User): field {@code principalType}. */
    public static InvalidCredentialsRequestException noConsoleSignIn() {
        return new InvalidCredentialsRequestException("principalType",
                UserText.of("awsc.aws.user.console.iamUser").english());
    }

    /** The timeouts of the call to the federation endpoint. */
    public record Settings(Duration connectTimeout, Duration requestTimeout) {
        public Settings {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
        }

        /** 5 s to connect, 10 s for the whole request. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(10));
        }
    }

    private final ApplicationProperties applicationProperties;
    private final Settings settings;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    public ConsoleSignInBroker(@ComponentImport ApplicationProperties applicationProperties) {
        this(applicationProperties, Settings.defaults(), Clock.systemUTC());
    }

    public ConsoleSignInBroker(ApplicationProperties applicationProperties, Settings settings, Clock clock) {
        this.applicationProperties = Objects.requireNonNull(applicationProperties, "applicationProperties");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(ProxySelector.getDefault())
                .build();
    }

    /**
     * A console sign-in URL for credentials just obtained from the connector.
     *
     * @param connector              the connector and account the credentials came from
     * @param credentials            the temporary credentials
     * @param sessionDurationSeconds how long the console session lasts; used for IAM Role connectors only (for
     *                               Federated User connectors the session lasts as long as the credentials); empty
     *                               for AWS's default
     * @throws InvalidCredentialsRequestException for IAM User connectors, or a duration outside 900–43,200 s
     * @throws AwsRequestFailedException          if the federation endpoint refused or could not be reached
     */
    public ConsoleSignIn signIn(BoundConnector connector, TemporaryCredentials credentials,
                                OptionalInt sessionDurationSeconds) {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(credentials, "credentials");
        OptionalInt duration = sessionDurationSeconds == null ? OptionalInt.empty() : sessionDurationSeconds;
        Connector c = connector.connector();
        Account account = connector.account();
        PrincipalCapabilities capabilities = PrincipalCapabilities.of(c.principalType());
        if (!capabilities.signsInToTheConsole()) {
            throw noConsoleSignIn();
        }
        boolean role = c.principalType() == PrincipalType.IAM_ROLE;
        if (role && duration.isPresent()
                && (duration.getAsInt() < MIN_SESSION_DURATION || duration.getAsInt() > MAX_SESSION_DURATION)) {
            throw new InvalidCredentialsRequestException("durationSeconds", UserText.of(
                    "awsc.aws.user.console.duration", MIN_SESSION_DURATION, MAX_SESSION_DURATION,
                    Duration.ofSeconds(MAX_SESSION_DURATION).toHours(), duration.getAsInt()).english());
        }
        Instant now = clock.instant();
        String federation = federationEndpoint(account);
        String host = URI.create(federation).getAuthority();

        Map<String, String> tokenQuery = new LinkedHashMap<>();
        tokenQuery.put("Action", "getSigninToken");
        // A role assumed with the host's role credentials is a chained session: AWS refuses any SessionDuration for
        // it ("Invalid credentials parameter") and gives the console its default hour.
        boolean chained = capabilities.roleChainingMaximumSeconds(account.type() == AccountType.HOST_ROLE).isPresent();
        if (role && duration.isPresent() && !chained) {
            tokenQuery.put("SessionDuration", Integer.toString(duration.getAsInt()));
        }
        tokenQuery.put("Session", sessionJson(credentials));
        String signinToken = signinToken(URI.create(federation + "?" + query(tokenQuery)), host, c, role);

        Map<String, String> loginQuery = new LinkedHashMap<>();
        loginQuery.put("Action", "login");
        loginQuery.put("Issuer", issuer());
        loginQuery.put("Destination", c.consoleDestination().map(URI::toString)
                .orElse("https://" + account.partition().consoleHost() + "/"));
        loginQuery.put("SigninToken", signinToken);
        URI url = URI.create(federation + "?" + query(loginQuery));

        Instant tokenExpiry = now.plus(SIGNIN_TOKEN_LIFETIME);
        Instant expiresAt = tokenExpiry.isAfter(credentials.getExpiration()) ? credentials.getExpiration()
                : tokenExpiry;
        return new ConsoleSignIn(url, expiresAt);
    }

    /** {@code https://<sign-in host>/federation}, or the account's override followed by {@code /federation}. */
    static String federationEndpoint(Account account) {
        String base = account.signinEndpointOverride().map(URI::toString)
                .orElse("https://" + account.partition().signinHost());
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/federation";
    }

    private String issuer() {
        String base = applicationProperties.getBaseUrl(UrlMode.CANONICAL);
        return base == null ? "" : base;
    }

    private String sessionJson(TemporaryCredentials credentials) {
        Map<String, String> session = new LinkedHashMap<>();
        session.put("sessionId", credentials.getAccessKeyId());
        session.put("sessionKey", credentials.getSecretAccessKey());
        session.put("sessionToken", credentials.getSessionToken());
        try {
            return json.writeValueAsString(session);
        } catch (IOException e) {
            // Serialising three strings cannot fail; the message must not carry them.
            throw new IllegalStateException("Could not write the session JSON.");
        }
    }

    private String signinToken(URI uri, String host, Connector connector, boolean role) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AwsCallFailedException.of(Text.of("awsc.aws.admin.console.interrupted", connector.name(), host),
                    UserText.of("awsc.aws.user.console.interrupted"), "interrupted", null, null);
        } catch (IOException e) {
            throw ConsoleFailures.unreachable(e, host, settings);
        }
        int status = response.statusCode();
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElse(null);
        if (status != 200) {
            throw ConsoleFailures.status(status, host, connector.name(), role, requestId);
        }
        String token = null;
        try {
            JsonNode node = json.readTree(response.body());
            JsonNode value = node == null ? null : node.get("SigninToken");
            if (value != null && value.isTextual() && !value.asText().isEmpty()) {
                token = value.asText();
            }
        } catch (IOException e) {
            token = null;
        }
        if (token == null) {
            throw AwsCallFailedException.of(Text.of("awsc.aws.admin.console.noToken", host), UserText.of("awsc.aws.user.unreadable"), AwsFailures.UNREADABLE, null,
                    requestId);
        }
        return token;
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Messages for failures of the federation endpoint. */
    static final class ConsoleFailures {
        private ConsoleFailures() {
        }

        static AwsCallFailedException unreachable(IOException e, String host, Settings settings) {
            Text reason;
            if (e instanceof HttpConnectTimeoutException) {
                reason = Text.of("awsc.aws.admin.console.connectTimeout", seconds(settings.connectTimeout()));
            } else if (e instanceof HttpTimeoutException || hasCause(e, SocketTimeoutException.class)) {
                reason = Text.of("awsc.aws.admin.console.requestTimeout", seconds(settings.requestTimeout()));
            } else if (hasCause(e, UnknownHostException.class)) {
                reason = Text.of("awsc.aws.admin.unreachable.unknownHost");
            } else if (hasCause(e, ConnectException.class)) {
                reason = Text.of("awsc.aws.admin.unreachable.refused");
            } else if (hasCause(e, NoRouteToHostException.class)) {
                reason = Text.of("awsc.aws.admin.unreachable.noRoute");
            } else {
                reason = Text.of("awsc.aws.admin.unreachable.io", e.getClass().getSimpleName());
            }
            return AwsCallFailedException.of(Text.of("awsc.aws.admin.console.unreachable", host, reason),
                    UserText.of("awsc.aws.user.console.unreachable"), AwsFailures.NOT_REACHABLE, null, null);
        }

        static AwsCallFailedException status(int status, String host, String connectorName, boolean role,
                                             String requestId) {
            Text message;
            UserText user;
            String code = String.valueOf(status);
            if (status == 401 || status == 403) {
                message = Text.of(role ? "awsc.aws.admin.console.refused.role" : "awsc.aws.admin.console.refused",
                        host, connectorName, code);
                user = UserText.of("awsc.aws.user.console.refused", status);
            } else if (status == 429) {
                message = Text.of("awsc.aws.admin.console.throttled", host, connectorName);
                user = UserText.of("awsc.aws.user.console.throttled");
            } else if (status >= 500) {
                message = Text.of("awsc.aws.admin.console.serverError", host, code);
                user = UserText.of("awsc.aws.user.console.serverError", status);
            } else {
                message = role ? Text.of("awsc.aws.admin.console.rejected.role", host, connectorName, code,
                        MIN_SESSION_DURATION, MAX_SESSION_DURATION,
                        PrincipalCapabilities.ROLE_CHAINING_MAXIMUM_SECONDS)
                        : Text.of("awsc.aws.admin.console.rejected", host, connectorName, code);
                user = UserText.of("awsc.aws.user.console.refused", status);
            }
            return AwsCallFailedException.of(message, user, "the federation endpoint answered HTTP " + status, null,
                    requestId);
        }

        private static String seconds(Duration duration) {
            long millis = duration.toMillis();
            return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
        }

        private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }
    }
}
