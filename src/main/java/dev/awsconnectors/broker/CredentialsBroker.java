package dev.awsconnectors.broker;

import dev.awsconnectors.access.AccessDecision;
import dev.awsconnectors.access.Caller;
import dev.awsconnectors.access.CallerAccess;
import dev.awsconnectors.access.ConnectorAccess;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.api.AwsConnectorService;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.ConsoleSignIn;
import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.audit.CredentialsAudit;
import dev.awsconnectors.audit.RequestOrigin;
import dev.awsconnectors.connectors.BoundConnector;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.connectors.ConnectorDirectory;
import dev.awsconnectors.connectors.PrincipalCapabilities;
import dev.awsconnectors.console.ConsoleSignInBroker;
import dev.awsconnectors.sts.AwsCallFailedException;
import dev.awsconnectors.sts.CredentialsCall;
import dev.awsconnectors.sts.CredentialsIssuer;
import dev.awsconnectors.sts.SessionOwner;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The credential broker: the one entry behind the exported {@link AwsConnectorService} (see
 * {@link ExportedConnectorService}), the app's own pages and its REST resources, so every path runs the same access
 * rules, limits, cache and audit. Each method takes the {@link RequestOrigin} of the request, which the audit records.
 *
 * <p>Per request: read the connector and its account (one read, so an edit on any node counts at once), decide
 * access, resolve the duration, then answer from the cache or call STS. Connectors with an MFA device always reach
 * STS, so each request proves the code anew; console sign-ins always get fresh credentials.
 *
 * <p>{@link #systemCredentials} is for code, not people: it is the calling app's decision to use it, also on a
 * thread that serves a user's request, and AWS sees {@value AwsConnectorService#SYSTEM_SESSION_NAME}, not the
 * user.
 *
 * <p>Every credentials request and console sign-in is audited once, allowed or refused, through
 * {@link CredentialsAudit}: after the decision, outside the cache's locks, cache hits included. The audit gets the
 * administrator's account of an AWS failure ({@link AwsCallFailedException#adminMessage()}); a caller who is not a
 * Jira administrator is then told only what they can do ({@link AwsCallFailedException#forUser()}), on every path:
 * the pages, the REST API and the exported service. Administrators, and system-scope callers (code, whose log an
 * administrator reads), keep the details.
 */
@Component
public class CredentialsBroker {
    private final ConnectorDirectory directory;
    private final ConnectorAccess access;
    private final CredentialsIssuer issuer;
    private final ConsoleSignInBroker console;
    private final CredentialsCache cache;
    private final CredentialsAudit audit;

    public CredentialsBroker(ConnectorDirectory directory, ConnectorAccess access, CredentialsIssuer issuer,
                                      ConsoleSignInBroker console, CredentialsCache cache, CredentialsAudit audit) {
        this.directory = directory;
        this.access = access;
        this.issuer = issuer;
        this.console = console;
        this.cache = cache;
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * As {@link AwsConnectorService#getUsableConnectors()}: every connector the current user may use, sorted by name.
     * Jira is asked once whether they administer it; an administrator's list is every connector, anyone else's is
     * selected by the groups they are in (Jira is asked about each group name once), from the list the directory
     * keeps while no connector changes, so that the list costs the same few statements whatever the number of
     * connectors.
     */
    public List<ConnectorSummary> usableConnectors() {
        CallerAccess caller = access.resolve(access.currentCaller());
        if (!caller.caller().isUser()) {
            return List.of();
        }
        List<Connector> candidates = caller.isAdministrator() ? directory.all()
                : directory.namingAnyGroup(caller::isMemberOf);
        return candidates.stream()
                .filter(connector -> caller.decide(connector).isAllowed())
                .map(CredentialsBroker::summaryOf)
                .collect(Collectors.toList());
    }

    /**
     * The region of the AWS account behind a connector the current user may use, for the AWS CLI profile the page
     * offers; empty for a connector that does not exist or is not theirs.
     */
    public Optional<String> region(UUID connectorId) {
        Caller caller = access.currentCaller();
        return directory.find(Objects.requireNonNull(connectorId, "connectorId"))
                .filter(bound -> access.decide(caller, bound.connector()).isAllowed())
                .map(bound -> bound.account().region());
    }

    /** As {@link AwsConnectorService#getCredentials}, for a request that came in through {@code origin}. */
    public TemporaryCredentials credentials(UUID connectorId, CredentialsRequest request, RequestOrigin origin) {
        return issue(connectorId, request, origin).credentials();
    }

    /**
     * As {@link #credentials}, audited the same way, also answering the connector and account the credentials were
     * issued from, for a caller that goes on to use them (the connector's "Test").
     */
    public IssuedCredentials issue(UUID connectorId, CredentialsRequest request, RequestOrigin origin) {
        Caller caller = access.currentCaller();
        CredentialsAudit.Attempt attempt = audit.credentials(caller, connectorId, origin);
        try {
            IssuedCredentials issued = credentialsFor(caller, connectorId, request, attempt);
            attempt.issued(issued.credentials());
            return issued;
        } catch (RuntimeException e) {
            throw shownTo(caller, attempt.failed(e));
        }
    }

    /** As {@link AwsConnectorService#getSystemCredentials}, for the app that {@code origin} names. */
    public TemporaryCredentials systemCredentials(UUID connectorId, CredentialsRequest request,
                                                  RequestOrigin origin) {
        Caller caller = Caller.system();
        CredentialsAudit.Attempt attempt = audit.credentials(caller, connectorId, origin);
        try {
            Objects.requireNonNull(request, "request");
            if (request.getMfaCode().isPresent()) {
                throw new InvalidCredentialsRequestException("mfaCode",
                        "System-scope requests cannot carry an MFA code: there is no person to type one.");
            }
            return attempt.issued(credentialsFor(caller, connectorId, request, attempt).credentials());
        } catch (RuntimeException e) {
            throw attempt.failed(e);
        }
    }

    /** As {@link AwsConnectorService#getConsoleSignIn}, for a request that came in through {@code origin}. */
    public ConsoleSignIn consoleSignIn(UUID connectorId, CredentialsRequest request, RequestOrigin origin) {
        Caller caller = access.currentCaller();
        CredentialsAudit.Attempt attempt = audit.consoleSignIn(caller, connectorId, origin);
        try {
            Objects.requireNonNull(request, "request");
            BoundConnector bound = allowed(caller, connectorId, attempt);
            if (!PrincipalCapabilities.of(bound.connector().principalType()).signsInToTheConsole()) {
                throw ConsoleSignInBroker.noConsoleSignIn();
            }
            OptionalInt duration = resolveDuration(bound, request);
            attempt.duration(duration);
            // Fresh credentials: a federated user's console session ends with its credentials, so cached ones near
            // their refresh margin would give a session of minutes.
            TemporaryCredentials credentials = issuer.issue(callFor(bound, ownerOf(caller), duration, request));
            return attempt.signedIn(console.signIn(bound, credentials, duration), credentials);
        } catch (RuntimeException e) {
            throw shownTo(caller, attempt.failed(e));
        }
    }

    /** The failure as the caller is to read it: an AWS failure in the user's words unless they administer Jira. */
    private RuntimeException shownTo(Caller caller, RuntimeException failure) {
        if (failure instanceof AwsCallFailedException aws && caller.isUser() && !access.isAdministrator(caller)) {
            return aws.forUser();
        }
        return failure;
    }

    private IssuedCredentials credentialsFor(Caller caller, UUID connectorId, CredentialsRequest request,
                                             CredentialsAudit.Attempt attempt) {
        Objects.requireNonNull(request, "request");
        BoundConnector bound = allowed(caller, connectorId, attempt);
        OptionalInt duration = resolveDuration(bound, request);
        attempt.duration(duration);
        CredentialsCall call = callFor(bound, ownerOf(caller), duration, request);
        if (bound.connector().mfaSerialNumber().isPresent()) {
            return new IssuedCredentials(bound, issuer.issue(call));
        }
        // Whether this thread called STS; otherwise the cache (or a concurrent request's call) answered.
        AtomicBoolean calledSts = new AtomicBoolean();
        TemporaryCredentials credentials = cache.get(CredentialsKey.of(bound, call.owner(), duration), () -> {
            calledSts.set(true);
            return issuer.issue(call);
        });
        attempt.fromCache(!calledSts.get());
        return new IssuedCredentials(bound, credentials);
    }

    private static OptionalInt resolveDuration(BoundConnector bound, CredentialsRequest request) {
        return DurationPolicy.resolve(bound.connector(), bound.account().type() == AccountType.HOST_ROLE, request);
    }

    private BoundConnector allowed(Caller caller, UUID connectorId, CredentialsAudit.Attempt attempt) {
        Objects.requireNonNull(connectorId, "connectorId");
        BoundConnector bound = directory.find(connectorId)
                .orElseThrow(() -> new ConnectorNotFoundException(connectorId));
        attempt.connector(bound);
        AccessDecision decision = access.decide(caller, bound.connector());
        attempt.decision(decision);
        decision.enforce();
        return bound;
    }

    private static CredentialsCall callFor(BoundConnector bound, SessionOwner owner, OptionalInt duration,
                                           CredentialsRequest request) {
        if (request.getMfaCode().isPresent() && bound.connector().mfaSerialNumber().isEmpty()) {
            throw new InvalidCredentialsRequestException("mfaCode",
                    "This connector does not use MFA; send the request without an MFA code.");
        }
        return new CredentialsCall(bound, owner, duration, request.getMfaCode());
    }

    private static SessionOwner ownerOf(Caller caller) {
        return caller.isSystem() ? SessionOwner.system() : SessionOwner.jiraUser(caller.userName().orElseThrow());
    }

    private static ConnectorSummary summaryOf(Connector connector) {
        PrincipalType type = connector.principalType();
        return ConnectorSummary.builder(connector.id(), connector.name(), type)
                .description(connector.description().orElse(""))
                .maxDuration(connector.maxDurationSeconds().isPresent()
                        ? Duration.ofSeconds(connector.maxDurationSeconds().getAsInt()) : null)
                .consoleSignInAvailable(PrincipalCapabilities.of(type).signsInToTheConsole())
                .mfaRequired(connector.mfaSerialNumber().isPresent())
                .systemScope(connector.systemScope())
                .build();
    }
}
