package dev.awsconnectors.web.user;

import dev.awsconnectors.api.TemporaryCredentials;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The ways the "My AWS connectors" page shows credentials, as plain text for people to copy: shell exports, a
 * credentials-file profile and the AWS CLI {@code credential_process} setup. The texts carry secrets: they go to the
 * page that shows them once, never to a log.
 */
final class CredentialFormats {
    /** The placeholder the user replaces with a Jira personal access token. */
    static final String TOKEN_PLACEHOLDER = "<personal access token>";
    /** The REST resource the {@code credential_process} setup calls, below Jira's base URL. */
    static final String REST_CREDENTIALS_PATH = "/rest/aws-connectors/1.0/connectors/%s/credentials"
            + "?format=credential_process";

    /** One format: an id for the page, the i18n key of its title, and the text. */
    record Format(String id, String titleKey, String text) {
        @Override
        public String toString() {
            // The text is a secret.
            return "Format[" + id + "]";
        }
    }

    private CredentialFormats() {
    }

    /**
     * @param credentials   what AWS issued
     * @param connectorId   the connector they came from
     * @param connectorName its name, from which the profile name is made
     * @param jiraBaseUrl   Jira's canonical base URL, without a trailing slash
     */
    static List<Format> of(TemporaryCredentials credentials, UUID connectorId, String connectorName,
                           String jiraBaseUrl) {
        String id = credentials.getAccessKeyId();
        String secret = credentials.getSecretAccessKey();
        String token = credentials.getSessionToken();
        String profile = profileName(connectorName);
        return List.of(
                new Format("bash", "awsc.user.format.bash",
                        "export AWS_ACCESS_KEY_ID=\"" + id + "\"\n"
                                + "export AWS_SECRET_ACCESS_KEY=\"" + secret + "\"\n"
                                + "export AWS_SESSION_TOKEN=\"" + token + "\""),
                new Format("powershell", "awsc.user.format.powershell",
                        "$Env:AWS_ACCESS_KEY_ID=\"" + id + "\"\n"
                                + "$Env:AWS_SECRET_ACCESS_KEY=\"" + secret + "\"\n"
                                + "$Env:AWS_SESSION_TOKEN=\"" + token + "\""),
                new Format("fish", "awsc.user.format.fish",
                        "set -x AWS_ACCESS_KEY_ID \"" + id + "\"\n"
                                + "set -x AWS_SECRET_ACCESS_KEY \"" + secret + "\"\n"
                                + "set -x AWS_SESSION_TOKEN \"" + token + "\""),
                new Format("credentials-file", "awsc.user.format.credentialsFile",
                        "[" + profile + "]\n"
                                + "aws_access_key_id = " + id + "\n"
                                + "aws_secret_access_key = " + secret + "\n"
                                + "aws_session_token = " + token),
                new Format("credential-process", "awsc.user.format.credentialProcess",
                        credentialProcess(connectorId, connectorName, jiraBaseUrl)));
    }

    /** The {@code ~/.aws/config} profile that lets the AWS CLI fetch fresh credentials from Jira by itself. */
    static String credentialProcess(UUID connectorId, String connectorName, String jiraBaseUrl) {
        return "[profile " + profileName(connectorName) + "]\n"
                + "credential_process = curl -sf -H \"Authorization: Bearer " + TOKEN_PLACEHOLDER + "\" "
                + jiraBaseUrl + String.format(Locale.ROOT, REST_CREDENTIALS_PATH, connectorId);
    }

    /** A profile name made of the connector's name: lower case letters, digits and dashes. */
    static String profileName(String connectorName) {
        String name = connectorName == null ? "" : connectorName.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "aws-connector" : name;
    }
}
