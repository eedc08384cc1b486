package dev.awsconnectors.admintasks;

import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConnectorAccessDeniedException;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.audit.RequestOrigin;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.testhost.aws.Failure;
import dev.awsconnectors.testhost.aws.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Test" of a connector: credentials obtained as the admin, then used for GetCallerIdentity. */
class ConnectorTesterThroughLocalAwsTest {
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":"
            + "[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}";

    @TempDir
    Path home;
    private IamFixture node;

    @BeforeEach
    void start() {
        node = new IamFixture(home);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private Connector create(Connector.Builder connector) {
        return node.connectors.create(connector.accountId(node.account.id()).build());
    }

    private ConnectorTestResult asAdmin(UUID connectorId) {
        return node.users.runAs("admin", () -> node.tester.test(connectorId, null, RequestOrigin.WEB));
    }

    private List<RecordedRequest> stsCalls() {
        return node.aws.requests().stream().filter(r -> r.service().equals("sts")).collect(Collectors.toList());
    }

    @Test
    void aFederatedUserConnectorShowsTheFederatedUserNamedAfterTheAdmin() {
        Connector federated = create(Connector.builder().name("Developers").principalType(
                PrincipalType.FEDERATED_USER).policy(POLICY).groups(List.of("aws-developers")));

        ConnectorTestResult result = asAdmin(federated.id());

        assertThat(result.awsAccountId()).isEqualTo(IamFixture.AWS_ACCOUNT_ID);
        assertThat(result.arn()).isEqualTo("arn:aws:sts::123456789012:federated-user/admin");
        assertThat(result.userId()).isEqualTo("123456789012:admin");
        assertThat(result.expiration()).isAfter(Instant.now().plus(Duration.ofMinutes(10)));
        assertThat(stsCalls()).extracting(RecordedRequest::action)
                .containsExactly("GetFederationToken", "GetCallerIdentity");
        assertThat(stsCalls().get(1).parameters()).doesNotContainKey("Name");
    }

    @Test
    void aRoleConnectorShowsTheAssumedRoleSessionOfTheAdmin() {
        String roleArn = node.awsAccount.role("deploy").trust(node.brokerUser).maxSessionDuration(7200).arn();
        Connector role = create(Connector.builder().name("Deploy").principalType(PrincipalType.IAM_ROLE)
                .roleArn(roleArn).maxDurationSeconds(3600));

        ConnectorTestResult result = asAdmin(role.id());

        assertThat(result.arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/deploy/admin");
        assertThat(result.userId()).startsWith("AROA").endsWith(":admin");
    }

    @Test
    void anIamUserConnectorShowsTheIamUser() {
        Connector iamUser = create(Connector.builder().name("Break glass").principalType(PrincipalType.IAM_USER));

        ConnectorTestResult result = asAdmin(iamUser.id());

        assertThat(result.arn()).isEqualTo(node.brokerUser.arn());
        assertThat(result.userId()).isEqualTo(node.brokerUser.userId());
    }

    @Test
    void aConnectorWithAnMfaDeviceIsRefusedWithoutACodeAndAwsIsNotCalled() {
        String serial = node.brokerUser.addVirtualMfaDevice("123456");
        Connector withMfa = create(Connector.builder().name("Break glass").principalType(PrincipalType.IAM_USER)
                .mfaSerialNumber(serial));

        assertThatThrownBy(() -> asAdmin(withMfa.id()))
                .isInstanceOf(InvalidCredentialsRequestException.class)
                .hasMessageContaining("needs an MFA code");
        assertThat(node.aws.requests()).isEmpty();
    }

    @Test
    void aConnectorWithAnMfaDeviceIsTestedWithTheDevicesCode() {
        String serial = node.brokerUser.addVirtualMfaDevice("123456");
        Connector withMfa = create(Connector.builder().name("Break glass").principalType(PrincipalType.IAM_USER)
                .mfaSerialNumber(serial));

        ConnectorTestResult result = node.users.runAs("admin", () -> node.tester.test(withMfa.id(), "123456", RequestOrigin.WEB));

        assertThat(result.arn()).isEqualTo(node.brokerUser.arn());
        assertThat(stsCalls().get(0).parameter("TokenCode")).isEqualTo("123456");
    }

    @Test
    void runsTheAccessRulesOfTheCurrentUser() {
        Connector adminsOnly = create(Connector.builder().name("Admins only").principalType(
                PrincipalType.FEDERATED_USER).policy(POLICY));

        assertThatThrownBy(() -> node.users.runAs("alice", () -> node.tester.test(adminsOnly.id(), null, RequestOrigin.WEB)))
                .isInstanceOf(ConnectorAccessDeniedException.class);
        assertThat(node.aws.requests()).isEmpty();
    }

    @Test
    void anUnknownConnectorIsNotFound() {
        assertThatThrownBy(() -> asAdmin(UUID.randomUUID())).isInstanceOf(ConnectorNotFoundException.class);
    }

    @Test
    void eachTestReadsTheConnectorOnceAndIsAuditedAllowedRefusedOrUnknown() {
        Connector adminsOnly = create(Connector.builder().name("Admins only").principalType(
                PrincipalType.FEDERATED_USER).policy(POLICY));
        UUID unknown = UUID.randomUUID();

        asAdmin(adminsOnly.id());
        assertThat(node.connectorReads).as("reads for an allowed test").hasValue(1);
        assertThatThrownBy(() -> node.users.runAs("alice",
                () -> node.tester.test(adminsOnly.id(), null, RequestOrigin.WEB)))
                .isInstanceOf(ConnectorAccessDeniedException.class);
        assertThat(node.connectorReads).as("reads after a refused test").hasValue(2);
        assertThatThrownBy(() -> asAdmin(unknown)).isInstanceOf(ConnectorNotFoundException.class);
        assertThat(node.connectorReads).as("reads after a test of an unknown id").hasValue(3);

        assertThat(node.audited).extracting(AuditEvent::getActionI18nKey).containsExactly(
                "awsc.audit.credentials.issued", "awsc.audit.credentials.denied", "awsc.audit.credentials.denied");
        assertThat(node.audited.get(1).getExtraAttributes()).anySatisfy(attribute -> {
            assertThat(attribute.getNameI18nKey()).isEqualTo("awsc.audit.attribute.reason");
            assertThat(attribute.getValue()).isEqualTo("ADMINS_ONLY");
        });
        assertThat(node.audited.get(2).getAffectedObjects()).extracting(AuditResource::getId)
                .containsExactly(unknown.toString());
        assertThat(node.audited.get(2).getExtraAttributes()).anySatisfy(attribute -> {
            assertThat(attribute.getNameI18nKey()).isEqualTo("awsc.audit.attribute.denial");
            assertThat(attribute.getValue()).isEqualTo("CONNECTOR_NOT_FOUND");
        });
    }

    @Test
    void aConnectorKeepsWorkingAfterItsAccountsKeyWasRotated() {
        Connector federated = create(Connector.builder().name("Developers").principalType(
                PrincipalType.FEDERATED_USER).policy(POLICY));
        asAdmin(federated.id());

        RotationReport report = node.keyRotation.rotateAccessKey(node.account.id(), node.stored().version());
        node.aws.clear();
        ConnectorTestResult result = asAdmin(federated.id());

        assertThat(report.succeeded()).isTrue();
        assertThat(result.arn()).isEqualTo("arn:aws:sts::123456789012:federated-user/admin");
        assertThat(node.aws.requests()).extracting(RecordedRequest::action)
                .containsExactly("GetFederationToken", "GetCallerIdentity");
        assertThat(node.aws.requests().get(0).accessKeyId()).isEqualTo(report.activeAccessKeyId());
    }

    @Test
    void aRefusalOfTheTemporaryCredentialsIsExplainedForTheConnector() {
        Connector federated = create(Connector.builder().name("Developers").principalType(
                PrincipalType.FEDERATED_USER).policy(POLICY));
        node.aws.failNext(1, "GetCallerIdentity", Failure.awsError(403, "ExpiredToken",
                "The security token included in the request is expired"));

        assertThatThrownBy(() -> asAdmin(federated.id()))
                .isInstanceOf(AwsRequestFailedException.class)
                .hasMessageContaining("GetCallerIdentity")
                .hasMessageContaining("(ExpiredToken)");
    }
}
