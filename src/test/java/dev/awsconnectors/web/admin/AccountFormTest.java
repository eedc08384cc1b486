package dev.awsconnectors.web.admin;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AccountFormTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void whatAFormEnteredNeverPrintsTheSecretItCarries() {
        Account account = Account.builder().name("Sandbox").type(AccountType.ACCESS_KEY)
                .accessKeyId("AKIAIOSFODNN7EXAMPLE").partition(Partition.AWS).region("eu-west-1").build();

        AccountForm.Entered entered = new AccountForm.Entered(account, Optional.of(SECRET),
                Map.of("name", "Sandbox"), List.of());

        assertThat(entered.toString()).doesNotContain(SECRET).contains("secret=(typed)");
        assertThat(entered.secret()).contains(SECRET);
    }
}
