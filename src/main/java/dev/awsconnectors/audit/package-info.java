/**
 * Auditing of what the app hands out: {@link dev.awsconnectors.audit.CredentialAudit} records every credentials
 * request and console sign-in the broker decides, allowed or refused, in Jira's audit log and the application log;
 * {@link dev.awsconnectors.audit.RequestSource} says which layer a request came through (the REST resources and
 * pages wrap their broker calls in {@code RequestSource.REST.call(…)} / {@code RequestSource.WEB.call(…)});
 * {@link dev.awsconnectors.audit.AuditNames} holds what the admin pages' events share with the broker's.
 */
package dev.awsconnectors.audit;
