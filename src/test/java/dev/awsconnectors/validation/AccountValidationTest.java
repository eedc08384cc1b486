package dev.awsconnectors.validation;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static dev.awsconnectors.validation.Fixtures.ACCESS_KEY_ID;
import static dev.awsconnectors.validation.Fixtures.SECRET;
import static dev.awsconnectors.validation.Fixtures.accessKeyAccount;
import static dev.awsconnectors.validation.Fixtures.hostRoleAccount;
import static dev.awsconnectors.validation.Fixtures.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AccountValidationTest {
    private final ConfigurationValidator validator = new ConfigurationValidator();

    private List<Violation> validate(Account account) {
        return validator.validate(account, Optional.empty(), false);
    }

    private List<Violation> validateNew(Account account, String secret) {
        return validator.validate(account, Optional.ofNullable(secret), true);
    }

    // --- the fixtures themselves ---

    @Test
    void acceptsANewAccessKeyAccountWithItsSecret() {
        assertThat(validateNew(accessKeyAccount().build(), SECRET)).isEmpty();
    }

    @Test
    void acceptsANewHostRoleAccountWithoutAnyKey() {
        assertThat(validateNew(hostRoleAccount().build(), null)).isEmpty();
    }

    // --- name and description ---

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void requiresAName(String name) {
        assertThat(validate(accessKeyAccount().name(name).build()))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("name", Keys.NAME_REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 79, 80})
    void acceptsNamesOfUpToEightyCharacters(int length) {
        assertThat(validate(accessKeyAccount().name(repeat('n', length)).build())).isEmpty();
    }

    @Test
    void refusesANameOfEightyOneCharacters() {
        assertThat(validate(accessKeyAccount().name(repeat('n', 81)).build()))
                .extracting(Violation::field, Violation::messageKey, Violation::arguments, Violation::message)
                .containsExactly(tuple("name", Keys.NAME_TOO_LONG, List.of(80, 81),
                        "Names may have at most 80 characters; this one has 81."));
    }

    @Test
    void countsSurrogatePairsAsOneCharacterOfAName() {
        String eightyEmoji = "\uD83D\uDE80".repeat(80);
        assertThat(validate(accessKeyAccount().name(eightyEmoji).build())).isEmpty();
    }

    @Test
    void ignoresSurroundingWhiteSpaceWhenCountingTheName() {
        assertThat(validate(accessKeyAccount().name("  " + repeat('n', 80) + "  ").build())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"probe-\ud800x", "probe-\udc00x", "probe-\ud800", "\udc00\ud800probe", "tab\tinside",
            "bell\u0007", "nul\u0000x", "del\u007fx", "next\u0085line"})
    void refusesANameWithHalfASurrogatePairOrAControlCharacter(String name) {
        assertThat(validate(accessKeyAccount().name(name).build()))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("name", Keys.NAME_CHARACTERS));
    }

    @Test
    void refusesADescriptionWithHalfASurrogatePairButKeepsItsLineBreaksTabsAndEmoji() {
        assertThat(validate(accessKeyAccount().description("Line one\r\nline two\tand \uD83D\uDE80").build()))
                .isEmpty();
        assertThat(validate(accessKeyAccount().description("broken \ud83d here").build()))
                .extracting(Violation::field, Violation::message)
                .containsExactly(tuple("description", "Descriptions cannot contain control characters other than"
                        + " line breaks and tabs, or incomplete characters (half of a surrogate pair)."));
        assertThat(validate(accessKeyAccount().description("escape \u001b[31m red").build()))
                .extracting(Violation::field).containsExactly("description");
    }

    @ParameterizedTest
    @ValueSource(ints = {999, 1000})
    void acceptsDescriptionsOfUpToAThousandCharacters(int length) {
        assertThat(validate(accessKeyAccount().description(repeat('d', length)).build())).isEmpty();
    }

    @Test
    void refusesADescriptionOfAThousandAndOneCharacters() {
        assertThat(validate(accessKeyAccount().description(repeat('d', 1001)).build()))
                .extracting(Violation::field, Violation::message)
                .containsExactly(tuple("description",
                        "Descriptions may have at most 1,000 characters; this one has 1,001."));
    }

    // --- type ---

    @Test
    void requiresAType() {
        assertThat(validate(accessKeyAccount().type(null).build()))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("type", Keys.TYPE_REQUIRED));
    }

    // --- access key id ---

    @Test
    void requiresAnAccessKeyIdForAnAccessKeyAccount() {
        assertThat(validate(accessKeyAccount().accessKeyId(" ").build()))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("accessKeyId", Keys.ACCESS_KEY_ID_REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 17, 127, 128})
    void acceptsAccessKeyIdsOfSixteenToOneHundredTwentyEightCharacters(int length) {
        String id = "AKIA" + repeat('X', length - 4);
        assertThat(validate(accessKeyAccount().accessKeyId(id).build())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"15", "129"})
    void refusesAccessKeyIdsOutsideSixteenToOneHundredTwentyEightCharacters(int length) {
        String id = "AKIA" + repeat('X', length - 4);
        assertThat(validate(accessKeyAccount().accessKeyId(id).build()))
                .extracting(Violation::field, Violation::messageKey, Violation::message)
                .containsExactly(tuple("accessKeyId", Keys.ACCESS_KEY_ID_LENGTH,
                        "AWS access key IDs have 16 to 128 characters; this one has " + length + "."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AKIA-OSFODNN7EXAMPLE", "AKIA OSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPL\u00C9",
            "AKIA_OSFODNN7EXAMPLE", "AKIAiosfodnn7example"})
    void refusesAccessKeyIdsWithCharactersOtherThanCapitalLettersAndDigits(String id) {
        assertThat(validate(accessKeyAccount().accessKeyId(id).build()))
                .extracting(Violation::messageKey)
                .containsExactly(Keys.ACCESS_KEY_ID_CHARACTERS);
    }

    @Test
    void refusesASecretPastedIntoTheAccessKeyIdFieldWithoutRepeatingIt() {
        String pastedSecret = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY12";

        List<Violation> violations = validate(accessKeyAccount().accessKeyId(pastedSecret).build());

        assertThat(violations).extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("accessKeyId", Keys.ACCESS_KEY_ID_CHARACTERS));
        assertThat(violations.toString()).doesNotContain(pastedSecret);
        assertThat(new ConfigurationException(violations).getMessage()).doesNotContain(pastedSecret);
    }

    @Test
    void refusesAnAccessKeyIdThatIsNotAnIamUsersLongTermKey() {
        assertThat(validate(accessKeyAccount().accessKeyId("AROAIOSFODNN7EXAMPLE").build()))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("accessKeyId", Keys.ACCESS_KEY_ID_PREFIX));
    }

    @Test
    void refusesTemporaryAccessKeyIdsBecauseTheyNeedASessionTokenAndExpire() {
        assertThat(validate(accessKeyAccount().accessKeyId("ASIAIOSFODNN7EXAMPLE").build()))
                .extracting(Violation::messageKey)
                .containsExactly(Keys.ACCESS_KEY_ID_TEMPORARY);
    }

    @Test
    void refusesAnAccessKeyIdOnAHostRoleAccount() {
        assertThat(validate(hostRoleAccount().accessKeyId(ACCESS_KEY_ID).build()))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("accessKeyId", Keys.ACCESS_KEY_ID_NOT_ALLOWED));
    }

    // --- secret access key ---

    @Test
    void requiresASecretWhenCreatingAnAccessKeyAccount() {
        assertThat(validateNew(accessKeyAccount().build(), null))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("secretAccessKey", Keys.SECRET_REQUIRED));
    }

    @Test
    void treatsABlankSecretWhenCreatingAsMissing() {
        assertThat(validateNew(accessKeyAccount().build(), "   "))
                .extracting(Violation::messageKey)
                .containsExactly(Keys.SECRET_REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void keepsTheStoredSecretWhenAnEditLeavesItEmpty(String secret) {
        assertThat(validator.validate(accessKeyAccount().build(), Optional.of(secret), false)).isEmpty();
        assertThat(validator.validate(accessKeyAccount().build(), Optional.empty(), false)).isEmpty();
    }

    @Test
    void acceptsANewSecretOfFortyBase64CharactersOnAnEdit() {
        String secret = repeat('A', 20) + "abc+/0123456789xyzZ";
        assertThat(secret).hasSize(39);
        assertThat(validator.validate(accessKeyAccount().build(), Optional.of(secret + "9"), false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {39, 41, 1})
    void refusesASecretThatIsNotFortyCharactersLong(int length) {
        String secret = repeat('S', length);
        List<Violation> violations = validateNew(accessKeyAccount().build(), secret);
        assertThat(violations)
                .extracting(Violation::field, Violation::messageKey, Violation::message)
                .containsExactly(tuple("secretAccessKey", Keys.SECRET_LENGTH,
                        "AWS secret access keys have 40 characters; the one entered has " + length + "."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "-", "_", " ", "\u00E9"})
    void refusesASecretWithCharactersOutsideTheBase64Alphabet(String bad) {
        String secret = SECRET.substring(0, 39) + bad;
        List<Violation> violations = validateNew(accessKeyAccount().build(), secret);
        assertThat(violations).extracting(Violation::messageKey).containsExactly(Keys.SECRET_CHARACTERS);
    }

    @Test
    void refusesASecretOnAHostRoleAccount() {
        assertThat(validateNew(hostRoleAccount().build(), SECRET))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("secretAccessKey", Keys.SECRET_NOT_ALLOWED));
    }

    @Test
    void neverPutsASecretWithAForeignCharacterIntoAViolationOrTheException() {
        String secretWithPadding = SECRET.substring(0, 39) + "=";
        List<Violation> violations = validateNew(accessKeyAccount().build(), secretWithPadding);

        assertThat(violations).extracting(Violation::messageKey).containsExactly(Keys.SECRET_CHARACTERS);
        assertThat(violations.toString()).doesNotContain(secretWithPadding).doesNotContain(SECRET.substring(0, 39));
        assertThat(new ConfigurationException(violations).getMessage()).doesNotContain(SECRET.substring(0, 39));
    }

    @Test
    void neverPutsTheSecretIntoAViolationOrTheException() {
        String almostASecret = SECRET + "X";
        Account account = accessKeyAccount().build();
        List<Violation> violations = validateNew(account, almostASecret);
        assertThat(violations).isNotEmpty();
        assertThat(violations.toString()).doesNotContain(SECRET);
        ConfigurationException exception = new ConfigurationException(violations);
        assertThat(exception.getMessage()).doesNotContain(SECRET).contains("secretAccessKey");
        assertThat(exception.toString()).doesNotContain(SECRET);
    }

    // --- partition and region ---

    @Test
    void requiresAPartitionAndNamesTheChoices() {
        assertThat(validate(accessKeyAccount().partition(null).build()))
                .extracting(Violation::field, Violation::message)
                .containsExactly(tuple("partition", "Choose the AWS partition: aws, aws-us-gov, aws-cn."));
    }

    @Test
    void requiresARegion() {
        assertThat(validate(accessKeyAccount().region("  ").build()))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("region", Keys.REGION_REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"US-EAST-1", "useast1", "us-east", "us-east-", "us-east-123", "u-east-1", "us_east_1",
            "us-east-1a"})
    void refusesRegionsThatAreNotShapedLikeRegionCodes(String region) {
        assertThat(validate(accessKeyAccount().region(region).build()))
                .extracting(Violation::field, Violation::message)
                .containsExactly(tuple("region", region + " is not an AWS region code like us-east-1."));
    }

    @ParameterizedTest
    @CsvSource({
            "AWS, us-east-1",
            "AWS, ap-southeast-5",
            "AWS, eu-central-2",
            "AWS_US_GOV, us-gov-west-1",
            "AWS_US_GOV, us-gov-east-1",
            "AWS_CN, cn-north-1",
            "AWS_CN, cn-northwest-1"})
    void acceptsRegionsOfTheAccountsPartition(Partition partition, String region) {
        assertThat(validate(accessKeyAccount().partition(partition).region(region).build())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "AWS, us-gov-west-1, aws",
            "AWS, cn-north-1, aws",
            "AWS, us-iso-east-1, aws",
            "AWS_US_GOV, us-east-1, aws-us-gov",
            "AWS_CN, us-east-1, aws-cn"})
    void refusesRegionsOfAnotherPartition(Partition partition, String region, String partitionId) {
        assertThat(validate(accessKeyAccount().partition(partition).region(region).build()))
                .extracting(Violation::field, Violation::message)
                .containsExactly(tuple("region", "Region " + region + " is not in the " + partitionId + " partition."));
    }

    // --- endpoint override ---

    @ParameterizedTest
    @ValueSource(strings = {
            "https://sts.us-east-1.amazonaws.com",
            "https://vpce-0123-abcd.sts.us-east-1.vpce.amazonaws.com/",
            "HTTPS://sts-fips.us-east-1.amazonaws.com:443",
            "http://127.0.0.1:4566",
            "http://localhost:8080/",
            "http://LOCALHOST",
            "http://[::1]:9000"})
    void acceptsHttpsEndpointsAndPlainHttpOnLoopback(String endpoint) {
        assertThat(validate(accessKeyAccount().endpointOverride(URI.create(endpoint)).build())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://sts.us-east-1.amazonaws.com", "http://127.0.0.2", "http://10.0.0.1",
            "http://localhost.example.com", "ftp://127.0.0.1"})
    void refusesPlainHttpExceptOnLoopback(String endpoint) {
        assertThat(validate(accessKeyAccount().endpointOverride(URI.create(endpoint)).build()))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("endpointOverride", Keys.ENDPOINT_SCHEME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sts.us-east-1.amazonaws.com", "/sts", "mailto:admin@example.com", "https:///path",
            "https://under_score.example.com"})
    void refusesEndpointsThatAreNotAbsoluteUrlsWithAHost(String endpoint) {
        assertThat(validate(accessKeyAccount().endpointOverride(URI.create(endpoint)).build()))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("endpointOverride", Keys.ENDPOINT_NOT_ABSOLUTE));
    }

    @Test
    void appliesTheEndpointRulesToTheIamAndSignInOverridesUnderTheirOwnFieldNames() {
        assertThat(validate(accessKeyAccount().iamEndpointOverride(URI.create("http://iam.example.com"))
                .signinEndpointOverride(URI.create("https://signin.example.com/?a=b")).build()))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("iamEndpointOverride", Keys.ENDPOINT_SCHEME),
                        tuple("signinEndpointOverride", Keys.ENDPOINT_QUERY));
        assertThat(validate(accessKeyAccount().iamEndpointOverride(URI.create("http://127.0.0.1:4566"))
                .signinEndpointOverride(URI.create("https://signin.proxy.example.com")).build())).isEmpty();
    }

    @Test
    void refusesUserInfoInTheEndpointWithoutRepeatingIt() {
        List<Violation> violations = validate(accessKeyAccount()
                .endpointOverride(URI.create("https://proxyuser:hunter2@proxy.example.com")).build());
        assertThat(violations)
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("endpointOverride", Keys.ENDPOINT_USER_INFO));
        assertThat(violations.toString()).doesNotContain("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://sts.amazonaws.com/?Action=GetCallerIdentity", "https://sts.amazonaws.com/#x",
            "https://sts.amazonaws.com?"})
    void refusesAQueryOrFragmentInTheEndpoint(String endpoint) {
        assertThat(validate(accessKeyAccount().endpointOverride(URI.create(endpoint)).build()))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("endpointOverride", Keys.ENDPOINT_QUERY));
    }

    // --- several at once ---

    @Test
    void reportsEveryBrokenRuleInFieldOrder() {
        Account account = Account.builder()
                .type(AccountType.ACCESS_KEY)
                .partition(Partition.AWS_CN)
                .region("us-east-1")
                .endpointOverride(URI.create("http://example.com"))
                .build();
        assertThat(validateNew(account, null))
                .extracting(Violation::field)
                .containsExactly("name", "accessKeyId", "secretAccessKey", "region", "endpointOverride");
    }

    @Test
    void returnsAnImmutableList() {
        List<Violation> violations = validate(accessKeyAccount().name("").build());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> violations.clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
