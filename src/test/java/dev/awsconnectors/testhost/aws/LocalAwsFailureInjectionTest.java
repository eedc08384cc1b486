package dev.awsconnectors.testhost.aws;

import static dev.awsconnectors.testhost.aws.Sdk.awsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Each failure the double can be told to produce, as the real SDK (retries off) experiences it. */
class LocalAwsFailureInjectionTest {

    private LocalAws aws;
    private AccessKey key;
    private StsClient sts;

    @BeforeEach
    void startAws() {
        aws = LocalAws.start();
        key = aws.account("111122223333").user("alice").addAccessKey();
        sts = Sdk.sts(aws, Sdk.basic(key));
    }

    @AfterEach
    void stopAws() {
        sts.close();
        aws.close();
    }

    @Test
    void anInternalFailureIsA500ThatTheSdkReportsWithItsCode() {
        aws.failNext(1, Failure.internalFailure());

        AwsServiceException error = awsError(sts::getCallerIdentity);

        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
        assertThat(sts.getCallerIdentity().arn()).endsWith(":user/alice");
    }

    @Test
    void serviceUnavailableIsA503() {
        aws.failNext(1, Failure.serviceUnavailable());

        AwsServiceException error = awsError(sts::getCallerIdentity);

        assertThat(error.statusCode()).isEqualTo(503);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
    }

    @Test
    void throttlingIsA400RateExceededThatTheSdkRecognisesAsThrottling() {
        aws.failNext(1, Failure.throttling());

        AwsServiceException error = awsError(sts::getCallerIdentity);

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("Throttling");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        assertThat(error.isThrottlingException()).isTrue();
    }

    @Test
    void aMalformedBodyIsAnUnmarshallingFailureOnTheClientSide() {
        aws.failNext(1, Failure.malformedBody());

        assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(SdkClientException.class);
    }

    @Test
    void aClosedConnectionIsAClientSideIoFailure() {
        aws.failNext(1, Failure.closeConnection());

        assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(SdkClientException.class)
                .isNotInstanceOf(AwsServiceException.class);
        assertThat(aws.requests()).singleElement().satisfies(request -> {
            assertThat(request.status()).isZero();
            assertThat(request.injectedFailure()).isEqualTo("CLOSE_CONNECTION");
        });
    }

    @Test
    void aDelayLongerThanTheReadTimeoutIsATimeoutAndAShorterOneIsJustSlow() {
        try (StsClient impatient = Sdk.sts(aws, Sdk.basic(key), Sdk.httpWithReadTimeout(Duration.ofMillis(300)),
                ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build())) {
            aws.failNext(1, Failure.delay(Duration.ofSeconds(2)));
            assertThatThrownBy(impatient::getCallerIdentity).isInstanceOf(SdkClientException.class)
                    .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);

            aws.failNext(1, Failure.delay(Duration.ofMillis(100)));
            long start = System.nanoTime();
            assertThat(impatient.getCallerIdentity().account()).isEqualTo("111122223333");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
    }

    @Test
    void aFailureScopedToAnActionLeavesOtherActionsAlone() {
        aws.failNext(1, "GetSessionToken", Failure.serviceUnavailable());

        assertThat(sts.getCallerIdentity().account()).isEqualTo("111122223333");
        assertThat(awsError(sts::getSessionToken).statusCode()).isEqualTo(503);
        assertThat(sts.getSessionToken().credentials()).isNotNull();
    }

    @Test
    void theSdksDefaultRetriesRideOutAFewServerErrors() {
        aws.failNext(2, Failure.serviceUnavailable());
        try (StsClient retrying = Sdk.sts(aws, Sdk.basic(key), UrlConnectionHttpClient.create(),
                ClientOverrideConfiguration.builder().build())) {

            assertThat(retrying.getCallerIdentity().account()).isEqualTo("111122223333");
        }
        assertThat(aws.requests()).extracting(RecordedRequest::status).containsExactly(503, 503, 200);
    }
}
