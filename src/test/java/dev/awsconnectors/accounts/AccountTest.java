package dev.awsconnectors.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static Account.Builder account() {
        return Account.builder()
                .name("Production")
                .description("Main account")
                .type(AccountType.ACCESS_KEY)
                .accessKeyId("AKIAIOSFODNN7EXAMPLE")
                .partition(Partition.AWS)
                .region("us-east-1")
                .endpointOverride(URI.create("https://sts.us-east-1.amazonaws.com"))
                .version(3);
    }

    @Test
    void givesEveryNewAccountItsOwnRandomId() {
        Account first = Account.builder().build();
        Account second = Account.builder().build();
        assertThat(first.id()).isNotNull().isNotEqualTo(second.id());
        assertThat(first.version()).isZero();
    }

    @Test
    void refusesANullId() {
        assertThatThrownBy(() -> account().id(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("id");
    }

    @Test
    void stripsTextAndTurnsBlankOptionalTextIntoAbsence() {
        Account account = account()
                .name("  Production \t")
                .description("   ")
                .accessKeyId(" AKIAIOSFODNN7EXAMPLE ")
                .region(" eu-west-1\n")
                .build();
        assertThat(account.name()).isEqualTo("Production");
        assertThat(account.description()).isEmpty();
        assertThat(account.accessKeyId()).contains("AKIAIOSFODNN7EXAMPLE");
        assertThat(account.region()).isEqualTo("eu-west-1");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void turnsAMissingRequiredTextIntoAnEmptyString(String missing) {
        Account account = account().name(missing).region(missing).build();
        assertThat(account.name()).isEmpty();
        assertThat(account.region()).isEmpty();
    }

    @Test
    void turnsNullOptionalsIntoEmptyOnesWhenBuiltDirectly() {
        Account account = new Account(UUID.randomUUID(), "n", null, AccountType.HOST_ROLE, null, Partition.AWS,
                "us-east-1", null, null, null, null, null, 0);
        assertThat(account.description()).isEmpty();
        assertThat(account.audience()).isEmpty();
        assertThat(account.issuerUrl()).isEmpty();
        assertThat(account.accessKeyId()).isEmpty();
        assertThat(account.endpointOverride()).isEmpty();
        assertThat(account.iamEndpointOverride()).isEmpty();
        assertThat(account.signinEndpointOverride()).isEmpty();
    }

    @Test
    void givesAKeylessAccountTheAudienceAwsDocumentsWhenNoneIsEntered() {
        Account account = Account.builder().name("n").type(AccountType.WEB_IDENTITY).partition(Partition.AWS)
                .region("us-east-1").audience("  ").build();
        assertThat(account.audience()).contains("sts.amazonaws.com");
        assertThat(account.issuerUrl()).isEmpty();
    }

    @Test
    void keepsTheAudienceAndIssuerUrlOfAKeylessAccountThroughAnEdit() {
        Account account = Account.builder().name("n").type(AccountType.WEB_IDENTITY).partition(Partition.AWS)
                .region("us-east-1").audience(" jira ").issuerUrl(java.net.URI.create("https://oidc.example.com/jira"))
                .build();
        Account edited = account.toBuilder().name("m").build();
        assertThat(edited.audience()).contains("jira");
        assertThat(edited.issuerUrl()).contains(java.net.URI.create("https://oidc.example.com/jira"));
        assertThat(edited.toString()).contains("audience=jira", "issuerUrl=https://oidc.example.com/jira");
    }

    @Test
    void givesOtherAccountTypesNoAudience() {
        Account account = Account.builder().name("n").type(AccountType.HOST_ROLE).partition(Partition.AWS)
                .region("us-east-1").build();
        assertThat(account.audience()).isEmpty();
    }

    @Test
    void keepsInternalWhiteSpaceOfAName() {
        assertThat(account().name("EU  production").build().name()).isEqualTo("EU  production");
    }

    @Test
    void rebuildsAnEqualAccountFromItsBuilder() {
        Account account = account().build();
        assertThat(account.toBuilder().build()).isEqualTo(account);
        assertThat(account.toBuilder().version(4).build().id()).isEqualTo(account.id());
    }

    @Test
    void masksTheAccessKeyIdInToStringAsTheAwsConsoleDoes() {
        Account account = account().accessKeyId("AKIAIOSFODNN7EXAMPLE").build();

        assertThat(account.toString()).contains("accessKeyId=****************MPLE")
                .doesNotContain("AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void masksAPastedSecretInTheAccessKeyIdFieldBeforeValidationRefusesIt() {
        Account account = account().accessKeyId(SECRET).build();

        assertThat(account.toString()).doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 30));
    }

    @Test
    void leavesEndpointUserInfoOutOfToString() {
        Account account = account().endpointOverride(URI.create("https://proxyuser:s3cr3t@vpce.example.com/sts"))
                .build();

        assertThat(account.toString()).contains("endpointOverride=https://vpce.example.com/sts")
                .doesNotContain("s3cr3t").doesNotContain("proxyuser");
    }

    @Test
    void hasNoComponentForTheSecretAccessKey() {
        assertThat(Account.class.getRecordComponents())
                .extracting(component -> component.getName().toLowerCase())
                .noneMatch(name -> name.contains("secret"));
    }

    @Test
    void normalisesOptionalTextThroughOneHelper() {
        assertThat(EnteredText.optional((String) null)).isEqualTo(Optional.empty());
        assertThat(EnteredText.optional(" a ")).contains("a");
        assertThat(EnteredText.optional(Optional.of("\t"))).isEmpty();
        assertThat(EnteredText.optional((Optional<String>) null)).isEmpty();
        assertThat(EnteredText.required(null)).isEmpty();
    }
}
