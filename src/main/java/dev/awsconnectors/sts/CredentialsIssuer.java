package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.awsclients.ServiceClients;
import dev.awsconnectors.connectors.BoundConnector;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.connectors.PrincipalCapabilities;
import dev.awsconnectors.i18n.Text;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetFederationTokenRequest;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.Tag;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Makes the one STS call a connector's principal type stands for, with every parameter mapped, and returns the
 * temporary credentials. No caching of credentials here: that is the broker's job.
 *
 * <table>
 *   <caption>What is sent</caption>
 *   <tr><th>principal type</th><th>call</th><th>parameters</th></tr>
 *   <tr><td>Federated User</td><td>GetFederationToken</td><td>{@code Name} = {@link SessionOwner#federatedUserName()},
 *       {@code Policy}, {@code PolicyArns}, {@code DurationSeconds}, and for a Jira user one session tag
 *       {@code jira-user} (see {@link SessionTags}); none for system scope</td></tr>
 *   <tr><td>IAM User</td><td>GetSessionToken</td><td>{@code DurationSeconds}, and {@code SerialNumber} +
 *       {@code TokenCode} when the connector has an MFA device</td></tr>
 *   <tr><td>IAM Role</td><td>AssumeRole</td><td>{@code RoleArn}, {@code RoleSessionName} =
 *       {@link SessionOwner#roleSessionName()}, {@code ExternalId}, {@code Policy}, {@code PolicyArns},
 *       {@code DurationSeconds}, {@code SerialNumber} + {@code TokenCode}; with source identity and tags on:
 *       {@code SourceIdentity} = the session name and, for a Jira user, the session tag {@code jira-user}</td></tr>
 *   <tr><td>IAM Role on a keyless ({@link AccountType#WEB_IDENTITY}) account</td><td>AssumeRoleWithWebIdentity,
 *       unsigned</td><td>{@code RoleArn}, {@code RoleSessionName} as for AssumeRole, {@code WebIdentityToken} from
 *       {@link WebIdentityTokens}, {@code Policy}, {@code PolicyArns}, {@code DurationSeconds}; no
 *       {@code ExternalId} or {@code ProviderId} (OIDC tokens take none), and the source identity and session tag
 *       travel in the token's claims</td></tr>
 * </table>
 *
 * <p>The principal ARN returned is AWS's ({@code FederatedUser.Arn}, {@code AssumedRoleUser.Arn}); GetSessionToken
 * returns none, so for IAM User connectors it is the IAM user's own ARN, asked once per account version with
 * GetCallerIdentity and kept.
 *
 * <p>An MFA code is checked before AWS is called: required when the connector has an MFA device, and six digits
 * (STS's {@code tokenCodeType}). A code for a connector without an MFA device is not sent.
 *
 * <p>Failures are thrown as {@link AwsCallFailedException} (see {@link AwsFailures}), with the administrator's
 * message, and not logged here; the broker decides what the user is told.
 */
@Component
public class CredentialsIssuer {
    private record CallerArn(long accountVersion, String arn) {
    }

    private final ServiceClients<StsClient> clients;
    private final AwsFailures failures;
    private final WebIdentityRefusals webIdentityRefusals;
    private final WebIdentityTokens tokens;
    private final Map<UUID, CallerArn> callerArns = new ConcurrentHashMap<>();

    /** @param tokens mints the token of each call for a keyless account */
    @Autowired
    public CredentialsIssuer(AwsClients clients, WebIdentityTokens tokens) {
        this.clients = clients.sts();
        this.failures = new AwsFailures(clients.settings());
        this.webIdentityRefusals = new WebIdentityRefusals(failures);
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * Obtains temporary credentials for one request that the access rules already allowed.
     *
     * @throws InvalidCredentialsRequestException if the MFA code is missing or malformed; AWS was not called
     * @throws AwsRequestFailedException          if AWS refused or could not be reached, or the connector as stored
     *                                            cannot make its call (then AWS was not called)
     * @throws IllegalStateException              if the account's secret access key cannot be read
     */
    public TemporaryCredentials issue(CredentialsCall call) {
        Objects.requireNonNull(call, "call");
        Connector connector = call.connector().connector();
        PrincipalType type = connector.principalType();
        if (type == null) {
            throw new IllegalStateException("Connector '" + connector.name() + "' has no principal type; edit and "
                    + "save it.");
        }
        switch (type) {
            case FEDERATED_USER:
                return federationToken(call);
            case IAM_USER:
                return sessionToken(call);
            case IAM_ROLE:
                return call.connector().account().type() == AccountType.WEB_IDENTITY
                        ? assumeRoleWithWebIdentity(call) : assumeRole(call);
            default:
                throw new IllegalStateException("Unknown principal type " + type);
        }
    }

    private TemporaryCredentials federationToken(CredentialsCall call) {
        Connector connector = call.connector().connector();
        Account account = call.connector().account();
        SessionOwner owner = call.owner();
        String name = owner.federatedUserName();
        GetFederationTokenRequest.Builder request = GetFederationTokenRequest.builder().name(name);
        connector.policy().ifPresent(request::policy);
        if (!connector.policyArns().isEmpty()) {
            request.policyArns(policyArns(connector.policyArns()));
        }
        call.durationSeconds().ifPresent(request::durationSeconds);
        Optional<Tag> tag = jiraUserTag(owner);
        tag.ifPresent(request::tags);

        Supplier<AwsFailures.AwsCall> what = () -> stsCall(call.connector(),
                Text.of("awsc.aws.target.federatedUser", name),
                Text.of("awsc.aws.hint.federationToken", account.name(),
                        tag.isPresent() ? Text.of("awsc.aws.hint.andTagSession") : ""), false);
        GetFederationTokenResponse response = send(what, () -> client(account).getFederationToken(request.build()));
        return credentials(what, response.credentials(),
                response.federatedUser() == null ? null : response.federatedUser().arn());
    }

    private TemporaryCredentials sessionToken(CredentialsCall call) {
        Connector connector = call.connector().connector();
        Account account = call.connector().account();
        Optional<String> code = mfaCode(call);
        GetSessionTokenRequest.Builder request = GetSessionTokenRequest.builder();
        call.durationSeconds().ifPresent(request::durationSeconds);
        if (code.isPresent()) {
            request.serialNumber(connector.mfaSerialNumber().get()).tokenCode(code.get());
        }
        Supplier<AwsFailures.AwsCall> what = () -> stsCall(call.connector(),
                Text.of("awsc.aws.target.iamUserOfAccount", account.name()), code.isPresent()
                        ? Text.of("awsc.aws.hint.sessionToken.mfa", connector.mfaSerialNumber().get(), account.name())
                        : Text.of("awsc.aws.hint.sessionToken", account.name()), code.isPresent());
        GetSessionTokenResponse response = send(what, () -> client(account).getSessionToken(request.build()));
        return credentials(what, response.credentials(), callerArn(call.connector()));
    }

    private TemporaryCredentials assumeRole(CredentialsCall call) {
        Connector connector = call.connector().connector();
        Account account = call.connector().account();
        SessionOwner owner = call.owner();
        String roleArn = roleArn(connector);
        Optional<String> code = mfaCode(call);
        String sessionName = owner.roleSessionName();
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(roleArn)
                .roleSessionName(sessionName);
        connector.externalId().ifPresent(request::externalId);
        connector.policy().ifPresent(request::policy);
        if (!connector.policyArns().isEmpty()) {
            request.policyArns(policyArns(connector.policyArns()));
        }
        call.durationSeconds().ifPresent(request::durationSeconds);
        if (code.isPresent()) {
            request.serialNumber(connector.mfaSerialNumber().get()).tokenCode(code.get());
        }
        Optional<Tag> tag = connector.sourceIdentityAndTags() ? jiraUserTag(owner) : Optional.empty();
        if (connector.sourceIdentityAndTags()) {
            request.sourceIdentity(sessionName);
            tag.ifPresent(request::tags);
        }

        Supplier<AwsFailures.AwsCall> what = () -> stsCall(call.connector(),
                Text.of("awsc.aws.target.role", roleArn),
                Text.of("awsc.aws.hint.assumeRole",
                        Text.of(account.type() == AccountType.HOST_ROLE ? "awsc.aws.hint.assumeRole.hostRole"
                                : "awsc.aws.hint.assumeRole.iamUser"),
                        account.name(), roleArn,
                        connector.externalId().isPresent() ? Text.of("awsc.aws.hint.assumeRole.externalId") : "",
                        connector.sourceIdentityAndTags() ? Text.of("awsc.aws.hint.assumeRole.sourceIdentity",
                                tag.isPresent() ? Text.of("awsc.aws.hint.andTagSession") : "") : "",
                        code.isPresent()
                                ? Text.of("awsc.aws.hint.assumeRole.mfa", connector.mfaSerialNumber().get()) : ""),
                code.isPresent());
        AssumeRoleResponse response = send(what, () -> client(account).assumeRole(request.build()));
        return credentials(what, response.credentials(),
                response.assumedRoleUser() == null ? null : response.assumedRoleUser().arn());
    }

    /**
     * AssumeRoleWithWebIdentity with a token minted for this request. The account's STS client is unsigned
     * (anonymous credentials): AWS authenticates the call by the token alone.
     */
    private TemporaryCredentials assumeRoleWithWebIdentity(CredentialsCall call) {
        Connector connector = call.connector().connector();
        Account account = call.connector().account();
        SessionOwner owner = call.owner();
        String roleArn = roleArn(connector);
        if (connector.mfaSerialNumber().isPresent()) {
            // The validator refuses this; a connector stored before its account became keyless must not silently
            // skip the MFA check it was configured with.
            throw AwsFailures.unusableConnector(Text.of("awsc.aws.admin.connectorUnusable.mfaOnKeyless",
                    connector.name(), connector.mfaSerialNumber().get(), account.name()),
                    "MFA serial number on a connector of a keyless account");
        }
        String sessionName = owner.roleSessionName();
        AssumeRoleWithWebIdentityRequest.Builder request = AssumeRoleWithWebIdentityRequest.builder()
                .roleArn(roleArn)
                .roleSessionName(sessionName)
                .webIdentityToken(tokens.tokenFor(account, connector, owner));
        connector.policy().ifPresent(request::policy);
        if (!connector.policyArns().isEmpty()) {
            request.policyArns(policyArns(connector.policyArns()));
        }
        call.durationSeconds().ifPresent(request::durationSeconds);

        String issuerUrl = tokens.issuerUrl(account);
        String audience = account.audience().orElse(Account.DEFAULT_AUDIENCE);
        String subject = WebIdentityTrust.subject(connector.id(), owner);
        Supplier<AwsFailures.AwsCall> what = () -> stsCall(call.connector(),
                Text.of("awsc.aws.target.role", roleArn),
                Text.of("awsc.aws.hint.assumeRoleWithWebIdentity", roleArn, issuerUrl, audience, subject,
                        connector.sourceIdentityAndTags() ? Text.of("awsc.aws.hint.webIdentity.sourceIdentity") : ""),
                false);
        AssumeRoleWithWebIdentityResponse response;
        try {
            response = client(account).assumeRoleWithWebIdentity(request.build());
        } catch (SdkException e) {
            throw webIdentityRefusals.map(e, what.get(), new WebIdentityRefusals.Presented(issuerUrl,
                    account.issuerUrl().isPresent(), audience, subject, roleArn, connector.sourceIdentityAndTags()));
        }
        return credentials(what, response.credentials(),
                response.assumedRoleUser() == null ? null : response.assumedRoleUser().arn());
    }

    private static String roleArn(Connector connector) {
        return connector.roleArn().orElseThrow(() -> AwsFailures.unusableConnector(
                Text.of("awsc.aws.admin.connectorUnusable.noRoleArn", connector.name()),
                "IAM Role connector without a role ARN"));
    }

    /**
     * The ARN of the IAM user whose access key the account holds, from GetCallerIdentity, kept per account version.
     */
    String callerArn(BoundConnector connector) {
        Account account = connector.account();
        CallerArn known = callerArns.get(account.id());
        if (known != null && known.accountVersion() == account.version()) {
            return known.arn();
        }
        Supplier<AwsFailures.AwsCall> what = () -> new AwsFailures.AwsCall("AWS STS", "GetCallerIdentity",
                Text.of("awsc.aws.target.iamUserOfAccount", account.name()), clients.endpointHost(account),
                account.region(), account.name(), account.type(), null,
                Text.of("awsc.aws.hint.accessKeyActive", account.name()));
        String arn = send(what, () -> client(account).getCallerIdentity()).arn();
        if (arn == null || arn.isEmpty()) {
            throw AwsFailures.unreadable(Text.of("awsc.aws.admin.noCallerArn", what.get().host()));
        }
        callerArns.merge(account.id(), new CallerArn(account.version(), arn),
                (old, fresh) -> old.accountVersion() > fresh.accountVersion() ? old : fresh);
        return arn;
    }

    private Optional<String> mfaCode(CredentialsCall call) {
        Connector connector = call.connector().connector();
        if (connector.mfaSerialNumber().isEmpty()) {
            return Optional.empty();
        }
        // Not the device's ARN: it names the AWS account, and the user knows their device. The code itself is not
        // checked again: it comes from a CredentialsRequest, whose withMfaCode refused anything but six digits.
        String code = call.mfaCode().orElseThrow(() ->
                new InvalidCredentialsRequestException("mfaCode", UserText.of("awsc.aws.user.mfaMissing").english()));
        return Optional.of(code);
    }

    private static Optional<Tag> jiraUserTag(SessionOwner owner) {
        return owner.jiraUserName().map(name -> Tag.builder()
                .key(SessionTags.JIRA_USER_TAG_KEY)
                .value(SessionTags.jiraUserTagValue(name))
                .build());
    }

    private static List<PolicyDescriptorType> policyArns(List<String> arns) {
        return arns.stream().map(arn -> PolicyDescriptorType.builder().arn(arn).build()).collect(Collectors.toList());
    }

    private AwsFailures.AwsCall stsCall(BoundConnector bound, Text target, Text hint, boolean mfaCodeSent) {
        Account account = bound.account();
        String operation = PrincipalCapabilities.of(bound.connector().principalType()).stsCall(account.type());
        return new AwsFailures.AwsCall("AWS STS", operation, target, clients.endpointHost(account), account.region(),
                account.name(), account.type(), bound.connector().name(), hint, mfaCodeSent);
    }

    private StsClient client(Account account) {
        return clients.clientFor(account);
    }

    /**
     * Makes the call; {@code what} describes it for the failure's messages and is built only if it fails, so that a
     * successful call pays for no message (nor for resolving the endpoint's host).
     */
    private <T> T send(Supplier<AwsFailures.AwsCall> what, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw failures.map(e, what.get());
        }
    }

    private static TemporaryCredentials credentials(Supplier<AwsFailures.AwsCall> what, Credentials credentials,
                                                    String principalArn) {
        if (credentials == null || isEmpty(credentials.accessKeyId()) || isEmpty(credentials.secretAccessKey())
                || isEmpty(credentials.sessionToken()) || credentials.expiration() == null || isEmpty(principalArn)) {
            AwsFailures.AwsCall call = what.get();
            throw AwsFailures.unreadable(Text.of("awsc.aws.admin.incompleteCredentials", call.host(),
                    call.operation()));
        }
        return new TemporaryCredentials(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken(), credentials.expiration(), principalArn);
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }
}
