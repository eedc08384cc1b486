package dev.awsconnectors.admintasks;

import java.time.Instant;
import java.util.Objects;

/**
 * What AWS says about the credentials a connector gave the admin who tested it (STS GetCallerIdentity signed with
 * those temporary credentials).
 *
 * @param awsAccountId the 12-digit AWS account id
 * @param arn          the principal AWS sees, e.g. {@code arn:aws:sts::123456789012:federated-user/admin} or
 *                     {@code arn:aws:sts::123456789012:assumed-role/deploy/admin}
 * @param userId       AWS's unique id of the principal ({@code AROA…:session}, {@code 123456789012:name},
 *                     {@code AIDA…})
 * @param expiration   when the credentials the connector gave stop working
 */
public record ConnectorTestResult(String awsAccountId, String arn, String userId, Instant expiration) {

    public ConnectorTestResult {
        Objects.requireNonNull(awsAccountId, "awsAccountId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiration, "expiration");
    }
}
