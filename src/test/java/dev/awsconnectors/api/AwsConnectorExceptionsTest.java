package dev.awsconnectors.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AwsConnectorExceptionsTest {

    @ParameterizedTest
    @EnumSource(ConnectorAccessDeniedException.Reason.class)
    void saysWhichRuleRefused(ConnectorAccessDeniedException.Reason reason) {
        ConnectorAccessDeniedException denied = new ConnectorAccessDeniedException(reason);

        assertThat(denied.getReason()).isEqualTo(reason);
        assertThat(denied).hasMessage(reason.getMessage());
        assertThat(denied).isInstanceOf(AwsConnectorException.class);
    }

    @Test
    void tellsAUserOutsideTheGroupsWhyWithoutNamingAnyGroupOrConnector() {
        assertThat(new ConnectorAccessDeniedException(ConnectorAccessDeniedException.Reason.NOT_IN_CONNECTOR_GROUPS))
                .hasMessage("You are not in any of the groups allowed to use this AWS connector.");
    }

    @Test
    void namesTheMissingConnectorById() {
        UUID id = UUID.fromString("6f1c2f3e-8a40-4d59-9a9e-0d6c1b2a3f4e");

        assertThat(new ConnectorNotFoundException(id))
                .hasMessage("There is no AWS connector with id 6f1c2f3e-8a40-4d59-9a9e-0d6c1b2a3f4e.")
                .extracting(ConnectorNotFoundException::getConnectorId).isEqualTo(id);
    }

    @Test
    void carriesAwsErrorCodeAndRequestIdWithoutAnSdkCause() {
        AwsRequestFailedException failed = new AwsRequestFailedException(
                "AWS refused AssumeRole on arn:aws:iam::123456789012:role/deploy: access denied.", "AccessDenied",
                "c3b1a9e2-1111-4a5b-9c0d-222233334444");

        assertThat(failed.getAwsErrorCode()).contains("AccessDenied");
        assertThat(failed.getRequestId()).contains("c3b1a9e2-1111-4a5b-9c0d-222233334444");
        assertThat(failed.getCause()).isNull();
    }

    @Test
    void saysWhenAwsCouldNotBeReached() {
        AwsRequestFailedException unreachable = new AwsRequestFailedException(
                "AWS STS at sts.eu-west-1.amazonaws.com could not be reached.", null, null);

        assertThat(unreachable.getAwsErrorCode()).isEmpty();
        assertThat(unreachable.getRequestId()).isEmpty();
    }

    @Test
    void saysWhichAccountsSecretCannotBeReadWhereTheKeyFileIsExpectedAndWhatToDo() {
        String location = "<shared home>/aws-connectors/secret-keys";

        assertThat(new AccountSecretUnavailableException(AccountSecretUnavailableException.Reason.KEY_FILE_MISSING,
                "Production", location, null))
                .hasMessage("The secret access key of the AWS account 'Production' cannot be read: the key file "
                        + location + " is missing. A Jira administrator can restore it from the backup taken with "
                        + "the database, or enter the account's secret access key again on the AWS Connectors admin "
                        + "page, which creates a new key file.")
                .isInstanceOf(AwsConnectorException.class);
        assertThat(new AccountSecretUnavailableException(AccountSecretUnavailableException.Reason.KEY_FILE_UNUSABLE,
                "Production", location, "it is damaged; restore it from backup"))
                .hasMessageContaining("the key file " + location + " cannot be used (it is damaged; restore it "
                        + "from backup)");
        AccountSecretUnavailableException wrongFile = new AccountSecretUnavailableException(
                AccountSecretUnavailableException.Reason.CANNOT_DECRYPT, "Production", location, null);
        assertThat(wrongFile).hasMessageContaining("it cannot be decrypted with the current key file " + location);
        assertThat(wrongFile.getReason()).isEqualTo(AccountSecretUnavailableException.Reason.CANNOT_DECRYPT);
        assertThat(wrongFile.getAccountName()).isEqualTo("Production");
        assertThat(wrongFile.getKeyFileLocation()).isEqualTo(location);
    }
}
