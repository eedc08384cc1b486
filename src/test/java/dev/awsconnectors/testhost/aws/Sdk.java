package dev.awsconnectors.testhost.aws;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Real SDK clients pointed at the double, built the way the app builds them. */
final class Sdk {

    private Sdk() {
    }

    static AwsCredentials basic(AccessKey key) {
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    static AwsCredentials session(Credentials issued) {
        return AwsSessionCredentials.create(issued.accessKeyId(), issued.secretAccessKey(), issued.sessionToken());
    }

    /** An STS client that does not retry, so that each call is exactly one request to the double. */
    static StsClient sts(LocalAws aws, AwsCredentials credentials) {
        return sts(aws, credentials, UrlConnectionHttpClient.create(),
                ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build());
    }

    /**
     * An STS client without credentials, as the SDK's own web-identity provider builds it: AssumeRoleWithWebIdentity
     * is sent unsigned. Does not retry.
     */
    static StsClient anonymousSts(LocalAws aws) {
        return StsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(aws.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** As {@link #sts(LocalAws, AwsCredentials)}, signing for this region (the double checks the scope's region). */
    static StsClient sts(LocalAws aws, AwsCredentials credentials, Region region) {
        return sts(aws, credentials, UrlConnectionHttpClient.create(),
                ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build(), region);
    }

    static StsClient sts(LocalAws aws, AwsCredentials credentials, SdkHttpClient http,
                         ClientOverrideConfiguration override) {
        return sts(aws, credentials, http, override, Region.US_EAST_1);
    }

    private static StsClient sts(LocalAws aws, AwsCredentials credentials, SdkHttpClient http,
                                 ClientOverrideConfiguration override, Region region) {
        return StsClient.builder()
                .httpClient(http)
                .endpointOverride(aws.endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(override)
                .build();
    }

    /**
     * An IAM client signing for IAM's global signing region, us-east-1. Not {@code Region.AWS_GLOBAL}: with an
     * endpoint override the SDK signs for the region as named, "aws-global", which AWS (and the double) refuses.
     */
    static IamClient iam(LocalAws aws, AwsCredentials credentials) {
        return iam(aws, credentials, Region.US_EAST_1);
    }

    static IamClient iam(LocalAws aws, AwsCredentials credentials, Region region) {
        return IamClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(aws.endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static SdkHttpClient httpWithReadTimeout(Duration timeout) {
        return UrlConnectionHttpClient.builder().socketTimeout(timeout).connectionTimeout(timeout).build();
    }

    /** The AWS error a call ends in; fails the test when the call succeeds. */
    static AwsServiceException awsError(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            return e;
        }
        return fail("expected AWS to answer with an error");
    }
}
