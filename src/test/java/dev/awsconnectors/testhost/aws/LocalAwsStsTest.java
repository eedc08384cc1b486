package dev.awsconnectors.testhost.aws;

import static dev.awsconnectors.testhost.aws.Sdk.awsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.Tag;

/** STS through the real SDK: each call's happy path, its parameter limits and AWS's refusals. */
// AWS still sends PackedPolicySize, which the SDK deprecated; the double must answer it as AWS does.
@SuppressWarnings("deprecation")
class LocalAwsStsTest {

    private static final String ACCOUNT = "111122223333";

    private LocalAws aws;
    private AwsAccount account;
    private IamUser alice;
    private AccessKey aliceKey;
    private IamRole deploy;
    private StsClient sts;

    @BeforeEach
    void startAws() {
        aws = LocalAws.start();
        account = aws.account(ACCOUNT).alias("acme");
        alice = account.user("alice");
        aliceKey = alice.addAccessKey();
        deploy = account.role("deploy").trust(alice).maxSessionDuration(7200);
        sts = Sdk.sts(aws, Sdk.basic(aliceKey));
    }

    @AfterEach
    void stopAws() {
        sts.close();
        aws.close();
    }

    @Test
    void getCallerIdentityReportsTheIamUserBehindTheKeys() {
        GetCallerIdentityResponse identity = sts.getCallerIdentity();

        assertThat(identity.account()).isEqualTo(ACCOUNT);
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(identity.userId()).isEqualTo(alice.userId()).startsWith("AIDA");
    }

    @Test
    void assumeRoleIssuesCredentialsForAnAssumedRoleSession() {
        AssumeRoleResponse response = sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("jira.alice"));

        assertThat(response.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/deploy/jira.alice");
        assertThat(response.assumedRoleUser().assumedRoleId()).isEqualTo(deploy.roleId() + ":jira.alice");
        assertThat(response.credentials().accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(response.credentials().secretAccessKey()).hasSize(40);
        assertThat(response.credentials().sessionToken()).isNotBlank();
        assertThat(response.credentials().expiration())
                .isCloseTo(Instant.now().plusSeconds(3600), within(5, ChronoUnit.SECONDS));
        assertThat(response.packedPolicySize()).isNull();
    }

    @Test
    void issuedRoleCredentialsAreAcceptedAndIdentifyAsTheAssumedRole() {
        Credentials credentials = sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("jira.alice"))
                .credentials();

        try (StsClient asRole = Sdk.sts(aws, Sdk.session(credentials))) {
            GetCallerIdentityResponse identity = asRole.getCallerIdentity();

            assertThat(identity.arn()).isEqualTo("arn:aws:sts::111122223333:assumed-role/deploy/jira.alice");
            assertThat(identity.userId()).isEqualTo(deploy.roleId() + ":jira.alice").startsWith("AROA");
            assertThat(identity.account()).isEqualTo(ACCOUNT);
        }
    }

    @Test
    void aRoleSessionMayChainIntoARoleThatTrustsTheRoleButOnlyForAnHour() {
        IamRole target = account.role("target").trust(deploy).maxSessionDuration(43200);
        Credentials first = sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("hop1")).credentials();

        try (StsClient asRole = Sdk.sts(aws, Sdk.session(first))) {
            AssumeRoleResponse chained = asRole.assumeRole(r -> r.roleArn(target.arn()).roleSessionName("hop2"));
            AwsServiceException tooLong = awsError(() -> asRole.assumeRole(
                    r -> r.roleArn(target.arn()).roleSessionName("hop2").durationSeconds(3601)));

            assertThat(chained.assumedRoleUser().arn()).endsWith(":assumed-role/target/hop2");
            assertThat(tooLong.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(tooLong.awsErrorDetails().errorMessage()).isEqualTo("The requested DurationSeconds exceeds "
                    + "the 1 hour session limit for roles assumed by role chaining.");
        }
    }

    @Test
    void assumeRoleRefusesACallerTheRoleDoesNotTrust() {
        IamRole stranger = account.role("stranger");

        AwsServiceException error = awsError(() -> sts.assumeRole(
                r -> r.roleArn(stranger.arn()).roleSessionName("jira.alice")));

        assertThat(error.statusCode()).isEqualTo(403);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::111122223333:user/alice "
                + "is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/stranger");
    }

    @Test
    void anUnknownRoleIsRefusedLikeAnUntrustedOne() {
        AwsServiceException error = awsError(() -> sts.assumeRole(
                r -> r.roleArn("arn:aws:iam::111122223333:role/nobody").roleSessionName("s1")));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }

    @Test
    void trustingTheAccountRootLetsAnyPrincipalOfTheAccountAssumeTheRole() {
        IamRole open = account.role("open").trust(account.rootArn());

        assertThat(sts.assumeRole(r -> r.roleArn(open.arn()).roleSessionName("s1")).credentials()).isNotNull();
    }

    @Test
    void assumeRoleRequiresTheExactExternalIdTheRoleAsksFor() {
        IamRole guarded = account.role("guarded").trust(alice).externalId("ext-1234");

        AwsServiceException missing = awsError(() -> sts.assumeRole(
                r -> r.roleArn(guarded.arn()).roleSessionName("s1")));
        AwsServiceException wrong = awsError(() -> sts.assumeRole(
                r -> r.roleArn(guarded.arn()).roleSessionName("s1").externalId("ext-9999")));
        AssumeRoleResponse right = sts.assumeRole(
                r -> r.roleArn(guarded.arn()).roleSessionName("s1").externalId("ext-1234"));

        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(wrong.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(right.credentials()).isNotNull();
    }

    @Test
    void assumeRoleRefusesADurationAboveTheRolesMaxSessionDuration() {
        AssumeRoleResponse atMax = sts.assumeRole(
                r -> r.roleArn(deploy.arn()).roleSessionName("s1").durationSeconds(7200));
        AwsServiceException above = awsError(() -> sts.assumeRole(
                r -> r.roleArn(deploy.arn()).roleSessionName("s1").durationSeconds(7201)));

        assertThat(atMax.credentials().expiration())
                .isCloseTo(Instant.now().plusSeconds(7200), within(5, ChronoUnit.SECONDS));
        assertThat(above.statusCode()).isEqualTo(400);
        assertThat(above.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(above.awsErrorDetails().errorMessage())
                .isEqualTo("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }

    @Test
    void assumeRoleKeepsTheDurationWithinNineHundredToFortyThreeThousandTwoHundredSeconds() {
        AwsServiceException tooShort = awsError(() -> sts.assumeRole(
                r -> r.roleArn(deploy.arn()).roleSessionName("s1").durationSeconds(899)));
        AwsServiceException tooLong = awsError(() -> sts.assumeRole(
                r -> r.roleArn(deploy.arn()).roleSessionName("s1").durationSeconds(43201)));

        assertThat(tooShort.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '899' at "
                + "'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
        assertThat(tooLong.awsErrorDetails().errorMessage()).endsWith("Member must have value less than or equal to "
                + "43200");
    }

    @Test
    void theRoleSessionNameMustBeTwoToSixtyFourAllowedCharacters() {
        String sixtyFour = "a".repeat(64);

        assertThat(sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName(sixtyFour)).credentials()).isNotNull();
        assertThat(sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("a@b.c+d=e,f-g_h")).credentials())
                .isNotNull();
        assertThat(awsError(() -> sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("a")))
                .awsErrorDetails().errorMessage())
                .contains("'roleSessionName'", "Member must have length greater than or equal to 2");
        assertThat(awsError(() -> sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName(sixtyFour + "b")))
                .awsErrorDetails().errorMessage())
                .contains("Member must have length less than or equal to 64");
        assertThat(awsError(() -> sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("alice smith")))
                .awsErrorDetails().errorMessage())
                .contains("Member must satisfy regular expression pattern: [\\w+=,.@-]*");
    }

    @Test
    void theExternalIdMustBeTwoToTwelveHundredTwentyFourCharacters() {
        IamRole guarded = account.role("guarded").trust(alice).externalId("x".repeat(1224));

        assertThat(sts.assumeRole(r -> r.roleArn(guarded.arn()).roleSessionName("s1").externalId("x".repeat(1224)))
                .credentials()).isNotNull();
        assertThat(awsError(() -> sts.assumeRole(r -> r.roleArn(guarded.arn()).roleSessionName("s1")
                .externalId("x".repeat(1225)))).awsErrorDetails().errorMessage())
                .contains("'externalId'", "less than or equal to 1224");
        assertThat(awsError(() -> sts.assumeRole(r -> r.roleArn(guarded.arn()).roleSessionName("s1")
                .externalId("x"))).awsErrorDetails().errorMessage())
                .contains("'externalId'", "greater than or equal to 2");
    }

    @Test
    void aSessionPolicyAndPolicyArnsAreMeasuredAsAPackedSize() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"*\"}]}";

        AssumeRoleResponse response = sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("s1")
                .policy(policy)
                .policyArns(PolicyDescriptorType.builder().arn("arn:aws:iam::aws:policy/ReadOnlyAccess").build()));

        assertThat(response.packedPolicySize()).isBetween(1, 100);
        assertThat(aws.requests().get(0).parameters())
                .containsEntry("Policy", policy)
                .containsEntry("PolicyArns.member.1.arn", "arn:aws:iam::aws:policy/ReadOnlyAccess");
    }

    @Test
    void aPolicyLongerThanTwoThousandFortyEightCharactersIsAValidationError() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + "b".repeat(2048) + "\"}]}";

        AwsServiceException error = awsError(() -> sts.assumeRole(
                r -> r.roleArn(deploy.arn()).roleSessionName("s1").policy(policy)));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(error.awsErrorDetails().errorMessage()).contains("'policy'", "less than or equal to 2048");
    }

    @Test
    void elevenPolicyArnsAreOneTooMany() {
        List<PolicyDescriptorType> arns = java.util.stream.IntStream.rangeClosed(1, 11)
                .mapToObj(i -> PolicyDescriptorType.builder().arn("arn:aws:iam::aws:policy/Policy" + i).build())
                .toList();

        AwsServiceException error = awsError(() -> sts.assumeRole(
                r -> r.roleArn(deploy.arn()).roleSessionName("s1").policyArns(arns)));

        assertThat(error.awsErrorDetails().errorMessage()).contains("'policyArns'", "less than or equal to 10");
    }

    @Test
    void aPolicyAndArnsTogetherBeyondTheBudgetAreAPackedPolicyTooLarge() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + "b".repeat(1800) + "\"}]}";
        List<PolicyDescriptorType> arns = java.util.stream.IntStream.rangeClosed(1, 10)
                .mapToObj(i -> PolicyDescriptorType.builder()
                        .arn("arn:aws:iam::111122223333:policy/a-rather-long-policy-name-" + i).build())
                .toList();

        AwsServiceException error = awsError(() -> sts.assumeRole(
                r -> r.roleArn(deploy.arn()).roleSessionName("s1").policy(policy).policyArns(arns)));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("PackedPolicyTooLarge");
    }

    @Test
    void aPolicyThatIsNotJsonIsAMalformedPolicyDocument() {
        AwsServiceException error = awsError(() -> sts.assumeRole(
                r -> r.roleArn(deploy.arn()).roleSessionName("s1").policy("{\"Version\": \"2012-10-17\", ")));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
    }

    @Test
    void sourceIdentityAndSessionTagsReachAwsAndTheSourceIdentityComesBack() {
        AssumeRoleResponse response = sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("s1")
                .sourceIdentity("jira.alice")
                .tags(Tag.builder().key("jira-user").value("alice").build())
                .transitiveTagKeys("jira-user"));

        assertThat(response.sourceIdentity()).isEqualTo("jira.alice");
        assertThat(response.packedPolicySize()).isNotNull();
        assertThat(aws.requests().get(0).parameters())
                .containsEntry("SourceIdentity", "jira.alice")
                .containsEntry("Tags.member.1.Key", "jira-user")
                .containsEntry("Tags.member.1.Value", "alice")
                .containsEntry("TransitiveTagKeys.member.1", "jira-user");
    }

    @Test
    void fiftyOneSessionTagsAreOneTooMany() {
        List<Tag> tags = java.util.stream.IntStream.rangeClosed(1, 51)
                .mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList();

        AwsServiceException error = awsError(() -> sts.assumeRole(
                r -> r.roleArn(deploy.arn()).roleSessionName("s1").tags(tags)));

        assertThat(error.awsErrorDetails().errorMessage()).contains("'tags'", "less than or equal to 50");
    }

    @Test
    void theSourceIdentityMustBeTwoToSixtyFourCharacters() {
        assertThat(awsError(() -> sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("s1")
                .sourceIdentity("x"))).awsErrorDetails().errorMessage()).contains("'sourceIdentity'");
    }

    @Test
    void aRoleThatRequiresMfaIsAssumedOnlyWithTheCurrentCodeOfTheCallersDevice() {
        IamRole guarded = account.role("mfa-only").trust(alice).requireMfa();
        String serial = alice.addVirtualMfaDevice("123456");

        AwsServiceException without = awsError(() -> sts.assumeRole(
                r -> r.roleArn(guarded.arn()).roleSessionName("s1")));
        AwsServiceException wrongCode = awsError(() -> sts.assumeRole(
                r -> r.roleArn(guarded.arn()).roleSessionName("s1").serialNumber(serial).tokenCode("654321")));
        AssumeRoleResponse withCode = sts.assumeRole(
                r -> r.roleArn(guarded.arn()).roleSessionName("s1").serialNumber(serial).tokenCode("123456"));

        assertThat(without.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(wrongCode.awsErrorDetails().errorMessage())
                .startsWith("MultiFactorAuthentication failed with invalid MFA one time pass code.");
        assertThat(withCode.credentials()).isNotNull();
        assertThat(serial).isEqualTo("arn:aws:iam::111122223333:mfa/alice");
    }

    @Test
    void aTokenCodeMustBeSixDigits() {
        assertThat(awsError(() -> sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("s1")
                .serialNumber("arn:aws:iam::111122223333:mfa/alice").tokenCode("12345")))
                .awsErrorDetails().errorMessage()).contains("'tokenCode'");
    }

    @Test
    void getSessionTokenIssuesCredentialsThatStillIdentifyAsTheUser() {
        Credentials credentials = sts.getSessionToken(r -> r.durationSeconds(900)).credentials();

        assertThat(credentials.expiration()).isCloseTo(Instant.now().plusSeconds(900), within(5, ChronoUnit.SECONDS));
        try (StsClient asSession = Sdk.sts(aws, Sdk.session(credentials))) {
            assertThat(asSession.getCallerIdentity().arn()).isEqualTo(alice.arn());
        }
    }

    @Test
    void getSessionTokenDefaultsToTwelveHoursAndAllowsNineHundredToOneHundredTwentyNineThousandSixHundredSeconds() {
        Credentials byDefault = sts.getSessionToken().credentials();
        Credentials longest = sts.getSessionToken(r -> r.durationSeconds(129600)).credentials();

        assertThat(byDefault.expiration()).isCloseTo(Instant.now().plusSeconds(43200), within(5, ChronoUnit.SECONDS));
        assertThat(longest.expiration()).isCloseTo(Instant.now().plusSeconds(129600), within(5, ChronoUnit.SECONDS));
        assertThat(awsError(() -> sts.getSessionToken(r -> r.durationSeconds(129601))).awsErrorDetails()
                .errorMessage()).contains("'durationSeconds'", "less than or equal to 129600");
        assertThat(awsError(() -> sts.getSessionToken(r -> r.durationSeconds(899))).awsErrorDetails()
                .errorMessage()).contains("'durationSeconds'", "greater than or equal to 900");
    }

    @Test
    void getSessionTokenChecksTheMfaCode() {
        String serial = alice.addVirtualMfaDevice("246810");

        assertThat(sts.getSessionToken(r -> r.serialNumber(serial).tokenCode("246810")).credentials()).isNotNull();
        assertThat(awsError(() -> sts.getSessionToken(r -> r.serialNumber(serial).tokenCode("000000")))
                .awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }

    @Test
    void rootKeysGetSessionsOfAtMostAnHour() {
        try (StsClient asRoot = Sdk.sts(aws, Sdk.basic(account.addRootAccessKey()))) {
            Credentials credentials = asRoot.getSessionToken(r -> r.durationSeconds(7200)).credentials();

            assertThat(credentials.expiration()).isCloseTo(Instant.now().plusSeconds(3600),
                    within(5, ChronoUnit.SECONDS));
            assertThat(asRoot.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111122223333:root");
        }
    }

    @Test
    void temporaryCredentialsCannotCallGetSessionTokenOrGetFederationToken() {
        Credentials credentials = sts.getSessionToken().credentials();

        try (StsClient asSession = Sdk.sts(aws, Sdk.session(credentials))) {
            AwsServiceException sessionToken = awsError(asSession::getSessionToken);
            AwsServiceException federation = awsError(() -> asSession.getFederationToken(r -> r.name("bob")));

            assertThat(sessionToken.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(sessionToken.awsErrorDetails().errorMessage())
                    .isEqualTo("Cannot call GetSessionToken with session credentials");
            assertThat(federation.awsErrorDetails().errorMessage())
                    .isEqualTo("Cannot call GetFederationToken with session credentials");
        }
    }

    @Test
    void getFederationTokenIssuesCredentialsForAFederatedUser() {
        GetFederationTokenResponse response = sts.getFederationToken(r -> r.name("jira.bob").durationSeconds(1800)
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                        + "\"Resource\":\"*\"}}"));

        assertThat(response.federatedUser().arn()).isEqualTo("arn:aws:sts::111122223333:federated-user/jira.bob");
        assertThat(response.federatedUser().federatedUserId()).isEqualTo("111122223333:jira.bob");
        assertThat(response.packedPolicySize()).isPositive();
        assertThat(response.credentials().expiration())
                .isCloseTo(Instant.now().plusSeconds(1800), within(5, ChronoUnit.SECONDS));
        try (StsClient asFederated = Sdk.sts(aws, Sdk.session(response.credentials()))) {
            assertThat(asFederated.getCallerIdentity().arn()).endsWith(":federated-user/jira.bob");
            assertThat(awsError(() -> asFederated.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("s1")))
                    .awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }

    @Test
    void theFederatedUserNameMustBeTwoToThirtyTwoAllowedCharacters() {
        assertThat(sts.getFederationToken(r -> r.name("b".repeat(32))).credentials()).isNotNull();
        assertThat(awsError(() -> sts.getFederationToken(r -> r.name("b".repeat(33)))).awsErrorDetails()
                .errorMessage()).contains("'name'", "less than or equal to 32");
        assertThat(awsError(() -> sts.getFederationToken(r -> r.name("b"))).awsErrorDetails().errorMessage())
                .contains("'name'", "greater than or equal to 2");
        assertThat(awsError(() -> sts.getFederationToken(r -> r.name("bob/smith"))).awsErrorDetails()
                .errorMessage()).contains("regular expression pattern");
        assertThat(awsError(() -> sts.getFederationToken(r -> r.name("bob").durationSeconds(129601)))
                .awsErrorDetails().errorMessage()).contains("'durationSeconds'");
    }

    @Test
    void arnsInAnotherPartitionCarryThatPartition() {
        try (LocalAws gov = LocalAws.builder().partition("aws-us-gov").start()) {
            IamUser bob = gov.account("444455556666").user("bob");
            IamRole role = gov.account("444455556666").role("ops").trust(bob);
            try (StsClient client = Sdk.sts(gov, Sdk.basic(bob.addAccessKey()), Region.US_GOV_WEST_1)) {
                AssumeRoleResponse response = client.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("s1"));

                assertThat(role.arn()).isEqualTo("arn:aws-us-gov:iam::444455556666:role/ops");
                assertThat(response.assumedRoleUser().arn())
                        .isEqualTo("arn:aws-us-gov:sts::444455556666:assumed-role/ops/s1");
                assertThat(client.getCallerIdentity().arn()).isEqualTo("arn:aws-us-gov:iam::444455556666:user/bob");
            }
        }
    }
}
