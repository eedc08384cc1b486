package dev.awsconnectors.testhost.aws;

import static dev.awsconnectors.testhost.aws.Sdk.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** IAM through the real SDK (region aws-global), in IAM's XML shapes. */
class LocalAwsIamTest {

    private LocalAws aws;
    private AwsAccount account;
    private IamUser alice;
    private AccessKey aliceKey;
    private IamClient iam;

    @BeforeEach
    void startAws() {
        aws = LocalAws.start();
        account = aws.account("111122223333").alias("acme-prod");
        alice = account.user("alice");
        aliceKey = alice.addAccessKey();
        iam = Sdk.iam(aws, Sdk.basic(aliceKey));
    }

    @AfterEach
    void stopAws() {
        iam.close();
        aws.close();
    }

    @Test
    void listRolesReturnsEachRoleWithItsMaxSessionDurationAndUrlEncodedTrustPolicy() {
        account.role("deploy").trust(alice).externalId("ext-1").maxSessionDuration(14400);
        account.role("/service-role/", "audit").trust(account.rootArn());

        ListRolesResponse response = iam.listRoles();

        assertThat(response.isTruncated()).isFalse();
        assertThat(response.roles()).extracting(Role::roleName).containsExactly("audit", "deploy");
        Role deploy = response.roles().get(1);
        assertThat(deploy.arn()).isEqualTo("arn:aws:iam::111122223333:role/deploy");
        assertThat(deploy.roleId()).startsWith("AROA");
        assertThat(deploy.path()).isEqualTo("/");
        assertThat(deploy.maxSessionDuration()).isEqualTo(14400);
        assertThat(deploy.createDate()).isNotNull();
        assertThat(deploy.assumeRolePolicyDocument()).startsWith("%7B%22Version%22%3A%222012-10-17%22");
        assertThat(URLDecoder.decode(deploy.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                .contains("\"AWS\":[\"arn:aws:iam::111122223333:user/alice\"]")
                .contains("\"sts:ExternalId\":\"ext-1\"");
        assertThat(response.roles().get(0).arn()).isEqualTo("arn:aws:iam::111122223333:role/service-role/audit");
    }

    @Test
    void listRolesFiltersByPathPrefixAndPagesWithMarkers() {
        for (String name : List.of("a", "b", "c")) {
            account.role(name);
        }
        account.role("/ops/", "d");

        ListRolesResponse first = iam.listRoles(r -> r.maxItems(2));
        ListRolesResponse second = iam.listRoles(r -> r.maxItems(2).marker(first.marker()));
        ListRolesResponse ops = iam.listRoles(r -> r.pathPrefix("/ops/"));

        assertThat(first.roles()).extracting(Role::roleName).containsExactly("a", "b");
        assertThat(first.isTruncated()).isTrue();
        assertThat(second.roles()).extracting(Role::roleName).containsExactly("c", "d");
        assertThat(second.isTruncated()).isFalse();
        assertThat(second.marker()).isNull();
        assertThat(ops.roles()).extracting(Role::roleName).containsExactly("d");
        assertThat(iam.listRolesPaginator().roles().stream().count()).isEqualTo(4);
    }

    @Test
    void listAccountAliasesReturnsTheAlias() {
        assertThat(iam.listAccountAliases().accountAliases()).containsExactly("acme-prod");
    }

    @Test
    void getUserWithoutANameReturnsTheCallingUser() {
        User user = iam.getUser().user();

        assertThat(user.userName()).isEqualTo("alice");
        assertThat(user.arn()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(user.userId()).isEqualTo(alice.userId());
        assertThat(user.path()).isEqualTo("/");
    }

    @Test
    void getUserOfAnUnknownNameIsNoSuchEntity() {
        AwsServiceException error = awsError(() -> iam.getUser(r -> r.userName("nobody")));

        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The user with name nobody cannot be found.");
    }

    @Test
    void getUserWithRoleCredentialsNeedsAUserName() {
        IamRole role = account.role("deploy").trust(alice);
        Credentials credentials;
        try (StsClient sts = Sdk.sts(aws, Sdk.basic(aliceKey))) {
            credentials = sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("s1")).credentials();
        }

        try (IamClient asRole = Sdk.iam(aws, Sdk.session(credentials))) {
            AwsServiceException error = awsError(asRole::getUser);

            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(error.awsErrorDetails().errorMessage())
                    .isEqualTo("Must specify userName when calling with non-User credentials");
            assertThat(asRole.getUser(r -> r.userName("alice")).user().arn()).isEqualTo(alice.arn());
        }
    }

    @Test
    void sessionTokenCredentialsWithoutMfaMayNotCallIam() {
        Credentials credentials;
        try (StsClient sts = Sdk.sts(aws, Sdk.basic(aliceKey))) {
            credentials = sts.getSessionToken().credentials();
        }

        try (IamClient asSession = Sdk.iam(aws, Sdk.session(credentials))) {
            assertThat(awsError(asSession::listRoles).awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }

    @Test
    void accessKeysAreListedCreatedUpToTwoAndDeleted() {
        CreateAccessKeyResponse created = iam.createAccessKey();
        List<AccessKeyMetadata> listed = iam.listAccessKeys().accessKeyMetadata();
        AwsServiceException third = awsError(iam::createAccessKey);

        assertThat(created.accessKey().accessKeyId()).startsWith("AKIA");
        assertThat(created.accessKey().secretAccessKey()).hasSize(40);
        assertThat(created.accessKey().userName()).isEqualTo("alice");
        assertThat(created.accessKey().statusAsString()).isEqualTo("Active");
        assertThat(listed).extracting(AccessKeyMetadata::accessKeyId)
                .containsExactly(aliceKey.accessKeyId(), created.accessKey().accessKeyId());
        assertThat(third.statusCode()).isEqualTo(409);
        assertThat(third.awsErrorDetails().errorCode()).isEqualTo("LimitExceeded");
        assertThat(third.awsErrorDetails().errorMessage()).isEqualTo("Cannot exceed quota for AccessKeysPerUser: 2");

        try (IamClient withNewKey = Sdk.iam(aws, Sdk.basic(new AccessKey(created.accessKey().accessKeyId(),
                created.accessKey().secretAccessKey())))) {
            withNewKey.deleteAccessKey(r -> r.accessKeyId(aliceKey.accessKeyId()));

            assertThat(withNewKey.listAccessKeys().accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                    .containsExactly(created.accessKey().accessKeyId());
        }
        assertThat(awsError(iam::listAccessKeys).awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
    }

    @Test
    void deletingAKeyThatDoesNotExistIsNoSuchEntity() {
        AwsServiceException error = awsError(() -> iam.deleteAccessKey(r -> r.accessKeyId("AKIANOSUCHKEY0000000")));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
    }

    @Test
    void simulateCustomPolicyAllowsMatchingActionsAndLetsADenyWin() {
        String allowS3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\","
                + "\"Resource\":\"arn:aws:s3:::reports/*\"}]}";
        String denySecret = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::reports/secret*\"}}";

        List<EvaluationResult> results = iam.simulateCustomPolicy(r -> r.policyInputList(allowS3, denySecret)
                .actionNames("s3:GetObject", "s3:PutObject")
                .resourceArns("arn:aws:s3:::reports/q1.csv", "arn:aws:s3:::reports/secret.csv"))
                .evaluationResults();

        assertThat(results).extracting(EvaluationResult::evalActionName, EvaluationResult::evalResourceName,
                        EvaluationResult::evalDecisionAsString)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("s3:GetObject", "arn:aws:s3:::reports/q1.csv", "allowed"),
                        org.assertj.core.groups.Tuple.tuple("s3:GetObject", "arn:aws:s3:::reports/secret.csv",
                                "explicitDeny"),
                        org.assertj.core.groups.Tuple.tuple("s3:PutObject", "arn:aws:s3:::reports/q1.csv",
                                "implicitDeny"),
                        org.assertj.core.groups.Tuple.tuple("s3:PutObject", "arn:aws:s3:::reports/secret.csv",
                                "explicitDeny"));
        assertThat(results.get(0).matchedStatements()).singleElement()
                .satisfies(statement -> assertThat(statement.sourcePolicyId()).isEqualTo("PolicyInputList.1"));
    }

    @Test
    void simulateCustomPolicyRejectsAPolicyThatIsNotJson() {
        AwsServiceException error = awsError(() -> iam.simulateCustomPolicy(
                r -> r.policyInputList("not json").actionNames("s3:GetObject")));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
    }

    @Test
    void iamRequestsAreRecordedAsIam() {
        iam.listAccountAliases();

        assertThat(aws.requests()).singleElement().satisfies(request -> {
            assertThat(request.service()).isEqualTo("iam");
            assertThat(request.action()).isEqualTo("ListAccountAliases");
            assertThat(request.parameter("Version")).isEqualTo("2010-05-08");
        });
    }
}
