package dev.awsconnectors.testhost.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS console federation endpoint ({@code /federation}): {@code getSigninToken} exchanges temporary credentials
 * for a sign-in token, {@code login} redeems the token with a redirect to the console destination.
 *
 * <p>AWS's rules the double keeps: only credentials from AssumeRole or GetFederationToken can sign in (those from
 * GetSessionToken and long-term keys cannot); {@code SessionDuration} (900..43200) is accepted only for role
 * sessions, and not for a role session obtained with temporary credentials (role chaining); a sign-in token is good
 * for 15 minutes.
 *
 * <p>On role chaining, the IAM User Guide ("Enable custom identity broker access to the AWS console") says the
 * {@code AssumeRole*} call must be made "as an IAM user with long-term credentials. Otherwise, the call to the
 * federation endpoint in step 3 fails", and AWS's Knowledge Center article on "Invalid credentials parameter" narrows
 * it down: credentials of a role assumed with another role's credentials get {@code HTTP Status 400 - Invalid
 * credentials parameter} when a {@code SessionDuration} is given (any value), and a console session of the default
 * one hour without it. The double applies it to every role session AssumeRole issued to temporary credentials.
 */
final class FederationEndpoint {

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    /** AWS's words when the credentials cannot make the console session asked for. */
    static final String INVALID_CREDENTIALS = "Invalid credentials parameter";

    /** A sign-in token handed out, and the session it signs in to. */
    record SigninToken(String accessKeyId, Instant issuedAt, Integer sessionDurationSeconds) {
    }

    private final IssuedCredentials issued;
    private final Ids ids;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, SigninToken> tokens = new ConcurrentHashMap<>();

    FederationEndpoint(IssuedCredentials issued, Ids ids, Clock clock) {
        this.issued = issued;
        this.ids = ids;
        this.clock = clock;
    }

    /** The access key id a request is about, for the recorder: the session's id, or the token's. */
    Optional<String> accessKeyIdOf(Map<String, String> params) {
        if ("login".equals(params.get("Action"))) {
            return Optional.ofNullable(params.get("SigninToken")).map(tokens::get).map(SigninToken::accessKeyId);
        }
        return Optional.ofNullable(params.get("Session")).flatMap(this::sessionJson)
                .map(node -> node.path("sessionId").asText(null));
    }

    HttpAnswer handle(String method, Map<String, String> params) {
        if (!"GET".equals(method)) {
            return HttpAnswer.text(405, "Method Not Allowed");
        }
        String action = params.get("Action");
        if ("getSigninToken".equals(action)) {
            return getSigninToken(params);
        }
        if ("login".equals(action)) {
            return login(params);
        }
        return HttpAnswer.text(400, "Unsupported Action: " + action);
    }

    private HttpAnswer getSigninToken(Map<String, String> params) {
        Optional<JsonNode> session = Optional.ofNullable(params.get("Session")).flatMap(this::sessionJson);
        if (session.isEmpty()) {
            return HttpAnswer.text(400, "The Session parameter must be the JSON of sessionId, sessionKey and "
                    + "sessionToken");
        }
        String sessionId = session.get().path("sessionId").asText("");
        String sessionKey = session.get().path("sessionKey").asText("");
        String sessionToken = session.get().path("sessionToken").asText("");
        Optional<IssuedCredentials.Session> credentials = issued.find(sessionId)
                .filter(s -> s.secretAccessKey().equals(sessionKey) && s.sessionToken().equals(sessionToken));
        if (credentials.isEmpty()) {
            return HttpAnswer.text(400, "The session credentials are not valid temporary credentials");
        }
        IssuedCredentials.Session found = credentials.get();
        if (found.expiredAt(clock.instant())) {
            return HttpAnswer.text(400, "The session credentials have expired");
        }
        if (found.type() == CredentialType.SESSION_TOKEN) {
            return HttpAnswer.text(400, "Credentials from GetSessionToken cannot be used to sign in to the console");
        }
        Integer duration = null;
        String requested = params.get("SessionDuration");
        if (requested != null) {
            if (found.type() != CredentialType.ROLE_SESSION) {
                return HttpAnswer.text(400, "SessionDuration is valid only for credentials of a role session");
            }
            if (found.chained()) {
                return HttpAnswer.text(400, INVALID_CREDENTIALS + ": SessionDuration cannot be used with credentials "
                        + "of a role assumed by role chaining (AssumeRole signed with temporary credentials); leave "
                        + "it out for the default one-hour console session");
            }
            try {
                duration = Integer.parseInt(requested);
            } catch (NumberFormatException e) {
                return HttpAnswer.text(400, "SessionDuration must be a number of seconds");
            }
            if (duration < 900 || duration > 43200) {
                return HttpAnswer.text(400, "SessionDuration must be between 900 and 43200 seconds");
            }
        }
        String token = ids.signinToken();
        tokens.put(token, new SigninToken(found.accessKeyId(), clock.instant(), duration));
        return HttpAnswer.json(200, json.createObjectNode().put("SigninToken", token).toString());
    }

    private HttpAnswer login(Map<String, String> params) {
        SigninToken token = Optional.ofNullable(params.get("SigninToken")).map(tokens::get).orElse(null);
        Instant now = clock.instant();
        if (token == null || now.isAfter(token.issuedAt().plus(TOKEN_LIFETIME))) {
            return HttpAnswer.text(400, "The sign-in token is not valid or has expired");
        }
        boolean sessionExpired = issued.find(token.accessKeyId()).map(s -> s.expiredAt(now)).orElse(true);
        if (sessionExpired) {
            return HttpAnswer.text(400, "The session behind the sign-in token has expired");
        }
        String destination = params.get("Destination");
        if (destination == null || !isWebUrl(destination)) {
            return HttpAnswer.text(400, "Destination must be an absolute http(s) URL");
        }
        return HttpAnswer.redirect(destination);
    }

    private Optional<JsonNode> sessionJson(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
