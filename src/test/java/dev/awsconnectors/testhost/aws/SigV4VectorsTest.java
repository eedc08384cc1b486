package dev.awsconnectors.testhost.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The double's SigV4 arithmetic against the vectors AWS publishes: the signing-key derivation example, the IAM
 * ListUsers example of the signing guide, and cases of the Signature Version 4 test suite (credentials AKIDEXAMPLE,
 * 2015-08-30T12:36:00Z, us-east-1, service "service").
 */
class SigV4VectorsTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String SUITE_DATE = "20150830T123600Z";
    private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");
    private static final String EXAMPLE_SESSION_TOKEN = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwd"
            + "QWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0"
            + "KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9"
            + "Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    @Test
    void theSigningKeyDerivesToTheValueOfAwsDocumentedExample() {
        byte[] key = SigV4.signingKey(SECRET, "20120215", "us-east-1", "iam");

        assertThat(HexFormat.of().formatHex(key))
                .isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }

    @Test
    void theIamListUsersExampleOfTheSigningGuideSignsToItsPublishedSignature() {
        Map<String, List<String>> headers = headers(
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8",
                "Host", "iam.amazonaws.com",
                "X-Amz-Date", SUITE_DATE);
        SigV4.SignableRequest request = new SigV4.SignableRequest("GET", "/", "Action=ListUsers&Version=2010-05-08",
                headers, SigV4.sha256Hex(new byte[0]));
        SigV4Verifier.Authorization auth = new SigV4Verifier.Authorization("AKIDEXAMPLE", "20150830", "us-east-1",
                "iam", List.of("content-type", "host", "x-amz-date"), "unused");

        String canonical = SigV4.canonicalRequest(request, auth.signedHeaders());

        assertThat(SigV4.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
        assertThat(HexFormat.of().formatHex(SigV4.signingKey(SECRET, "20150830", "us-east-1", "iam")))
                .isEqualTo("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
        assertThat(SigV4Verifier.expectedSignature(request, auth, SUITE_DATE, SECRET))
                .isEqualTo("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    @Test
    void getVanillaFromTheTestSuiteVerifies() {
        assertSuiteCase("GET", "/", null, headers("Host", "example.amazonaws.com", "X-Amz-Date", SUITE_DATE), "",
                "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void getVanillaQueryOrderKeyCaseSortsTheQueryBeforeSigning() {
        assertSuiteCase("GET", "/", "Param2=value2&Param1=value1",
                headers("Host", "example.amazonaws.com", "X-Amz-Date", SUITE_DATE), "",
                "host;x-amz-date", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
    }

    @Test
    void postVanillaHashesTheEmptyBody() {
        assertSuiteCase("POST", "/", null, headers("Host", "example.amazonaws.com", "X-Amz-Date", SUITE_DATE), "",
                "host;x-amz-date", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    }

    @Test
    void postXWwwFormUrlencodedSignsTheBodyAndItsContentType() {
        assertSuiteCase("POST", "/", null,
                headers("Content-Type", "application/x-www-form-urlencoded", "Host", "example.amazonaws.com",
                        "X-Amz-Date", SUITE_DATE),
                "Param1=value1", "content-type;host;x-amz-date",
                "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
    }

    @Test
    void postHeaderValueCaseKeepsTheCaseOfHeaderValues() {
        assertSuiteCase("POST", "/", null,
                headers("Host", "example.amazonaws.com", "My-Header1", "VALUE1", "X-Amz-Date", SUITE_DATE), "",
                "host;my-header1;x-amz-date", "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d");
    }

    @Test
    void postStsHeaderBeforeSignsTheSessionToken() {
        assertSuiteCase("POST", "/", null,
                headers("Host", "example.amazonaws.com", "X-Amz-Date", SUITE_DATE,
                        "X-Amz-Security-Token", EXAMPLE_SESSION_TOKEN), "",
                "host;x-amz-date;x-amz-security-token",
                "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead");
    }

    @Test
    void aTamperedBodyNoLongerVerifies() {
        Map<String, List<String>> headers = headers("Content-Type", "application/x-www-form-urlencoded",
                "Host", "example.amazonaws.com", "X-Amz-Date", SUITE_DATE, "Authorization",
                authorization("content-type;host;x-amz-date",
                        "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"));
        SigV4.SignableRequest tampered = new SigV4.SignableRequest("POST", "/", null, headers,
                SigV4.sha256Hex("Param1=value2".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> verifierAt(SUITE_TIME).verify(tampered, parse(headers), SECRET))
                .isInstanceOfSatisfying(AwsException.class,
                        e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void aSignatureOlderThanFifteenMinutesIsExpiredInAwsWords() {
        Map<String, List<String>> headers = headers("Host", "example.amazonaws.com", "X-Amz-Date", SUITE_DATE,
                "Authorization", authorization("host;x-amz-date",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
        SigV4.SignableRequest request = new SigV4.SignableRequest("GET", "/", null, headers,
                SigV4.sha256Hex(new byte[0]));

        assertThatThrownBy(() -> verifierAt(SUITE_TIME.plusSeconds(16 * 60)).verify(request, parse(headers), SECRET))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(e.getMessage()).isEqualTo("Signature expired: 20150830T123600Z is now earlier than "
                            + "20150830T123700Z (20150830T125200Z - 15 min.)");
                });
        verifierAt(SUITE_TIME.plusSeconds(14 * 60)).verify(request, parse(headers), SECRET);
    }

    @Test
    void anAuthorizationWithoutHostSignedIsRefused() {
        Map<String, List<String>> headers = headers("Host", "example.amazonaws.com", "X-Amz-Date", SUITE_DATE,
                "Authorization", authorization("x-amz-date", "00"));
        SigV4.SignableRequest request = new SigV4.SignableRequest("GET", "/", null, headers,
                SigV4.sha256Hex(new byte[0]));

        assertThatThrownBy(() -> verifierAt(SUITE_TIME).verify(request, parse(headers), SECRET))
                .hasMessageContaining("'Host' or ':authority' must be a 'SignedHeader'");
    }

    @Test
    void anAuthorizationHeaderWithoutASignatureIsIncomplete() {
        assertThatThrownBy(() -> SigV4Verifier.parse("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/"
                + "service/aws4_request, SignedHeaders=host;x-amz-date"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("IncompleteSignature");
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    @Test
    void canonicalPathsAreNormalisedAndEncodedOnceMore() {
        assertThat(SigV4.canonicalUri("/")).isEqualTo("/");
        assertThat(SigV4.canonicalUri("//example//")).isEqualTo("/example/");
        assertThat(SigV4.canonicalUri("/example/foo/../bar/./")).isEqualTo("/example/bar/");
        assertThat(SigV4.canonicalUri("/a%20b")).isEqualTo("/a%2520b");
    }

    private static void assertSuiteCase(String method, String path, String query, Map<String, List<String>> headers,
                                        String body, String signedHeaders, String publishedSignature) {
        String payloadHash = SigV4.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        SigV4.SignableRequest unsigned = new SigV4.SignableRequest(method, path, query, headers, payloadHash);
        SigV4Verifier.Authorization auth = new SigV4Verifier.Authorization("AKIDEXAMPLE", "20150830", "us-east-1",
                "service", List.of(signedHeaders.split(";")), publishedSignature);

        assertThat(SigV4Verifier.expectedSignature(unsigned, auth, SUITE_DATE, SECRET)).isEqualTo(publishedSignature);

        Map<String, List<String>> withAuthorization = new LinkedHashMap<>(headers);
        withAuthorization.put("Authorization", List.of(authorization(signedHeaders, publishedSignature)));
        SigV4.SignableRequest signed = new SigV4.SignableRequest(method, path, query, withAuthorization, payloadHash);
        verifierAt(SUITE_TIME).verify(signed, parse(withAuthorization), SECRET);
    }

    private static String authorization(String signedHeaders, String signature) {
        return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders="
                + signedHeaders + ", Signature=" + signature;
    }

    private static SigV4Verifier.Authorization parse(Map<String, List<String>> headers) {
        return SigV4Verifier.parse(headers.get("Authorization").get(0));
    }

    private static SigV4Verifier verifierAt(Instant now) {
        return new SigV4Verifier(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Map<String, List<String>> headers(String... namesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return headers;
    }
}
