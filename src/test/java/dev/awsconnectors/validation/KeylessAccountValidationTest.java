package dev.awsconnectors.validation;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
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
import static dev.awsconnectors.validation.Fixtures.iamRole;
import static dev.awsconnectors.validation.Fixtures.keylessAccount;
import static dev.awsconnectors.validation.Fixtures.ofType;
import static dev.awsconnectors.validation.Fixtures.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The rules of accounts that use Jira as identity provider, and of the connectors on them. */
class KeylessAccountValidationTest {
    private final ConfigurationValidator validator = new ConfigurationValidator();
    private final Account keyless = keylessAccount().build();

    private List<Violation> validateNew(Account account, String secret) {
        return validator.validate(account, Optional.ofNullable(secret), true);
    }

    @Test
    void acceptsANewKeylessAccountWithoutAnyKeyAndWithTheDefaultAudience() {
        assertThat(validateNew(keyless, null)).isEmpty();
        assertThat(keyless.audience()).contains("sts.amazonaws.com");
    }

    @Test
    void acceptsAnIssuerUrlHostedElsewhereWithAPathAndATrailingSlash() {
        assertThat(validateNew(keylessAccount().audience("jira-prod")
                .issuerUrl(URI.create("https://oidc-bucket.s3.eu-west-1.amazonaws.com/jira/")).build(), null))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:2990/jira/rest/aws-connectors/1.0/oidc", "http://127.0.0.1:8080/oidc"})
    void acceptsPlainHttpIssuersOnlyOnThisMachineForTheDemo(String url) {
        assertThat(validateNew(keylessAccount().issuerUrl(URI.create(url)).build(), null)).isEmpty();
    }

    @Test
    void refusesAnAccessKeyIdAndASecretOnAKeylessAccount() {
        assertThat(validateNew(keylessAccount().accessKeyId(ACCESS_KEY_ID).build(), SECRET))
                .extracting(Violation::field, Violation::message)
                .containsExactly(
                        tuple("accessKeyId", "Accounts that use Jira as identity provider have no access key ID; "
                                + "remove it."),
                        tuple("secretAccessKey", "Accounts that use Jira as identity provider have no secret "
                                + "access key; remove it."));
    }

    @Test
    void refusesAnAudienceLongerThanIamAcceptsNamingItsLength() {
        assertThat(validateNew(keylessAccount().audience(repeat('a', 256)).build(), null))
                .extracting(Violation::field, Violation::message)
                .containsExactly(tuple("audience", "An audience (client ID of the IAM OIDC identity provider) has "
                        + "1 to 255 characters; this one has 256."));
        assertThat(validateNew(keylessAccount().audience(repeat('a', 255)).build(), null)).isEmpty();
    }

    @Test
    void refusesAnAudienceWithAControlCharacter() {
        assertThat(validateNew(keylessAccount().audience("jira\u0007prod").build(), null))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("audience", Keys.AUDIENCE_CHARACTERS));
    }

    @ParameterizedTest
    @CsvSource({
            "http://jira.example.com/oidc, " + Keys.ISSUER_URL_SCHEME,
            "ftp://jira.example.com/oidc, " + Keys.ISSUER_URL_SCHEME,
            "https://jira.example.com/oidc?tenant=1, " + Keys.ISSUER_URL_QUERY,
            "https://jira.example.com/oidc#keys, " + Keys.ISSUER_URL_QUERY,
            "https://admin:pw@jira.example.com/oidc, " + Keys.ISSUER_URL_USER_INFO,
            "/rest/aws-connectors/1.0/oidc, " + Keys.ISSUER_URL_NOT_ABSOLUTE,
            "https:oidc, " + Keys.ISSUER_URL_NOT_ABSOLUTE})
    void refusesAnIssuerUrlIamWouldRefuseBesideTheField(String url, String key) {
        assertThat(validateNew(keylessAccount().issuerUrl(URI.create(url)).build(), null))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("issuerUrl", key));
    }

    @Test
    void refusesAnIssuerUrlLongerThanIamsLimit() {
        URI url = URI.create("https://jira.example.com/" + repeat('a', 255 - 25 + 1));
        assertThat(validateNew(keylessAccount().issuerUrl(url).build(), null))
                .extracting(Violation::field, Violation::message)
                .containsExactly(tuple("issuerUrl",
                        "IAM accepts issuer URLs of at most 255 characters; this one has 256."));
    }

    @Test
    void refusesAnAudienceAndAnIssuerUrlOnAccountsThatHoldOrBorrowKeys() {
        Account accessKey = accessKeyAccount().audience("sts.amazonaws.com")
                .issuerUrl(URI.create("https://jira.example.com/oidc")).build();
        Account hostRole = hostRoleAccount().audience("sts.amazonaws.com")
                .issuerUrl(URI.create("https://jira.example.com/oidc")).build();
        assertThat(validateNew(accessKey, SECRET)).extracting(Violation::field, Violation::messageKey)
                .containsExactly(tuple("audience", Keys.AUDIENCE_NOT_ALLOWED),
                        tuple("issuerUrl", Keys.ISSUER_URL_NOT_ALLOWED));
        assertThat(validateNew(hostRole, null)).extracting(Violation::field)
                .containsExactly("audience", "issuerUrl");
    }

    @ParameterizedTest
    @CsvSource({"FEDERATED_USER, Federated User, GetFederationToken", "IAM_USER, IAM User, GetSessionToken"})
    void refusesUserPrincipalTypesOnAKeylessAccountSayingTheyNeedAnIamUsersKey(
            PrincipalType type, String name, String call) {
        Connector connector = ofType(type, keyless).build();
        assertThat(validator.validate(connector, keyless))
                .extracting(Violation::field, Violation::message)
                .containsExactly(tuple("principalType", name + " connectors need an account with an IAM user's "
                        + "access key, because AWS accepts " + call + " only from an IAM user's long-term "
                        + "credentials; the account Keyless uses Jira as identity provider and holds no key. Use an "
                        + "IAM Role connector."));
    }

    @Test
    void acceptsARoleConnectorOnAKeylessAccountUpToTwelveHoursBecauseItIsNotRoleChaining() {
        assertThat(validator.validate(iamRole(keyless).maxDurationSeconds(43_200).sourceIdentityAndTags(true)
                .build(), keyless)).isEmpty();
        Account hostRole = hostRoleAccount().build();
        assertThat(validator.validate(iamRole(hostRole).maxDurationSeconds(43_200).build(), hostRole))
                .extracting(Violation::messageKey).containsExactly(Keys.DURATION_ROLE_CHAINING);
    }

    @Test
    void refusesAnMfaDeviceOnAKeylessAccountsRoleConnectorBecauseTheCallCannotCarryACode() {
        assertThat(validator.validate(iamRole(keyless).mfaSerialNumber("arn:aws:iam::123456789012:mfa/alice")
                .build(), keyless))
                .extracting(Violation::field, Violation::message)
                .containsExactly(tuple("mfaSerialNumber", "AssumeRoleWithWebIdentity takes no MFA code, and the "
                        + "account Keyless uses Jira as identity provider; remove the MFA serial number."));
    }

    @Test
    void refusesAnExternalIdOnAKeylessAccountsRoleConnectorBecauseTheCallCannotCarryOne() {
        assertThat(validator.validate(iamRole(keyless).externalId("partner-7").build(), keyless))
                .extracting(Violation::field, Violation::message)
                .containsExactly(tuple("externalId", "AssumeRoleWithWebIdentity takes no external ID, and the "
                        + "account Keyless uses Jira as identity provider; remove it. The role's trust policy admits "
                        + "this connector by its token's subject instead."));
        Account withKeys = Fixtures.accessKeyAccount().build();
        assertThat(validator.validate(iamRole(withKeys).externalId("partner-7").build(), withKeys)).isEmpty();
    }

    @Test
    void listsTheConnectorsThatStopAnAccountFromBecomingKeylessBesideTheType() {
        ConfigurationException refusal = validator.typeUsedByKeyConnectors(List.of("Builders", "Operators"));
        assertThat(refusal.violations()).extracting(Violation::field).containsExactly("type");
        assertThat(refusal.violations().get(0).message()).contains("Builders, Operators");
    }
}
