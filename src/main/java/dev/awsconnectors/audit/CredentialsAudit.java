package dev.awsconnectors.audit;

import com.atlassian.audit.api.AuditService;
import com.atlassian.audit.entity.AuditAttribute;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.AuditType;
import com.atlassian.audit.entity.CoverageArea;
import com.atlassian.audit.entity.CoverageLevel;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.awsconnectors.access.AccessDecision;
import dev.awsconnectors.access.Caller;
import dev.awsconnectors.api.AccountSecretUnavailableException;
import dev.awsconnectors.api.AwsConnectorException;
import dev.awsconnectors.api.AwsConnectorService;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConnectorAccessDeniedException;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.ConsoleSignIn;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.connectors.BoundConnector;
import dev.awsconnectors.sts.AwsCallFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Records every credentials request and console sign-in the broker decides, allowed or refused, in Jira's audit log
 * (through {@link AuditService}) and as one INFO line of the application log.
 *
 * <p><b>The event.</b> Category {@value AuditNames#CATEGORY} ("AWS Connectors"), level {@link CoverageLevel#BASE};
 * action "AWS credentials issued" / "AWS credentials refused" / "AWS console sign-in" / "AWS console sign-in
 * refused". Coverage area: {@link CoverageArea#END_USER_ACTIVITY} when credentials or a sign-in were handed out
 * (a user, or an app, used the app as intended), {@link CoverageArea#SECURITY} for every refusal — by the access
 * rules, for an invalid request, an unknown connector id, or because AWS refused or failed — so that an instance
 * that audits only security events still sees each refusal and each probe. Affected objects: the connector and its
 * account (name and id); for an unknown connector id, the id alone. Attributes:
 * <ul>
 *   <li>requested by: the Jira user name, {@code anonymous}, or for
 *       {@link AwsConnectorService#getSystemCredentials} the calling app with {@code (system scope)}, e.g.
 *       {@code com.example.reports (system scope)};</li>
 *   <li>source: {@code API}, {@code REST} or {@code web} — see {@link RequestOrigin};</li>
 *   <li>calling app: for the exported service, the app whose bundle OSGi handed the service to (its plugin key),
 *       also when it acts for the current user;</li>
 *   <li>when issued: the access rule that allowed (administrator, group member and the group, system scope), the
 *       principal ARN, the temporary access key ID (not a secret: it is what CloudTrail shows, so events can be
 *       matched with AWS's own log), the expiry, the requested duration, and whether the credentials came from the
 *       cache (a cache hit is still a user obtaining credentials);</li>
 *   <li>when refused: the kind of refusal, the reason (the access rule, the request field at fault, AWS's error
 *       code, or in words why the account's secret could not be read), the message the caller was shown (the API's
 *       messages never hold a secret) and AWS's request id.</li>
 * </ul>
 * Never in an event or a log line: a secret access key, a session token, an MFA code, a console sign-in URL (its
 * token signs a browser in) — this class is never given any of them.
 *
 * <p><b>Cost.</b> One small object per request, one event handed to the host's {@link AuditService} and one log
 * line, after the decision and outside the credentials cache's locks; this class itself writes nothing to the
 * database (how the host stores the event is its concern).
 *
 * <p><b>If the host cannot audit.</b> An issue that cannot be audited is not handed out: the audit service's
 * exception reaches the caller (fail closed). A refusal stays a refusal: the caller gets the refusal, with the
 * audit failure attached as a suppressed exception and logged.
 */
@Component
public class CredentialsAudit {
    static final String CREDENTIALS_ISSUED = "awsc.audit.credentials.issued";
    static final String CREDENTIALS_DENIED = "awsc.audit.credentials.denied";
    static final String CONSOLE_SIGNED_IN = "awsc.audit.console.signedIn";
    static final String CONSOLE_DENIED = "awsc.audit.console.denied";

    static final String REQUESTED_BY = "awsc.audit.attribute.requestedBy";
    static final String SOURCE = "awsc.audit.attribute.source";
    static final String CALLING_APP = "awsc.audit.attribute.callingApp";
    static final String PRINCIPAL_TYPE = "awsc.audit.attribute.principalType";
    static final String ACCESS = "awsc.audit.attribute.access";
    static final String PRINCIPAL_ARN = "awsc.audit.attribute.principalArn";
    static final String ACCESS_KEY_ID = "awsc.audit.attribute.accessKeyId";
    static final String EXPIRY = "awsc.audit.attribute.expiry";
    static final String DURATION = "awsc.audit.attribute.durationSeconds";
    static final String FROM_CACHE = "awsc.audit.attribute.fromCache";
    static final String DENIAL = "awsc.audit.attribute.denial";
    static final String REASON = "awsc.audit.attribute.reason";
    static final String DETAILS = "awsc.audit.attribute.details";
    static final String AWS_REQUEST_ID = "awsc.audit.attribute.awsRequestId";

    /** What {@link #REQUESTED_BY} adds to the calling app for {@link AwsConnectorService#getSystemCredentials}. */
    static final String SYSTEM_SCOPE = "(system scope)";
    /** The calling app when OSGi did not name one (the service was not obtained from OSGi). */
    static final String UNIDENTIFIED_APP = "unidentified app";
    static final String ANONYMOUS = "anonymous";

    /** Kinds of refusal, the value of {@link #DENIAL}. */
    enum Denial { ACCESS_DENIED, INVALID_REQUEST, AWS_FAILED, CONNECTOR_NOT_FOUND, SECRET_UNAVAILABLE, ERROR }

    private static final Logger LOG = LoggerFactory.getLogger(CredentialsAudit.class);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final AuditService auditService;
    private volatile Logger log = LOG;

    public CredentialsAudit(@ComponentImport AuditService auditService) {
        this.auditService = Objects.requireNonNull(auditService, "auditService");
    }

    /** For tests: where the log lines go instead of this class's SLF4J logger. */
    void logTo(Logger logger) {
        this.log = Objects.requireNonNull(logger, "logger");
    }

    /** Starts the record of a credentials request that came in through {@code origin}. */
    public Attempt credentials(Caller caller, UUID connectorId, RequestOrigin origin) {
        return new Attempt(Kind.CREDENTIALS, caller, connectorId, origin);
    }

    /** Starts the record of a console sign-in that came in through {@code origin}. */
    public Attempt consoleSignIn(Caller caller, UUID connectorId, RequestOrigin origin) {
        return new Attempt(Kind.CONSOLE, caller, connectorId, origin);
    }

    private enum Kind {
        CREDENTIALS(CREDENTIALS_ISSUED, CREDENTIALS_DENIED, "AWS credentials issued", "AWS credentials refused"),
        CONSOLE(CONSOLE_SIGNED_IN, CONSOLE_DENIED, "AWS console sign-in", "AWS console sign-in refused");

        private final AuditType allowed;
        private final AuditType denied;
        private final String allowedLine;
        private final String deniedLine;

        Kind(String allowedKey, String deniedKey, String allowedLine, String deniedLine) {
            this.allowed = AuditType.fromI18nKeys(CoverageArea.END_USER_ACTIVITY, CoverageLevel.BASE,
                    AuditNames.CATEGORY, allowedKey).build();
            this.denied = AuditType.fromI18nKeys(CoverageArea.SECURITY, CoverageLevel.BASE, AuditNames.CATEGORY,
                    deniedKey).build();
            this.allowedLine = allowedLine;
            this.deniedLine = deniedLine;
        }
    }

    /** One attribute of an event, also a {@code name=value} pair of the log line. */
    private record Attribute(String i18nKey, String value) {
        String logName() {
            return i18nKey.substring(i18nKey.lastIndexOf('.') + 1);
        }
    }

    /**
     * One request, from its start to its single outcome: the broker tells it what it learns (the connector, the
     * access decision, the duration, whether the cache answered), then exactly one of {@link #issued},
     * {@link #signedIn} or {@link #failed}. Later outcomes are ignored, so a failure while auditing an issue is not
     * audited twice. Not thread-safe: one request, one thread.
     */
    public final class Attempt {
        private final Kind kind;
        private final Caller caller;
        private final UUID connectorId;
        private final RequestOrigin origin;
        private BoundConnector bound;
        private AccessDecision decision;
        private OptionalInt duration;
        private boolean fromCache;
        private boolean recorded;

        private Attempt(Kind kind, Caller caller, UUID connectorId, RequestOrigin origin) {
            this.kind = kind;
            this.caller = Objects.requireNonNull(caller, "caller");
            this.connectorId = connectorId;
            this.origin = Objects.requireNonNull(origin, "origin");
        }

        /** The connector and account the request was for, once read. */
        public void connector(BoundConnector bound) {
            this.bound = bound;
        }

        /** The access rules' decision. */
        public void decision(AccessDecision decision) {
            this.decision = decision;
        }

        /** The duration sent to AWS; empty for AWS's default. */
        public void duration(OptionalInt duration) {
            this.duration = duration;
        }

        /** Whether the credentials were answered from the cache (or shared with a concurrent request). */
        public void fromCache(boolean fromCache) {
            this.fromCache = fromCache;
        }

        /** Records the credentials handed out, then returns them. */
        public TemporaryCredentials issued(TemporaryCredentials credentials) {
            List<Attribute> attributes = common();
            granted(attributes, credentials);
            attributes.add(new Attribute(FROM_CACHE, Boolean.toString(fromCache)));
            record(kind.allowed, kind.allowedLine, attributes);
            return credentials;
        }

        /** Records a console sign-in with {@code credentials}, then returns the sign-in. */
        public ConsoleSignIn signedIn(ConsoleSignIn signIn, TemporaryCredentials credentials) {
            List<Attribute> attributes = common();
            // The URL carries a sign-in token: only the credentials' principal and expiry are recorded.
            granted(attributes, credentials);
            record(kind.allowed, kind.allowedLine, attributes);
            return signIn;
        }

        /**
         * Records a refusal, then returns {@code failure} for the caller to throw. If the audit service itself
         * fails, its exception is attached to {@code failure} as a suppressed one and logged.
         */
        public RuntimeException failed(RuntimeException failure) {
            if (recorded) {
                return failure;
            }
            List<Attribute> attributes = common();
            describe(attributes, failure);
            try {
                record(kind.denied, kind.deniedLine, attributes);
            } catch (RuntimeException auditFailure) {
                log.warn("Could not write the refusal above to the audit log: {}", auditFailure.toString());
                failure.addSuppressed(auditFailure);
            }
            return failure;
        }

        private List<Attribute> common() {
            List<Attribute> attributes = new ArrayList<>(12);
            attributes.add(new Attribute(REQUESTED_BY, requestedBy(caller, origin)));
            attributes.add(new Attribute(SOURCE, origin.label()));
            if (origin.isApp()) {
                attributes.add(new Attribute(CALLING_APP, origin.callingApp().orElse(UNIDENTIFIED_APP)));
            }
            if (bound != null) {
                attributes.add(new Attribute(PRINCIPAL_TYPE, bound.connector().principalType().name()));
            }
            return attributes;
        }

        private void granted(List<Attribute> attributes, TemporaryCredentials credentials) {
            if (decision != null) {
                attributes.add(new Attribute(ACCESS, decision.grant().map(Enum::name).orElse("")
                        + decision.group().map(group -> " " + group).orElse("")));
            }
            attributes.add(new Attribute(PRINCIPAL_ARN, credentials.getPrincipalArn()));
            attributes.add(new Attribute(ACCESS_KEY_ID, credentials.getAccessKeyId()));
            attributes.add(new Attribute(EXPIRY, credentials.getExpiration().toString()));
            if (duration != null) {
                attributes.add(new Attribute(DURATION,
                        duration.isPresent() ? Integer.toString(duration.getAsInt()) : "AWS default"));
            }
        }

        private void describe(List<Attribute> attributes, RuntimeException failure) {
            if (failure instanceof ConnectorAccessDeniedException denied) {
                attributes.add(new Attribute(DENIAL, Denial.ACCESS_DENIED.name()));
                attributes.add(new Attribute(REASON, denied.getReason().name()));
            } else if (failure instanceof InvalidCredentialsRequestException invalid) {
                attributes.add(new Attribute(DENIAL, Denial.INVALID_REQUEST.name()));
                attributes.add(new Attribute(REASON, invalid.getField()));
            } else if (failure instanceof AwsCallFailedException aws) {
                // What happened: AWS's code, or that it answered something unreadable, or was not reached at all.
                attributes.add(new Attribute(DENIAL, Denial.AWS_FAILED.name()));
                attributes.add(new Attribute(REASON, aws.auditReason()));
            } else if (failure instanceof AwsRequestFailedException aws) {
                attributes.add(new Attribute(DENIAL, Denial.AWS_FAILED.name()));
                attributes.add(new Attribute(REASON, aws.getAwsErrorCode().orElse("AWS not reachable")));
            } else if (failure instanceof ConnectorNotFoundException) {
                attributes.add(new Attribute(DENIAL, Denial.CONNECTOR_NOT_FOUND.name()));
                attributes.add(new Attribute(REASON, "unknown connector id"));
            } else if (failure instanceof AccountSecretUnavailableException unavailable) {
                attributes.add(new Attribute(DENIAL, Denial.SECRET_UNAVAILABLE.name()));
                attributes.add(new Attribute(REASON, secretReason(unavailable.getReason())));
            } else {
                // Not one of the API's exceptions, so its message makes no promise about secrets: the type only.
                attributes.add(new Attribute(DENIAL, Denial.ERROR.name()));
                attributes.add(new Attribute(REASON, failure.getClass().getName()));
            }
            if (failure instanceof AwsCallFailedException aws) {
                attributes.add(new Attribute(DETAILS, aws.adminMessage()));
            } else if (failure instanceof AwsConnectorException && failure.getMessage() != null) {
                attributes.add(new Attribute(DETAILS, failure.getMessage()));
            }
            if (failure instanceof AwsRequestFailedException aws && aws.getRequestId().isPresent()) {
                attributes.add(new Attribute(AWS_REQUEST_ID, aws.getRequestId().get()));
            }
        }

        private void record(AuditType type, String line, List<Attribute> attributes) {
            recorded = true;
            List<AuditResource> affected = new ArrayList<>(2);
            if (bound != null) {
                affected.add(AuditNames.connector(bound.connector()));
                affected.add(AuditNames.account(bound.account()));
            } else if (connectorId != null) {
                affected.add(AuditNames.connectorById(connectorId));
            }
            Logger logger = log;
            if (logger.isInfoEnabled()) {
                logger.info(logLine(line, affected, attributes));
            }
            AuditEvent.Builder event = AuditEvent.builder(type).affectedObjects(affected);
            for (Attribute attribute : attributes) {
                event.extraAttribute(AuditAttribute.fromI18nKeys(attribute.i18nKey(), attribute.value()).build());
            }
            auditService.audit(event.build());
        }
    }

    /** The reason an account's secret could not be read, in words, for the {@link #REASON} attribute. */
    static String secretReason(AccountSecretUnavailableException.Reason reason) {
        switch (reason) {
            case KEY_FILE_MISSING:
                return "The secret key file is missing; the account's secret cannot be decrypted";
            case KEY_FILE_UNUSABLE:
                return "The secret key file cannot be used; the account's secret cannot be decrypted";
            default:
                return "The account's secret cannot be decrypted with the current key file";
        }
    }

    static String requestedBy(Caller caller, RequestOrigin origin) {
        if (caller.isSystem()) {
            return origin.callingApp().orElse(UNIDENTIFIED_APP) + " " + SYSTEM_SCOPE;
        }
        return caller.userName().orElse(ANONYMOUS);
    }

    /**
     * The application log's line for one decision, e.g. {@code AWS credentials issued: connector "Developers"
     * (<id>), account "Production" (<id>), requestedBy=alice, source=REST, …}. Names and values are the event's;
     * control characters are replaced, so a name cannot forge a second line.
     */
    private static String logLine(String what, List<AuditResource> affected, List<Attribute> attributes) {
        StringBuilder line = new StringBuilder(256).append(what).append(':');
        String separator = " ";
        for (AuditResource resource : affected) {
            String type = AuditNames.CONNECTOR_TYPE.equals(resource.getType()) ? "connector" : "account";
            line.append(separator).append(type).append(" \"").append(clean(resource.getName())).append("\" (")
                    .append(resource.getId()).append(')');
            separator = ", ";
        }
        for (Attribute attribute : attributes) {
            line.append(separator).append(attribute.logName()).append('=').append(clean(attribute.value()));
            separator = ", ";
        }
        return line.toString();
    }

    private static String clean(String value) {
        return value == null ? "" : CONTROL.matcher(value).replaceAll("?");
    }
}
