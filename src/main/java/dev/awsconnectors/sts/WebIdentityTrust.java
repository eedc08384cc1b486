package dev.awsconnectors.sts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What AWS is told about a keyless account's tokens, defined once: the subject ({@code sub}) of the token minted for
 * each request, and the JSON an admin pastes into AWS to trust it — the IAM OpenID Connect provider and a role trust
 * policy restricted to one connector.
 *
 * <p>Subjects are {@code connector:<connector id>:user:<role session name>} for a Jira user and
 * {@code connector:<connector id>:system} for system-scope requests, so a trust policy tells connectors apart with
 * {@code StringLike} on {@code connector:<id>:*} and admits only system requests with {@code StringEquals} on
 * {@code connector:<id>:system}. The user part is the role session name (at most 64 characters of
 * {@code [\w+=,.@-]}), which keeps the subject within AWS's 255 characters whatever the Jira user name. For an OIDC
 * provider AWS offers only {@code <provider>:aud} and {@code <provider>:sub} as condition keys, where
 * {@code <provider>} is the issuer URL without its scheme (AWS IAM User Guide, "Available keys for AWS web identity
 * federation"; the provider ARN {@code arn:<partition>:iam::<account>:oidc-provider/<provider>}, per the IAM API's
 * CreateOpenIDConnectProvider).
 */
public final class WebIdentityTrust {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern ROLE_ARN = Pattern.compile("arn:([a-z-]+):iam::(\\d{12}):role/.+");

    private WebIdentityTrust() {
    }

    /** The token's {@code sub} for a request of {@code owner} through the connector. */
    public static String subject(UUID connectorId, SessionOwner owner) {
        Objects.requireNonNull(connectorId, "connectorId");
        return owner.isSystem() ? systemSubject(connectorId)
                : "connector:" + connectorId + ":user:" + owner.roleSessionName();
    }

    /** The subject of the connector's system-scope requests. */
    public static String systemSubject(UUID connectorId) {
        return "connector:" + Objects.requireNonNull(connectorId, "connectorId") + ":system";
    }

    /** The {@code StringLike} pattern that matches every subject of the connector, and no other connector's. */
    public static String connectorSubjects(UUID connectorId) {
        return "connector:" + Objects.requireNonNull(connectorId, "connectorId") + ":*";
    }

    /** The issuer URL as IAM names the provider in its ARN and condition keys: without the scheme. */
    public static String providerPath(String issuerUrl) {
        URI uri = URI.create(Objects.requireNonNull(issuerUrl, "issuerUrl"));
        return issuerUrl.substring(uri.getScheme().length() + "://".length());
    }

    /**
     * The ARN of the IAM OIDC provider for the issuer, in the AWS account and partition of the role.
     *
     * @throws IllegalArgumentException if {@code roleArn} is not an IAM role's ARN
     */
    public static String providerArn(String roleArn, String issuerUrl) {
        Matcher role = ROLE_ARN.matcher(Objects.requireNonNull(roleArn, "roleArn"));
        if (!role.matches()) {
            throw new IllegalArgumentException("Not an IAM role ARN: " + roleArn);
        }
        return "arn:" + role.group(1) + ":iam::" + role.group(2) + ":oidc-provider/" + providerPath(issuerUrl);
    }

    /**
     * The input of IAM's CreateOpenIDConnectProvider ({@code aws iam create-open-id-connect-provider
     * --cli-input-json}): the issuer URL and the audience as its one client ID. No thumbprint: IAM no longer needs
     * one for issuers whose certificate a public certificate authority signed.
     */
    public static String openIdConnectProviderJson(String issuerUrl, String audience) {
        ObjectNode provider = JSON.createObjectNode();
        provider.put("Url", Objects.requireNonNull(issuerUrl, "issuerUrl"));
        provider.putArray("ClientIDList").add(Objects.requireNonNull(audience, "audience"));
        return write(provider);
    }

    /**
     * A trust policy for the connector's role that admits the connector's tokens only: the provider as
     * {@code Federated} principal, the account's audience, and the connector's subjects — only its system-scope
     * subject when {@code systemOnly}. With {@code sourceIdentityAndTags}, also the two actions AWS requires for a
     * token that carries a source identity and session tags.
     */
    public static String trustPolicyJson(String roleArn, String issuerUrl, String audience, UUID connectorId,
                                         boolean systemOnly, boolean sourceIdentityAndTags) {
        String provider = providerPath(issuerUrl);
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Federated", providerArn(roleArn, issuerUrl));
        ArrayNode actions = statement.putArray("Action").add("sts:AssumeRoleWithWebIdentity");
        if (sourceIdentityAndTags) {
            actions.add("sts:SetSourceIdentity").add("sts:TagSession");
        }
        ObjectNode condition = statement.putObject("Condition");
        ObjectNode equals = condition.putObject("StringEquals");
        equals.put(provider + ":aud", Objects.requireNonNull(audience, "audience"));
        if (systemOnly) {
            equals.put(provider + ":sub", systemSubject(connectorId));
        } else {
            condition.putObject("StringLike").put(provider + ":sub", connectorSubjects(connectorId));
        }
        return write(policy);
    }

    private static String write(ObjectNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree of strings could not be written", e);
        }
    }
}
