package dev.awsconnectors.testhost.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.awsconnectors.testhost.aws.IssuedSession;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.aws.TestIssuer;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The demo's ready-made AWS: besides the broker user and its role, role {@code jira-keyless} trusts the demo's own
 * OpenID Connect issuer, at the demo's base URL, for connector subjects. An issuer the test runs stands in for the
 * app's, at {@code http://localhost:<port>/jira/rest/aws-connectors/1.0/oidc}.
 */
class DemoAwsTest {

    @TempDir
    Path home;

    private TestIssuer issuer;
    private DemoAws demoAws;
    private StsClient sts;

    @BeforeEach
    void start() {
        issuer = TestIssuer.start("localhost", "/jira" + DemoAws.OIDC_ISSUER_PATH);
        demoAws = DemoAws.start(home, URI.create("http://localhost:" + issuer.port() + "/jira"));
        sts = StsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(demoAws.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void stop() {
        sts.close();
        demoAws.close();
        issuer.close();
    }

    @Test
    void theIssuerUrlIsTheDemosBaseUrlWithTheAppsOidcPath() {
        assertThat(DemoAws.issuerUrl(URI.create("http://localhost:2990/jira")))
                .isEqualTo("http://localhost:2990/jira/rest/aws-connectors/1.0/oidc");
    }

    @Test
    void aConnectorTokenOfTheDemosIssuerAssumesTheKeylessRole() {
        AssumeRoleWithWebIdentityResponse response = assume("connector:7");

        assertThat(response.provider()).isEqualTo("arn:aws:iam::123456789012:oidc-provider/localhost:"
                + issuer.port() + "/jira/rest/aws-connectors/1.0/oidc");
        assertThat(response.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/jira-keyless/jira-7");
        LocalAws aws = demoAws.localAws().orElseThrow();
        IssuedSession session = aws.session(response.credentials().accessKeyId()).orElseThrow();
        assertThat(session.roleArn()).isEqualTo(demoAws.keylessRoleArn());
        assertThat(session.subject()).isEqualTo("connector:7");
    }

    @Test
    void aTokenWhoseSubjectIsNotAConnectorIsDenied() {
        StsException error = catchThrowableOfType(StsException.class, () -> assume("user:alice"));

        assertThat(error.statusCode()).isEqualTo(403);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }

    private AssumeRoleWithWebIdentityResponse assume(String subject) {
        return sts.assumeRoleWithWebIdentity(r -> r.roleArn(demoAws.keylessRoleArn()).roleSessionName("jira-7")
                .webIdentityToken(issuer.token(issuer.claims(subject, DemoAws.OIDC_AUDIENCE))));
    }
}
