/**
 * The API that AWS Connectors for Jira exports to other apps: {@link dev.awsconnectors.api.AwsConnectorService},
 * its immutable values and its exceptions. It speaks JDK types only, so an app that uses it needs no AWS SDK of a
 * particular version; the package is versioned semantically in the bundle's {@code Export-Package}.
 *
 * @since 1.0
 */
package dev.awsconnectors.api;
