package dev.awsconnectors.testhost.ao;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** AO's naming rules, without a database. */
class NamingRulesTest {

    @Test
    void thePrefixIsAoPlusTheLastSixUpperCaseHexDigitsOfTheMd5OfTheNamespace() throws Exception {
        String namespace = "com.example.plugin";
        String md5 = String.format("%032x", new BigInteger(1,
                MessageDigest.getInstance("MD5").digest(namespace.getBytes(StandardCharsets.UTF_8))));

        assertThat(TableNames.prefixFor(namespace)).isEqualTo("AO_" + md5.substring(26).toUpperCase() + "_");
    }

    @Test
    void camelCaseBecomesUpperSnakeCaseAsAoConvertsIt() {
        assertThat(Identifiers.upperSnake("FirstName")).isEqualTo("FIRST_NAME");
        assertThat(Identifiers.upperSnake("AccountID")).isEqualTo("ACCOUNT_ID");
        assertThat(Identifiers.upperSnake("URL")).isEqualTo("URL");
        assertThat(Identifiers.upperSnake("S3Bucket")).isEqualTo("S3_BUCKET");
        assertThat(Identifiers.upperSnake("connectorGroup")).isEqualTo("CONNECTOR_GROUP");
    }

    @Test
    void longGeneratedNamesAreShortenedToTheLimitKeepingTheStart() {
        String name = "index_ao_1ecd71_renamed_thing_code";

        String shortened = Identifiers.shorten(name, 30);

        assertThat(shortened).hasSizeLessThanOrEqualTo(30).startsWith("index_ao_1ecd71_ren");
        assertThat(Identifiers.shorten("short", 30)).isEqualTo("short");
        assertThat(Identifiers.shorten(name + "s", 30)).isNotEqualTo(shortened);
    }
}
