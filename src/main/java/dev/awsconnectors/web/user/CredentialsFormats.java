package dev.awsconnectors.web.user;

import dev.awsconnectors.api.TemporaryCredentials;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The ways the "My AWS connectors" page shows credentials, as plain text for people to copy: shell exports, a
 * credentials-file profile and the AWS CLI {@code credential_process} setup. The texts carry secrets: they go to the
 * page that shows them, never to a log.
 *
 * <p>The {@code credential_process} profile runs a one-line {@code sh} program (macOS and Linux) around curl, because
 * the AWS CLI runs the command without a shell and shows only what it writes to stderr when it exits non-zero:
 * {@code curl -f} would swallow the app's JSON error and leave the user with an empty "Error when retrieving
 * credentials from custom-process". The program prints the credentials JSON on success; otherwise the error's
 * {@code message} (or "Jira answered HTTP n" when the answer is not the app's JSON, e.g. a wrong token) on stderr,
 * and exits 1. It needs only curl's {@code -w} and {@code -sS}, {@code tail} and {@code sed -E}, which macOS and
 * Linux have (curl's {@code --fail-with-body} would need curl 7.76.0 and would put the error on stdout, where the
 * AWS CLI reads credentials). The profile names the account's region. A connector that needs an MFA code gets no
 * such profile: the AWS CLI cannot ask for a code, so the page explains that and points to the other formats.
 */
final class CredentialsFormats {
    /** The placeholder the user replaces with a Jira personal access token. */
    static final String TOKEN_PLACEHOLDER = "<personal access token>";
    /** The REST resource the {@code credential_process} setup calls, below Jira's base URL. */
    static final String REST_CREDENTIALS_PATH = "/rest/aws-connectors/1.0/connectors/%s/credentials"
            + "?format=credential_process";
    /**
     * The program {@code sh -c} runs, with the token as {@code $1} and the URL as {@code $2}. Only double quotes
     * inside, so that it can stand in single quotes on the {@code credential_process} line.
     */
    static final String FETCH_PROGRAM = "r=$(curl -sS -w \"\\n%{http_code}\" -H \"Authorization: Bearer $1\" \"$2\")"
            + " || exit 1; c=$(printf \"%s\" \"$r\" | tail -n 1); b=$(printf \"%s\" \"$r\" | sed \"$ d\");"
            + " if [ \"$c\" = 200 ]; then printf \"%s\\n\" \"$b\"; exit 0; fi;"
            // The error's message, with JSON's escaped quotes and backslashes undone.
            + " m=$(printf \"%s\" \"$b\" | sed -nE \"s/.*\\\"message\\\":\\\"(([^\\\"\\\\]|\\\\\\\\.)*)\\\".*/\\1/p\" | sed -E \"s/\\\\\\\\(.)/\\\\1/g\");"
            + " printf \"%s\\n\" \"${m:-Jira answered HTTP $c}\" >&2; exit 1";

    /** What the profiles are made of. */
    record Profile(UUID connectorId, String connectorName, String jiraBaseUrl, boolean mfaRequired, String region) {
    }

    /**
     * One format: an id for the page, the i18n key of its title, the text (empty when there is nothing to copy),
     * and the i18n key of a description ("" for none).
     */
    record Format(String id, String titleKey, String text, String descriptionKey) {
        @Override
        public String toString() {
            // The text is a secret.
            return "Format[" + id + "]";
        }
    }

    private CredentialsFormats() {
    }

    /**
     * @param credentials what AWS issued
     * @param profile     the connector they came from (its name makes the profile name), Jira's canonical base URL
     *                    without a trailing slash, whether it needs an MFA code, and its account's region
     */
    static List<Format> of(TemporaryCredentials credentials, Profile profile) {
        String id = credentials.getAccessKeyId();
        String secret = credentials.getSecretAccessKey();
        String token = credentials.getSessionToken();
        String name = profileName(profile.connectorName());
        return List.of(
                new Format("bash", "awsc.user.format.bash",
                        "export AWS_ACCESS_KEY_ID=\"" + id + "\"\n"
                                + "export AWS_SECRET_ACCESS_KEY=\"" + secret + "\"\n"
                                + "export AWS_SESSION_TOKEN=\"" + token + "\"", ""),
                new Format("powershell", "awsc.user.format.powershell",
                        "$Env:AWS_ACCESS_KEY_ID=\"" + id + "\"\n"
                                + "$Env:AWS_SECRET_ACCESS_KEY=\"" + secret + "\"\n"
                                + "$Env:AWS_SESSION_TOKEN=\"" + token + "\"", ""),
                new Format("fish", "awsc.user.format.fish",
                        "set -x AWS_ACCESS_KEY_ID \"" + id + "\"\n"
                                + "set -x AWS_SECRET_ACCESS_KEY \"" + secret + "\"\n"
                                + "set -x AWS_SESSION_TOKEN \"" + token + "\"", ""),
                new Format("credentials-file", "awsc.user.format.credentialsFile",
                        "[" + name + "]\n"
                                + "aws_access_key_id = " + id + "\n"
                                + "aws_secret_access_key = " + secret + "\n"
                                + "aws_session_token = " + token, ""),
                profile.mfaRequired()
                        ? new Format("credential-process", "awsc.user.format.credentialProcess", "",
                        "awsc.user.format.credentialProcess.mfa")
                        : new Format("credential-process", "awsc.user.format.credentialProcess",
                        credentialProcess(profile), "awsc.user.format.credentialProcess.description"));
    }

    /** The {@code ~/.aws/config} profile that lets the AWS CLI fetch fresh credentials from Jira by itself. */
    static String credentialProcess(Profile profile) {
        String url = profile.jiraBaseUrl() + String.format(Locale.ROOT, REST_CREDENTIALS_PATH, profile.connectorId());
        return "[profile " + profileName(profile.connectorName()) + "]\n"
                + (profile.region().isEmpty() ? "" : "region = " + profile.region() + "\n")
                + "credential_process = " + credentialProcessCommand(url);
    }

    /** The command line of {@code credential_process} for this URL, with the token placeholder. */
    static String credentialProcessCommand(String url) {
        return "sh -c '" + FETCH_PROGRAM + "' sh \"" + TOKEN_PLACEHOLDER + "\" \"" + url + "\"";
    }

    /** A profile name made of the connector's name: lower case letters, digits and dashes. */
    static String profileName(String connectorName) {
        String name = connectorName == null ? "" : connectorName.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "aws-connector" : name;
    }
}
