package dev.awsconnectors.testhost.aws;

import static dev.awsconnectors.testhost.aws.Sdk.awsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The SigV4 credential scope and SignedHeaders, checked as AWS checks them: the scope names a region the endpoint
 * serves and the endpoint's own service; host, the date and the session token are signed; SignedHeaders is the
 * canonical, sorted, lower-case list. Through the SDK where a client configuration produces the request; with
 * hand-made signatures where no SDK would sign that way.
 */
class LocalAwsSigningScopeTest {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String GET_CALLER_IDENTITY = "Action=GetCallerIdentity&Version=2011-06-15";
    private static final String LIST_ACCOUNT_ALIASES = "Action=ListAccountAliases&Version=2010-05-08";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private LocalAws aws;
    private AccessKey key;

    @BeforeEach
    void startAws() {
        aws = LocalAws.start();
        key = aws.account("111122223333").user("alice").addAccessKey();
    }

    @AfterEach
    void stopAws() {
        aws.close();
    }

    @Test
    void stsAcceptsRequestsSignedForAnyRegionOfItsPartitionByDefault() {
        for (Region region : List.of(Region.US_EAST_1, Region.EU_WEST_1, Region.AP_SOUTHEAST_2)) {
            try (StsClient sts = Sdk.sts(aws, Sdk.basic(key), region)) {
                assertThat(sts.getCallerIdentity().account()).isEqualTo("111122223333");
            }
        }
    }

    @Test
    void stsRefusesARequestSignedForARegionOfAnotherPartitionInAwsWords() {
        try (StsClient sts = Sdk.sts(aws, Sdk.basic(key), Region.CN_NORTH_1)) {
            AwsServiceException error = awsError(sts::getCallerIdentity);

            assertThat(error.statusCode()).isEqualTo(403);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(error.awsErrorDetails().errorMessage())
                    .isEqualTo("Credential should be scoped to a valid region, not 'cn-north-1'. ");
        }
        assertThat(aws.requests()).singleElement().satisfies(request -> {
            assertThat(request.signatureValid()).isFalse();
            assertThat(request.errorCode()).isEqualTo("SignatureDoesNotMatch");
        });
    }

    @Test
    void aDoubleServingChosenRegionsRefusesRequestsSignedForAnother() {
        try (LocalAws ireland = LocalAws.builder().regions("eu-west-1").start()) {
            AccessKey bobKey = ireland.account("111122223333").user("bob").addAccessKey();
            try (StsClient inIreland = Sdk.sts(ireland, Sdk.basic(bobKey), Region.EU_WEST_1);
                 StsClient inOregon = Sdk.sts(ireland, Sdk.basic(bobKey), Region.US_WEST_2)) {

                assertThat(inIreland.getCallerIdentity().arn()).endsWith(":user/bob");
                assertThat(awsError(inOregon::getCallerIdentity).awsErrorDetails().errorMessage())
                        .isEqualTo("Credential should be scoped to a valid region, not 'us-west-2'. ");
            }
        }
    }

    @Test
    void aGovCloudDoubleWantsAGovCloudRegion() {
        try (LocalAws gov = LocalAws.builder().partition("aws-us-gov").start()) {
            AccessKey bobKey = gov.account("444455556666").user("bob").addAccessKey();
            try (StsClient inGov = Sdk.sts(gov, Sdk.basic(bobKey), Region.US_GOV_EAST_1);
                 StsClient commercial = Sdk.sts(gov, Sdk.basic(bobKey), Region.US_EAST_1)) {

                assertThat(inGov.getCallerIdentity().arn()).isEqualTo("arn:aws-us-gov:iam::444455556666:user/bob");
                assertThat(awsError(commercial::getCallerIdentity).awsErrorDetails().errorCode())
                        .isEqualTo("SignatureDoesNotMatch");
            }
        }
    }

    @Test
    void iamWantsItsGlobalSigningRegionWhateverRegionTheClientIsIn() {
        try (IamClient global = Sdk.iam(aws, Sdk.basic(key));
             IamClient oregon = Sdk.iam(aws, Sdk.basic(key), Region.US_WEST_2)) {
            AwsServiceException error = awsError(oregon::listAccountAliases);

            assertThat(global.listAccountAliases().accountAliases()).isEmpty();
            assertThat(error.statusCode()).isEqualTo(403);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(error.awsErrorDetails().errorMessage())
                    .isEqualTo("Credential should be scoped to a valid region, not 'us-west-2'. ");
        }
    }

    @Test
    void regionsOutsideThePartitionAreRefusedWhenTheDoubleStarts() {
        assertThatThrownBy(() -> LocalAws.builder().partition("aws-cn").regions("us-east-1").start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("us-east-1");
    }

    @Test
    void aHandSignedRequestWithTheRightScopeIsAccepted() throws Exception {
        HttpResponse<String> response = send(GET_CALLER_IDENTITY, "us-east-1", "sts", null, "host;x-amz-date");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Arn>arn:aws:iam::111122223333:user/alice</Arn>");
    }

    @Test
    void anStsActionSignedForIamIsScopedToTheWrongServiceAndIsStillAnsweredBySts() throws Exception {
        HttpResponse<String> response = send(GET_CALLER_IDENTITY, "us-east-1", "iam", null, "host;x-amz-date");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body())
                .contains("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<Code>SignatureDoesNotMatch</Code>");
        assertThat(message(response)).isEqualTo("Credential should be scoped to correct service: 'sts'. ");
        assertThat(aws.requests()).singleElement().satisfies(request -> {
            assertThat(request.service()).isEqualTo("sts");
            assertThat(request.signatureValid()).isFalse();
        });
    }

    @Test
    void anIamActionSignedForStsIsScopedToTheWrongService() throws Exception {
        HttpResponse<String> response = send(LIST_ACCOUNT_ALIASES, "us-east-1", "sts", null, "host;x-amz-date");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">");
        assertThat(message(response)).isEqualTo("Credential should be scoped to correct service: 'iam'. ");
    }

    @Test
    void aWrongRegionAndAWrongServiceAreReportedTogetherAsAwsDoes() throws Exception {
        HttpResponse<String> response = send(GET_CALLER_IDENTITY, "cn-north-1", "s3", null, "host;x-amz-date");

        assertThat(message(response)).isEqualTo("Credential should be scoped to a valid region, not 'cn-north-1'. "
                + "Credential should be scoped to correct service: 'sts'. ");
    }

    @Test
    void anXAmzDateThatIsNotSignedIsRefused() throws Exception {
        HttpResponse<String> response = send(GET_CALLER_IDENTITY, "us-east-1", "sts", null, "host");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        assertThat(message(response)).isEqualTo("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void aSessionTokenThatIsNotSignedIsRefused() throws Exception {
        Credentials issued;
        try (StsClient sts = Sdk.sts(aws, Sdk.basic(key))) {
            issued = sts.getSessionToken().credentials();
        }

        HttpResponse<String> unsigned = send(GET_CALLER_IDENTITY, "us-east-1", "sts", issued, "host;x-amz-date");
        HttpResponse<String> signed = send(GET_CALLER_IDENTITY, "us-east-1", "sts", issued,
                "host;x-amz-date;x-amz-security-token");

        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(message(unsigned))
                .isEqualTo("'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.");
        assertThat(signed.statusCode()).isEqualTo(200);
    }

    @Test
    void signedHeadersOutOfOrderAreASignatureThatDoesNotMatch() throws Exception {
        HttpResponse<String> response = send(GET_CALLER_IDENTITY, "us-east-1", "sts", null, "x-amz-date;host");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>")
                .contains("<Message>The request signature we calculated does not match the signature you provided.");
    }

    @Test
    void signedHeadersNotInLowerCaseAreASignatureThatDoesNotMatch() throws Exception {
        HttpResponse<String> response = send(GET_CALLER_IDENTITY, "us-east-1", "sts", null,
                "Content-Type;host;x-amz-date");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body())
                .contains("<Message>The request signature we calculated does not match the signature you provided.");
    }

    /** The Message of AWS's XML error document, unescaped. */
    private static String message(HttpResponse<String> response) {
        String body = response.body();
        String escaped = body.substring(body.indexOf("<Message>") + "<Message>".length(), body.indexOf("</Message>"));
        return escaped.replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /**
     * Posts a form signed by hand (with the double's SigV4 arithmetic, which the published vectors check) for the
     * given scope and SignedHeaders list, exactly as listed; with the session token of {@code session} if given.
     */
    private HttpResponse<String> send(String form, String region, String service, Credentials session,
                                      String signedHeaders) throws Exception {
        String accessKeyId = session == null ? key.accessKeyId() : session.accessKeyId();
        String secret = session == null ? key.secretAccessKey() : session.secretAccessKey();
        String amzDate = AMZ_DATE.format(Instant.now());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
        headers.put("Host", List.of("127.0.0.1:" + aws.endpoint().getPort()));
        headers.put("X-Amz-Date", List.of(amzDate));
        if (session != null) {
            headers.put("X-Amz-Security-Token", List.of(session.sessionToken()));
        }
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        List<String> signed = List.of(signedHeaders.split(";"));
        String canonical = SigV4.canonicalRequest(new SigV4.SignableRequest("POST", "/", null, headers,
                SigV4.sha256Hex(body)), signed);
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        String signature = SigV4.signature(SigV4.signingKey(secret, amzDate.substring(0, 8), region, service),
                SigV4.stringToSign(amzDate, scope, canonical));

        HttpRequest.Builder request = HttpRequest.newBuilder(aws.endpoint())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope
                        + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        headers.forEach((name, values) -> {
            if (!name.equals("Host")) {
                request.header(name, values.get(0));
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
