package dev.awsconnectors.admintasks;

import dev.awsconnectors.i18n.Text;

import java.util.Objects;
import java.util.Optional;

/**
 * What AWS says an account's credentials are, as "Validate" shows it.
 *
 * @param awsAccountId the 12-digit AWS account id (STS GetCallerIdentity)
 * @param arn          the ARN the credentials act as: the IAM user of an access key, or the host's assumed role
 * @param alias        the AWS account's alias (IAM ListAccountAliases); empty when it has none, or when the
 *                     credentials may not list it (then {@code note} says so)
 * @param note         something the admin should know that is not a failure, e.g. that the alias could not be read
 */
public record AccountCheck(String awsAccountId, String arn, Optional<String> alias, Optional<Text> note) {

    public AccountCheck {
        Objects.requireNonNull(awsAccountId, "awsAccountId");
        Objects.requireNonNull(arn, "arn");
        alias = alias == null ? Optional.empty() : alias;
        note = note == null ? Optional.empty() : note;
    }
}
