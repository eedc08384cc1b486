package dev.awsconnectors.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.access.AccessDecision;
import dev.awsconnectors.admintasks.ConnectorTestResult;
import dev.awsconnectors.admintasks.ConnectorTester;
import dev.awsconnectors.api.ConnectorAccessDeniedException;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.ConsoleSignIn;
import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.audit.RequestOrigin;
import dev.awsconnectors.broker.CredentialsBroker;
import dev.awsconnectors.broker.RequestedDuration;
import dev.awsconnectors.paging.Page;
import dev.awsconnectors.paging.PageRequest;
import dev.awsconnectors.sts.AwsCallFailedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code /rest/aws-connectors/1.0/connectors}: the connectors the caller may use, and their credentials, console
 * sign-ins and caller identity.
 *
 * <p>{@link LicensedOnly}, written out so that no host setting widens who may call it. A connector the caller may
 * not use is answered like an id that names none (404), so the API does not tell which connectors exist.
 *
 * <p>Errors are answered by {@link RestExceptionMapper}. JSON is written with the app's own embedded Jackson.
 */
@Path("/connectors")
@LicensedOnly
public class ConnectorsResource {
    /** {@code format=credential_process}: the AWS CLI's external-process credentials JSON. */
    static final String CREDENTIAL_PROCESS = "credential_process";
    static final String JSON_FORMAT = "json";

    private final CredentialsBroker broker;
    private final ConnectorTester tester;
    private final UserManager userManager;
    private final I18nResolver i18n;

    @Inject
    public ConnectorsResource(CredentialsBroker broker, ConnectorTester tester,
                              @ComponentImport UserManager userManager, @ComponentImport I18nResolver i18n) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.tester = Objects.requireNonNull(tester, "tester");
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /**
     * A page of the connectors the caller may use, sorted by name, in Jira's REST page shape
     * {@code {startAt, maxResults, total, isLast, values}}; each value has {@code id}, {@code name},
     * {@code description}, {@code principalType} ({@code FEDERATED_USER}, {@code IAM_USER}, {@code IAM_ROLE}),
     * {@code maxDurationSeconds} ({@code null} for AWS's default), {@code consoleSignIn} and {@code mfaRequired}.
     *
     * @param startAt    the index of the first connector, from 0 (the default)
     * @param maxResults how many at most: {@value PageRequest#DEFAULT_MAX_RESULTS} by default, at most
     *                   {@value PageRequest#MAX_RESULTS} (a larger number is lowered, as the answer says)
     * @param query      keeps the connectors whose name contains it, in any case
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response usableConnectors(@QueryParam(PageRequest.START_AT) String startAt,
                                     @QueryParam(PageRequest.MAX_RESULTS_PARAMETER) String maxResults,
                                     @QueryParam(PageRequest.QUERY) String query) {
        CallerChecks.requireUser(userManager, i18n);
        PageRequest request = CallerChecks.pageRequest(startAt, maxResults, query, i18n);
        Page<ConnectorSummary> page = Page.of(broker.usableConnectors(), request, ConnectorSummary::getName);
        return JsonResponses.json(Response.Status.OK, JsonResponses.page(page, ConnectorsResource::toJson));
    }

    /**
     * Temporary credentials of a connector for the caller:
     * {@code {accessKeyId, secretAccessKey, sessionToken, expiration (ISO-8601), principalArn}}; with
     * {@code format=credential_process} exactly the JSON the AWS CLI and SDKs read from a {@code credential_process}
     * command: {@code {"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}}.
     *
     * @param durationSeconds how long the credentials should last; empty for the connector's maximum
     * @param mfaCode         the current code of the connector's MFA device, where it has one
     * @param format          {@code json} (the default) or {@code credential_process}
     */
    @GET
    @Path("{id}/credentials")
    @Produces(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response credentials(@PathParam("id") String id, @QueryParam("durationSeconds") String durationSeconds,
                                @QueryParam("mfaCode") String mfaCode, @QueryParam("format") String format) {
        CallerChecks.requireUser(userManager, i18n);
        boolean credentialProcess = credentialProcess(format);
        UUID connectorId = connectorId(id);
        CredentialsRequest request = request(durationSeconds, mfaCode);
        TemporaryCredentials credentials = hidingOthers(connectorId,
                () -> broker.credentials(connectorId, request, RequestOrigin.REST));
        ObjectNode body = JsonResponses.object();
        if (credentialProcess) {
            body.put("Version", 1);
            body.put("AccessKeyId", credentials.getAccessKeyId());
            body.put("SecretAccessKey", credentials.getSecretAccessKey());
            body.put("SessionToken", credentials.getSessionToken());
            body.put("Expiration", credentials.getExpiration().toString());
        } else {
            body.put("accessKeyId", credentials.getAccessKeyId());
            body.put("secretAccessKey", credentials.getSecretAccessKey());
            body.put("sessionToken", credentials.getSessionToken());
            body.put("expiration", credentials.getExpiration().toString());
            body.put("principalArn", credentials.getPrincipalArn());
        }
        return JsonResponses.json(Response.Status.OK, body);
    }

    /**
     * A sign-in to the AWS Management Console: {@code {url, expiresAt (ISO-8601)}}. Not for IAM User connectors
     * (400, field {@code principalType}): AWS does not sign session-token credentials in to the console.
     */
    @GET
    @Path("{id}/console")
    @Produces(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response console(@PathParam("id") String id, @QueryParam("durationSeconds") String durationSeconds,
                            @QueryParam("mfaCode") String mfaCode) {
        CallerChecks.requireUser(userManager, i18n);
        UUID connectorId = connectorId(id);
        CredentialsRequest request = request(durationSeconds, mfaCode);
        ConsoleSignIn signIn = hidingOthers(connectorId,
                () -> broker.consoleSignIn(connectorId, request, RequestOrigin.REST));
        ObjectNode body = JsonResponses.object();
        body.put("url", signIn.getUrl().toString());
        body.put("expiresAt", signIn.getExpiresAt().toString());
        return JsonResponses.json(Response.Status.OK, body);
    }

    /**
     * Who AWS sees for the credentials the caller gets from the connector (STS GetCallerIdentity, signed with
     * them): {@code {account, arn, userId}}.
     */
    @GET
    @Path("{id}/caller-identity")
    @Produces(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response callerIdentity(@PathParam("id") String id, @QueryParam("mfaCode") String mfaCode) {
        UserKey user = CallerChecks.requireUser(userManager, i18n);
        UUID connectorId = connectorId(id);
        ConnectorTestResult identity;
        try {
            identity = hidingOthers(connectorId, () -> tester.test(connectorId, mfaCode, RequestOrigin.REST));
        } catch (AwsCallFailedException e) {
            // The broker already words its own failures for the caller; the tester's own call is worded here.
            if (!userManager.isAdmin(user) && !userManager.isSystemAdmin(user)) {
                throw e.forUser();
            }
            throw e;
        }
        ObjectNode body = JsonResponses.object();
        body.put("account", identity.awsAccountId());
        body.put("arn", identity.arn());
        body.put("userId", identity.userId());
        return JsonResponses.json(Response.Status.OK, body);
    }

    /** Runs a broker call; a connector that is not one of the caller's is reported as not found (404). */
    private static <T> T hidingOthers(UUID connectorId, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConnectorAccessDeniedException e) {
            if (AccessDecision.hidesConnector(e)) {
                throw new ConnectorNotFoundException(connectorId);
            }
            throw e;
        }
    }

    private UUID connectorId(String id) {
        return CallerChecks.pathId(id, "awsc.rest.error.connectorNotFound", i18n);
    }

    private boolean credentialProcess(String format) {
        if (format == null || format.isBlank() || format.strip().equals(JSON_FORMAT)) {
            return false;
        }
        if (format.strip().equals(CREDENTIAL_PROCESS)) {
            return true;
        }
        throw RestException.badField("format", i18n.getText("awsc.rest.error.format"));
    }

    private CredentialsRequest request(String durationSeconds, String mfaCode) {
        CredentialsRequest request = RequestedDuration.applyTo(CredentialsRequest.defaults(), durationSeconds,
                i18n.getText("awsc.rest.error.durationSeconds"));
        if (mfaCode != null && !mfaCode.isBlank()) {
            request = request.withMfaCode(mfaCode.strip());
        }
        return request;
    }

    static ObjectNode toJson(ConnectorSummary summary) {
        ObjectNode node = JsonResponses.object();
        node.put("id", summary.getId().toString());
        node.put("name", summary.getName());
        node.put("description", summary.getDescription());
        node.put("principalType", summary.getPrincipalType().name());
        if (summary.getMaxDuration().isPresent()) {
            node.put("maxDurationSeconds", summary.getMaxDuration().get().getSeconds());
        } else {
            node.putNull("maxDurationSeconds");
        }
        node.put("consoleSignIn", summary.isConsoleSignInAvailable());
        node.put("mfaRequired", summary.isMfaRequired());
        return node;
    }
}
