/**
 * Auditing of what the app hands out: {@link dev.awsconnectors.audit.CredentialsAudit} records every credentials
 * request and console sign-in the broker decides, allowed or refused, in Jira's audit log and the application log;
 * {@link dev.awsconnectors.audit.RequestOrigin} says where a request came in (REST, the pages, or the exported
 * service and the app that called it) and travels with the request to the broker;
 * {@link dev.awsconnectors.audit.AuditNames} holds what the admin pages' events share with the broker's.
 */
package dev.awsconnectors.audit;
