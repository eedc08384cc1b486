package dev.awsconnectors.testhost.aws;

import static dev.awsconnectors.testhost.aws.Sdk.awsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;

/** IAM's OpenID Connect identity providers through the real SDK: create, read, list, delete, and IAM's refusals. */
class LocalAwsOpenIdConnectProviderTest {

    private static final String THUMBPRINT = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";

    private LocalAws aws;
    private AwsAccount account;
    private IamClient iam;

    @BeforeEach
    void startAws() {
        aws = LocalAws.start();
        account = aws.account("111122223333");
        iam = Sdk.iam(aws, Sdk.basic(account.user("admin").addAccessKey()));
    }

    @AfterEach
    void stopAws() {
        iam.close();
        aws.close();
    }

    @Test
    void aProvidersArnIsItsUrlWithoutHttpsAndGetGivesBackWhatWasRegistered() {
        String arn = iam.createOpenIDConnectProvider(r -> r
                .url("https://jira.example.com/rest/aws-connectors/1.0/oidc")
                .clientIDList("sts.amazonaws.com").thumbprintList(THUMBPRINT)).openIDConnectProviderArn();

        assertThat(arn).isEqualTo(
                "arn:aws:iam::111122223333:oidc-provider/jira.example.com/rest/aws-connectors/1.0/oidc");
        GetOpenIdConnectProviderResponse provider =
                iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
        assertThat(provider.url()).isEqualTo("jira.example.com/rest/aws-connectors/1.0/oidc");
        assertThat(provider.clientIDList()).containsExactly("sts.amazonaws.com");
        assertThat(provider.thumbprintList()).containsExactly(THUMBPRINT);
        assertThat(provider.createDate()).isNotNull();
        assertThat(account.openIdConnectProvider("https://jira.example.com/rest/aws-connectors/1.0/oidc"))
                .map(OidcProvider::arn).contains(arn);
    }

    @Test
    void aTrailingSlashStaysInTheArn() {
        assertThat(iam.createOpenIDConnectProvider(r -> r.url("https://auth.example.com/").clientIDList("a"))
                .openIDConnectProviderArn()).isEqualTo("arn:aws:iam::111122223333:oidc-provider/auth.example.com/");
    }

    @Test
    void providersAreListedAndDeleted() {
        String first = iam.createOpenIDConnectProvider(r -> r.url("https://one.example.com"))
                .openIDConnectProviderArn();
        String second = iam.createOpenIDConnectProvider(r -> r.url("https://two.example.com"))
                .openIDConnectProviderArn();

        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList())
                .extracting(p -> p.arn()).containsExactly(first, second);

        iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(first));

        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList())
                .extracting(p -> p.arn()).containsExactly(second);
        AwsServiceException error = awsError(() -> iam.getOpenIDConnectProvider(r -> r
                .openIDConnectProviderArn(first)));
        assertThat(error).isInstanceOf(NoSuchEntityException.class);
        assertThat(error.statusCode()).isEqualTo(404);
    }

    @Test
    void urlsThatAreNotHttpsOrCarryAQueryOrAPortAreInvalidInput() {
        for (String url : List.of("http://jira.example.com", "https://jira.example.com/oidc?x=1",
                "https://jira.example.com:8443/oidc", "jira.example.com", "ftp://jira.example.com")) {
            AwsServiceException error = awsError(() -> iam.createOpenIDConnectProvider(r -> r.url(url)));

            assertThat(error).as(url).isInstanceOf(InvalidInputException.class);
            assertThat(error.statusCode()).isEqualTo(400);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Invalid Open ID Connect Provider URL");
        }
        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
    }

    @Test
    void plainHttpIsAcceptedOnlyOnThisMachineForTheDemoHost() {
        assertThat(iam.createOpenIDConnectProvider(r -> r
                .url("http://localhost:2990/jira/rest/aws-connectors/1.0/oidc")).openIDConnectProviderArn())
                .isEqualTo("arn:aws:iam::111122223333:oidc-provider/localhost:2990/jira/rest/aws-connectors/1.0/oidc");
        assertThat(iam.createOpenIDConnectProvider(r -> r.url("http://127.0.0.1:2990/oidc")).openIDConnectProviderArn())
                .endsWith(":oidc-provider/127.0.0.1:2990/oidc");
        assertThatThrownBy(() -> account.addOpenIdConnectProvider("http://jira.example.com/oidc", "a"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUrlLongerThan255CharactersIsAValidationError() {
        String url = "https://jira.example.com/" + "a".repeat(231);

        AwsServiceException error = awsError(() -> iam.createOpenIDConnectProvider(r -> r.url(url)));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '" + url
                + "' at 'url' failed to satisfy constraint: Member must have length less than or equal to 255");
    }

    @Test
    void moreThanFiveThumbprintsAreInvalidInput() {
        AwsServiceException error = awsError(() -> iam.createOpenIDConnectProvider(r -> r.url("https://a.example.com")
                .thumbprintList(Collections.nCopies(6, THUMBPRINT))));

        assertThat(error).isInstanceOf(InvalidInputException.class);
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Thumbprint list must contain fewer than 5 entries.");
    }

    @Test
    void aThumbprintOfAnotherLengthThanFortyIsAValidationError() {
        AwsServiceException error = awsError(() -> iam.createOpenIDConnectProvider(r -> r.url("https://a.example.com")
                .thumbprintList("abc")));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(error.awsErrorDetails().errorMessage()).contains("'thumbprintList.1.member'");
    }

    @Test
    void moreThanOneHundredAudiencesExceedIamsQuota() {
        List<String> audiences = java.util.stream.IntStream.rangeClosed(1, 101).mapToObj(i -> "aud-" + i).toList();

        AwsServiceException error = awsError(() -> iam.createOpenIDConnectProvider(r -> r.url("https://a.example.com")
                .clientIDList(audiences)));

        assertThat(error).isInstanceOf(LimitExceededException.class);
        assertThat(error.statusCode()).isEqualTo(409);
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100");
    }

    @Test
    void aSecondProviderForTheSameUrlIsEntityAlreadyExists() {
        iam.createOpenIDConnectProvider(r -> r.url("https://a.example.com"));

        AwsServiceException error = awsError(() -> iam.createOpenIDConnectProvider(r -> r
                .url("https://a.example.com")));

        assertThat(error).isInstanceOf(EntityAlreadyExistsException.class);
        assertThat(error.statusCode()).isEqualTo(409);
    }

    @Test
    void aProviderCreatedOverTheWireIsTheOneWebIdentityTokensAreCheckedAgainst() {
        try (TestIssuer issuer = TestIssuer.start("/oidc"); StsClient sts = Sdk.anonymousSts(aws)) {
            String arn = iam.createOpenIDConnectProvider(r -> r.url(issuer.url()).clientIDList("sts.amazonaws.com"))
                    .openIDConnectProviderArn();
            OidcProvider provider = account.openIdConnectProvider(issuer.url()).orElseThrow();
            IamRole role = account.role("keyless").trustWebIdentity(provider);

            assertThat(sts.assumeRoleWithWebIdentity(r -> r.roleArn(role.arn()).roleSessionName("s1")
                    .webIdentityToken(issuer.token(issuer.claims("connector:1", "sts.amazonaws.com")))).provider())
                    .isEqualTo(arn);

            iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
            AwsServiceException error = awsError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(role.arn())
                    .roleSessionName("s1").webIdentityToken(issuer.token(issuer.claims("connector:1",
                            "sts.amazonaws.com")))));
            assertThat(error.awsErrorDetails().errorMessage())
                    .isEqualTo("No OpenIDConnect provider found in your account for " + issuer.url());
        }
    }
}
