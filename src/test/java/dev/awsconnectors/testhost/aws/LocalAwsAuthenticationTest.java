package dev.awsconnectors.testhost.aws;

import dev.awsconnectors.testhost.ManualClock;

import static dev.awsconnectors.testhost.aws.Sdk.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Every request is authenticated as AWS does it, and every request is recorded. */
class LocalAwsAuthenticationTest {

    private LocalAws aws;
    private IamUser alice;
    private AccessKey key;

    @BeforeEach
    void startAws() {
        aws = LocalAws.start();
        alice = aws.account("111122223333").user("alice");
        key = alice.addAccessKey();
    }

    @AfterEach
    void stopAws() {
        aws.close();
    }

    @Test
    void aWrongSecretIsASignatureThatDoesNotMatch() {
        AwsBasicCredentials wrong = AwsBasicCredentials.create(key.accessKeyId(), "x".repeat(40));

        try (StsClient sts = Sdk.sts(aws, wrong)) {
            AwsServiceException error = awsError(sts::getCallerIdentity);

            assertThat(error.statusCode()).isEqualTo(403);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(error.awsErrorDetails().errorMessage())
                    .startsWith("The request signature we calculated does not match the signature you provided.");
        }
        assertThat(aws.requests()).singleElement().satisfies(request -> {
            assertThat(request.accessKeyId()).isEqualTo(key.accessKeyId());
            assertThat(request.signatureValid()).isFalse();
            assertThat(request.errorCode()).isEqualTo("SignatureDoesNotMatch");
        });
    }

    @Test
    void anUnknownKeyIsAnInvalidClientTokenId() {
        try (StsClient sts = Sdk.sts(aws, AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", "y".repeat(40)))) {
            AwsServiceException error = awsError(sts::getCallerIdentity);

            assertThat(error.statusCode()).isEqualTo(403);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            assertThat(error.awsErrorDetails().errorMessage())
                    .isEqualTo("The security token included in the request is invalid.");
        }
    }

    @Test
    void aDeactivatedKeyIsAnInvalidClientTokenId() {
        alice.deactivateAccessKey(key.accessKeyId());

        try (StsClient sts = Sdk.sts(aws, Sdk.basic(key))) {
            assertThat(awsError(sts::getCallerIdentity).awsErrorDetails().errorCode())
                    .isEqualTo("InvalidClientTokenId");
        }
    }

    @Test
    void aSessionTokenThatDoesNotBelongToTheKeyIsAnInvalidClientTokenId() {
        try (StsClient sts = Sdk.sts(aws, Sdk.basic(key))) {
            Credentials issued = sts.getSessionToken().credentials();
            AwsSessionCredentials forged = AwsSessionCredentials.create(issued.accessKeyId(),
                    issued.secretAccessKey(), issued.sessionToken() + "x");

            try (StsClient withForged = Sdk.sts(aws, forged)) {
                assertThat(awsError(withForged::getCallerIdentity).awsErrorDetails().errorCode())
                        .isEqualTo("InvalidClientTokenId");
            }
        }
    }

    @Test
    void expiredTemporaryCredentialsAreRefusedWithExpiredToken() {
        try (StsClient sts = Sdk.sts(aws, Sdk.basic(key))) {
            Credentials issued = sts.getSessionToken().credentials();
            aws.expireCredentials(issued.accessKeyId());

            try (StsClient expired = Sdk.sts(aws, Sdk.session(issued))) {
                AwsServiceException error = awsError(expired::getCallerIdentity);

                assertThat(error.statusCode()).isEqualTo(403);
                assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
                assertThat(error.awsErrorDetails().errorMessage())
                        .isEqualTo("The security token included in the request is expired");
            }
        }
    }

    @Test
    void credentialsExpireByTheDoublesClock() {
        // The double runs ten minutes behind the SDK: within the allowed skew, and with room to move past expiry.
        ManualClock clock = new ManualClock(Instant.now().minus(Duration.ofMinutes(10)));
        try (LocalAws timed = LocalAws.builder().clock(clock).start()) {
            AccessKey bobKey = timed.account("111122223333").user("bob").addAccessKey();
            Credentials issued;
            try (StsClient sts = Sdk.sts(timed, Sdk.basic(bobKey))) {
                issued = sts.getSessionToken(r -> r.durationSeconds(900)).credentials();
            }
            clock.set(issued.expiration().plusSeconds(1));

            try (StsClient expired = Sdk.sts(timed, Sdk.session(issued))) {
                assertThat(awsError(expired::getCallerIdentity).awsErrorDetails().errorCode())
                        .isEqualTo("ExpiredToken");
            }
        }
    }

    @Test
    void aRequestSignedMoreThanFifteenMinutesAgoByTheServersClockIsASignatureExpired() {
        try (LocalAws ahead = LocalAws.builder().clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20)))
                .start()) {
            AccessKey bobKey = ahead.account("111122223333").user("bob").addAccessKey();
            try (StsClient sts = Sdk.sts(ahead, Sdk.basic(bobKey))) {
                AwsServiceException error = awsError(sts::getCallerIdentity);

                assertThat(error.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                assertThat(error.awsErrorDetails().errorMessage()).startsWith("Signature expired: ");
            }
        }
    }

    @Test
    void aRequestWithoutAuthorizationIsMissingTheAuthenticationToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(aws.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body())
                .contains("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<Type>Sender</Type><Code>MissingAuthenticationToken</Code>")
                .contains("<RequestId>");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void theRecorderKeepsEveryRequestWithItsDecodedParametersAndSigner() {
        try (StsClient sts = Sdk.sts(aws, Sdk.basic(key))) {
            sts.getCallerIdentity();
            sts.getFederationToken(r -> r.name("jira.bob").durationSeconds(900));
        }

        List<RecordedRequest> requests = aws.requests();

        assertThat(requests).extracting(RecordedRequest::action)
                .containsExactly("GetCallerIdentity", "GetFederationToken");
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.service()).isEqualTo("sts");
            assertThat(request.accessKeyId()).isEqualTo(key.accessKeyId());
            assertThat(request.signatureValid()).isTrue();
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.time()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(
                    10, java.time.temporal.ChronoUnit.SECONDS));
        });
        assertThat(requests.get(1).parameters()).containsEntry("Name", "jira.bob")
                .containsEntry("DurationSeconds", "900").containsEntry("Version", "2011-06-15");
        assertThat(requests).isUnmodifiable();

        aws.clear();

        assertThat(aws.requests()).isEmpty();
    }

}
