package dev.awsconnectors.testhost.aws;

import static dev.awsconnectors.testhost.aws.Sdk.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.Tag;

/** Session tags and source identity: AWS's patterns for tags, and what the role's trust must allow for each. */
class LocalAwsSessionTagsAndTrustTest {

    private static final String TAG_VALUE_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";
    private static final String TAG_KEY_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+";

    private LocalAws aws;
    private AwsAccount account;
    private IamUser alice;
    private IamRole deploy;
    private StsClient sts;

    @BeforeEach
    void startAws() {
        aws = LocalAws.start();
        account = aws.account("111122223333");
        alice = account.user("alice");
        deploy = account.role("deploy").trust(alice);
        sts = Sdk.sts(aws, Sdk.basic(alice.addAccessKey()));
    }

    @AfterEach
    void stopAws() {
        sts.close();
        aws.close();
    }

    @Test
    void aTagValueOutsideAwsPatternIsAValidationErrorNamingTheTagsPosition() {
        AwsServiceException error = awsError(() -> sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("s1")
                .tags(tag("jira-user", "alice"), tag("jira-actor", "dependabot[bot]"))));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value "
                + "'dependabot[bot]' at 'tags.2.member.value' failed to satisfy constraint: Member must satisfy "
                + "regular expression pattern: " + TAG_VALUE_PATTERN);
    }

    @Test
    void tagKeysMustBeOneToOneHundredTwentyEightCharactersOfTheKeyPattern() {
        AwsServiceException error = awsError(() -> sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("s1")
                .tags(tag("k".repeat(129), "v"), tag("team(a)", "v"))));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("2 validation errors detected: Value '"
                + "k".repeat(129) + "' at 'tags.1.member.key' failed to satisfy constraint: Member must have length "
                + "less than or equal to 128; Value 'team(a)' at 'tags.2.member.key' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: " + TAG_KEY_PATTERN);
    }

    @Test
    void tagsMayUseLettersOfAnyScriptSpacesAndTheAllowedPunctuation() {
        assertThat(sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("s1")
                .tags(tag("Zoë Müller", "名前 user@example.com:+/=_.-"), tag("empty", ""))).credentials())
                .isNotNull();
    }

    @Test
    void tagsNeedTagSessionInTheRolesTrust() {
        IamRole plain = account.role("plain").trust(alice).allowTagSession(false);

        AwsServiceException error = awsError(() -> sts.assumeRole(r -> r.roleArn(plain.arn()).roleSessionName("s1")
                .tags(tag("jira-user", "alice"))));

        assertThat(error.statusCode()).isEqualTo(403);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::111122223333:user/alice "
                + "is not authorized to perform: sts:TagSession on resource: arn:aws:iam::111122223333:role/plain");
        assertThat(sts.assumeRole(r -> r.roleArn(plain.arn()).roleSessionName("s1")).credentials()).isNotNull();
    }

    @Test
    void aSourceIdentityNeedsSetSourceIdentityInTheRolesTrust() {
        IamRole plain = account.role("plain").trust(alice).allowSetSourceIdentity(false);

        AwsServiceException error = awsError(() -> sts.assumeRole(r -> r.roleArn(plain.arn()).roleSessionName("s1")
                .sourceIdentity("jira.alice")));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::111122223333:user/alice "
                + "is not authorized to perform: sts:SetSourceIdentity on resource: "
                + "arn:aws:iam::111122223333:role/plain");
    }

    @Test
    void aSourceIdentitySticksThroughRoleChainingAndNeedsSetSourceIdentityThereToo() {
        IamRole open = account.role("open").trust(deploy);
        IamRole plain = account.role("plain").trust(deploy).allowSetSourceIdentity(false);
        Credentials first = sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("hop1")
                .sourceIdentity("jira.alice")).credentials();

        try (StsClient asRole = Sdk.sts(aws, Sdk.session(first))) {
            assertThat(asRole.assumeRole(r -> r.roleArn(open.arn()).roleSessionName("hop2")).sourceIdentity())
                    .isEqualTo("jira.alice");
            assertThat(awsError(() -> asRole.assumeRole(r -> r.roleArn(plain.arn()).roleSessionName("hop2")))
                    .awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::111122223333:assumed-role/"
                    + "deploy/hop1 is not authorized to perform: sts:SetSourceIdentity on resource: "
                    + "arn:aws:iam::111122223333:role/plain");
        }
    }

    @Test
    void byDefaultARolesTrustAllowsTaggingAndSettingASourceIdentity() {
        assertThat(sts.assumeRole(r -> r.roleArn(deploy.arn()).roleSessionName("s1").sourceIdentity("jira.alice")
                .tags(tag("jira-user", "alice"))).sourceIdentity()).isEqualTo("jira.alice");
        assertThat(deploy.trustPolicyJson())
                .contains("\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\",\"sts:SetSourceIdentity\"]");
        assertThat(account.role("plain").allowTagSession(false).allowSetSourceIdentity(false).trustPolicyJson())
                .contains("\"Action\":\"sts:AssumeRole\"");
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
