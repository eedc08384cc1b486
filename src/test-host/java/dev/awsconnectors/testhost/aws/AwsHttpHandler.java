package dev.awsconnectors.testhost.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one HTTP entry point: {@code /} serves STS and IAM (AWS query protocol, told apart as AWS's two endpoints
 * would be: by the Version and Action of the request, never by the credential scope, which must then name the
 * endpoint's service), {@code /federation} serves console sign-in. Every request is authenticated, may meet
 * an injected failure, is answered in AWS's shapes and is recorded.
 */
final class AwsHttpHandler implements HttpHandler {

    private final Authenticator authenticator;
    private final StsActions sts;
    private final IamActions iam;
    private final FederationEndpoint federation;
    private final FailureInjector failures;
    private final Recorder recorder;
    private final Ids ids;
    private final Clock clock;

    AwsHttpHandler(Authenticator authenticator, StsActions sts, IamActions iam, FederationEndpoint federation,
                   FailureInjector failures, Recorder recorder, Ids ids, Clock clock) {
        this.authenticator = authenticator;
        this.sts = sts;
        this.iam = iam;
        this.federation = federation;
        this.failures = failures;
        this.recorder = recorder;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant received = clock.instant();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getRawPath();
            if ("/federation".equals(path)) {
                handleFederation(exchange, received);
            } else if ("/".equals(path)) {
                handleQuery(exchange, body, received);
            } else {
                send(exchange, HttpAnswer.text(404, "Not Found"), null);
            }
        }
    }

    private void handleQuery(HttpExchange exchange, byte[] body, Instant received) throws IOException {
        String requestId = ids.requestId();
        Map<String, String> params = new LinkedHashMap<>(FormCodec.parse(exchange.getRequestURI().getRawQuery()));
        params.putAll(FormCodec.parse(new String(body, StandardCharsets.UTF_8)));
        String action = params.get("Action");
        String service = endpointFor(action, params.get("Version"));

        Authenticator.Outcome auth;
        try {
            String payloadHash = SigV4Verifier.payloadHash(exchange.getRequestHeaders(), body);
            auth = authenticator.authenticate(new SigV4.SignableRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), payloadHash), service);
        } catch (AwsException e) {
            auth = new Authenticator.Outcome(null, null, null, e);
        }
        String namespace = "iam".equals(service) ? IamActions.NAMESPACE : StsActions.NAMESPACE;

        Optional<Failure> failure = failures.take(action);
        HttpAnswer answer;
        String errorCode = null;
        if (failure.isPresent() && failure.get().kind() != Failure.Kind.DELAY) {
            answer = injectedAnswer(failure.get(), action, namespace, requestId);
            errorCode = errorCodeOf(failure.get());
        } else {
            failure.ifPresent(delay -> sleep(delay));
            try {
                answer = HttpAnswer.xml(200, dispatch(service, action, params, auth, requestId));
            } catch (AwsException e) {
                errorCode = e.code();
                answer = HttpAnswer.xml(e.status(), errorXml(namespace, e, requestId));
            }
        }
        // Recorded before answering, so that a client that has its answer also finds its request recorded.
        recorder.record(new RecordedRequest(received, service, action, params, auth.accessKeyId(),
                auth.signatureValid(), answer == null ? 0 : answer.status(), errorCode,
                failure.map(Failure::toString).orElse(null)));
        if (answer == null) {
            // Throwing from the handler makes the JDK server drop the connection without a status line, which
            // the client sees as the server going away mid-request.
            throw new IOException("connection closed without an answer, as injected");
        }
        send(exchange, answer, requestId);
    }

    private String dispatch(String service, String action, Map<String, String> params, Authenticator.Outcome auth,
                            String requestId) {
        boolean isSts = "sts".equals(service);
        if (isSts && StsActions.VERSION.equals(params.get("Version")) && StsActions.UNSIGNED_ACTIONS.contains(action)) {
            return sts.handleUnsigned(action, params, requestId);
        }
        if (auth.error() != null) {
            throw auth.error();
        }
        if (action == null) {
            throw new AwsException(400, "MissingAction", "Missing Action", true);
        }
        String version = params.get("Version");
        List<String> actions = isSts ? StsActions.ACTIONS : IamActions.ACTIONS;
        if (!(isSts ? StsActions.VERSION : IamActions.VERSION).equals(version) || !actions.contains(action)) {
            throw AwsErrors.invalidAction(action, version);
        }
        return isSts ? sts.handle(action, params, auth.caller(), requestId)
                : iam.handle(action, params, auth.caller(), requestId);
    }

    private void handleFederation(HttpExchange exchange, Instant received) throws IOException {
        Map<String, String> params = FormCodec.parse(exchange.getRequestURI().getRawQuery());
        String action = params.get("Action");
        String accessKeyId = federation.accessKeyIdOf(params).orElse(null);
        Optional<Failure> failure = failures.take(action);
        HttpAnswer answer;
        if (failure.isPresent() && failure.get().kind() != Failure.Kind.DELAY) {
            answer = switch (failure.get().kind()) {
                case CLOSE_CONNECTION -> null;
                case INTERNAL_FAILURE -> HttpAnswer.text(500, "Internal Failure");
                case SERVICE_UNAVAILABLE -> HttpAnswer.text(503, "Service Unavailable");
                case THROTTLING -> HttpAnswer.text(429, "Rate exceeded");
                case AWS_ERROR -> HttpAnswer.text(failure.get().error().status(), failure.get().error().getMessage());
                default -> HttpAnswer.json(200, "{\"SigninToken\":\"");
            };
        } else {
            failure.ifPresent(delay -> sleep(delay));
            answer = federation.handle(exchange.getRequestMethod(), params);
        }
        recorder.record(new RecordedRequest(received, "signin", action, params, accessKeyId, false,
                answer == null ? 0 : answer.status(), null, failure.map(Failure::toString).orElse(null)));
        if (answer == null) {
            throw new IOException("connection closed without an answer, as injected");
        }
        send(exchange, answer, null);
    }

    /** The answer a failure calls for; null when the connection is to be closed without one. */
    private static HttpAnswer injectedAnswer(Failure failure, String action, String namespace, String requestId) {
        AwsException error = switch (failure.kind()) {
            case INTERNAL_FAILURE -> AwsErrors.internalFailure();
            case SERVICE_UNAVAILABLE -> AwsErrors.serviceUnavailable();
            case THROTTLING -> AwsErrors.throttling();
            case AWS_ERROR -> failure.error();
            default -> null;
        };
        if (error != null) {
            return HttpAnswer.xml(error.status(), errorXml(namespace, error, requestId));
        }
        if (failure.kind() == Failure.Kind.HTML_SERVER_ERROR) {
            return new HttpAnswer(500, "text/html; charset=UTF-8", "<html><head><title>500 Internal Server Error"
                    + "</title></head><body><h1>Internal Server Error</h1></body></html>", null);
        }
        if (failure.kind() == Failure.Kind.MALFORMED_BODY) {
            String name = action == null ? "Unknown" : action;
            return HttpAnswer.xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + name + "Response xmlns=\""
                    + namespace + "\"><" + name + "Result><Credentials><AccessKeyId>ASIA");
        }
        return null;
    }

    private static String errorCodeOf(Failure failure) {
        return switch (failure.kind()) {
            case INTERNAL_FAILURE -> "InternalFailure";
            case SERVICE_UNAVAILABLE -> "ServiceUnavailable";
            case THROTTLING -> "Throttling";
            case AWS_ERROR -> failure.error().code();
            default -> null;
        };
    }

    /** AWS's query-protocol error document. */
    static String errorXml(String namespace, AwsException error, String requestId) {
        return Xml.document().open("ErrorResponse", namespace)
                .open("Error")
                .element("Type", error.type())
                .element("Code", error.code())
                .element("Message", error.getMessage())
                .close()
                .element("RequestId", requestId)
                .close()
                .toXml();
    }

    /**
     * Which of AWS's endpoints the request is for, as its host would say in AWS: the API version names the service
     * ({@code 2011-06-15} STS, {@code 2010-05-08} IAM); without a known version, the action does.
     */
    static String endpointFor(String action, String version) {
        if (StsActions.VERSION.equals(version)) {
            return "sts";
        }
        if (IamActions.VERSION.equals(version)) {
            return "iam";
        }
        return IamActions.ACTIONS.contains(action) ? "iam" : "sts";
    }

    private static void sleep(Failure delay) {
        try {
            Thread.sleep(delay.delayDuration().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, HttpAnswer answer, String requestId) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        if (requestId != null) {
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        }
        if (answer.location() != null) {
            exchange.getResponseHeaders().set("Location", answer.location());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
