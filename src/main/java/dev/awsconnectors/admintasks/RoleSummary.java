package dev.awsconnectors.admintasks;

import java.util.Objects;

/**
 * One IAM role of an account, for the connector editor's role picker.
 *
 * @param arn                       the role's ARN, what a connector stores
 * @param name                      the role's name
 * @param path                      the role's path, {@code /} for most roles
 * @param maxSessionDurationSeconds the role's maximum session duration (3,600 to 43,200 s); AssumeRole asks for no
 *                                  more than this
 */
public record RoleSummary(String arn, String name, String path, int maxSessionDurationSeconds) {

    public RoleSummary {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }
}
