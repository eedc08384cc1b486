package dev.awsconnectors.testhost.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An IAM role: ARN, unique id {@code AROA...}, MaxSessionDuration (3600 by default, 3600..43200), and its trust:
 * which principal ARNs may assume it, the external id it requires (if any), whether MFA is required, and whether the
 * trust also allows {@code sts:TagSession} (needed to pass session tags) and {@code sts:SetSourceIdentity} (needed to
 * set a source identity, or to assume the role from a session that has one).
 *
 * <p>By default the trust allows both, as a trust policy written for a broker that tags sessions and sets a source
 * identity does (and as the double behaved before it modelled them, so tests written then keep passing). A role
 * whose trust allows only {@code sts:AssumeRole}, which is what IAM's console writes by default, is
 * {@code allowTagSession(false).allowSetSourceIdentity(false)}: AssumeRole with Tags, or with a SourceIdentity, is
 * then AccessDenied, "User: <caller> is not authorized to perform: sts:TagSession on resource: <role>".
 *
 * <p>The trust may also name OpenID Connect providers ({@code "Principal":{"Federated":"<provider ARN>"}} with
 * {@code sts:AssumeRoleWithWebIdentity}), each with its conditions on {@code <host/path>:aud} and
 * {@code <host/path>:sub}: see {@link #trustWebIdentity(OidcProvider, WebIdentityCondition...)}. The same two
 * flags then say whether such a statement also allows {@code sts:TagSession} and {@code sts:SetSourceIdentity}.
 */
public final class IamRole {

    private final Directory directory;
    private final AwsAccount account;
    private final String path;
    private final String name;
    private final String roleId;
    private final Instant created;
    private final Set<String> trustedPrincipals = new LinkedHashSet<>();
    private final List<FederatedTrust> federatedTrust = new ArrayList<>();
    private int maxSessionDuration = 3600;
    private String externalId;
    private boolean mfaRequired;
    private boolean tagSessionAllowed = true;
    private boolean setSourceIdentityAllowed = true;

    IamRole(Directory directory, AwsAccount account, String path, String name, Instant created) {
        if (!name.matches("[\\w+=,.@-]{1,64}")) {
            throw new IllegalArgumentException("Not a valid IAM role name: " + name);
        }
        this.directory = directory;
        this.account = account;
        this.path = path;
        this.name = name;
        this.roleId = directory.ids.uniqueId("AROA");
        this.created = created;
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    /** {@code arn:<partition>:iam::<account>:role<path><name>}. */
    public String arn() {
        return directory.arn("iam", account.id(), "role" + path + name);
    }

    public String roleId() {
        return roleId;
    }

    public AwsAccount account() {
        return account;
    }

    /**
     * Lets these principals assume the role: user ARNs, role ARNs (for role chaining), assumed-role session ARNs,
     * an account's root ARN (meaning: any principal of that account) or "*".
     */
    public IamRole trust(String... principalArns) {
        synchronized (directory.lock) {
            trustedPrincipals.addAll(List.of(principalArns));
            return this;
        }
    }

    public IamRole trust(IamUser user) {
        return trust(user.arn());
    }

    public IamRole trust(IamRole role) {
        return trust(role.arn());
    }

    /**
     * Lets holders of tokens from this OpenID Connect provider assume the role with AssumeRoleWithWebIdentity when
     * every condition is met, as a trust statement {@code {"Effect":"Allow","Principal":{"Federated":"<provider
     * ARN>"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{...}}} does. Without conditions any token the
     * provider signed for one of its audiences is trusted. May be called again to add another statement.
     */
    public IamRole trustWebIdentity(OidcProvider provider, WebIdentityCondition... conditions) {
        synchronized (directory.lock) {
            federatedTrust.add(new FederatedTrust(provider.arn(), List.of(conditions)));
            return this;
        }
    }

    public IamRole maxSessionDuration(int seconds) {
        if (seconds < 3600 || seconds > 43200) {
            throw new IllegalArgumentException("IAM allows a MaxSessionDuration of 3600 to 43200 seconds");
        }
        synchronized (directory.lock) {
            this.maxSessionDuration = seconds;
            return this;
        }
    }

    /** Requires this sts:ExternalId in AssumeRole, as a trust policy condition would. */
    public IamRole externalId(String required) {
        synchronized (directory.lock) {
            this.externalId = required;
            return this;
        }
    }

    /** Requires aws:MultiFactorAuthPresent, as a trust policy condition would. */
    public IamRole requireMfa() {
        synchronized (directory.lock) {
            this.mfaRequired = true;
            return this;
        }
    }

    /** Lets the trusted principals pass session tags: {@code sts:TagSession} in the trust policy (the default). */
    public IamRole allowTagSession() {
        return allowTagSession(true);
    }

    /** Whether the trust policy allows {@code sts:TagSession}; without it AssumeRole with Tags is AccessDenied. */
    public IamRole allowTagSession(boolean allowed) {
        synchronized (directory.lock) {
            this.tagSessionAllowed = allowed;
            return this;
        }
    }

    /** Lets the trusted principals set a source identity: {@code sts:SetSourceIdentity} (the default). */
    public IamRole allowSetSourceIdentity() {
        return allowSetSourceIdentity(true);
    }

    /**
     * Whether the trust policy allows {@code sts:SetSourceIdentity}; without it AssumeRole with a SourceIdentity,
     * or from a role session that has one (a source identity sticks through role chaining), is AccessDenied.
     */
    public IamRole allowSetSourceIdentity(boolean allowed) {
        synchronized (directory.lock) {
            this.setSourceIdentityAllowed = allowed;
            return this;
        }
    }

    public int maxSessionDuration() {
        synchronized (directory.lock) {
            return maxSessionDuration;
        }
    }

    String requiredExternalId() {
        synchronized (directory.lock) {
            return externalId;
        }
    }

    boolean mfaRequired() {
        synchronized (directory.lock) {
            return mfaRequired;
        }
    }

    boolean tagSessionAllowed() {
        synchronized (directory.lock) {
            return tagSessionAllowed;
        }
    }

    boolean setSourceIdentityAllowed() {
        synchronized (directory.lock) {
            return setSourceIdentityAllowed;
        }
    }

    Instant created() {
        return created;
    }

    /** Whether the trust allows this caller, by any of the ARNs it may be named by. */
    boolean trusts(Principal caller, String callerRoleArn) {
        synchronized (directory.lock) {
            if (trustedPrincipals.contains("*") || trustedPrincipals.contains(caller.arn())) {
                return true;
            }
            if (callerRoleArn != null && trustedPrincipals.contains(callerRoleArn)) {
                return true;
            }
            return trustedPrincipals.contains(directory.arn("iam", caller.accountId(), "root"));
        }
    }

    /**
     * Whether a web-identity statement names this provider ARN and all its conditions are met by {@code context}
     * (condition key to the token's value, e.g. {@code host/path:sub} to the subject).
     */
    boolean trustsWebIdentity(String providerArn, Map<String, String> context) {
        synchronized (directory.lock) {
            return federatedTrust.stream().anyMatch(trust -> trust.providerArn().equals(providerArn)
                    && trust.conditions().stream().allMatch(condition -> condition.isMetBy(context)));
        }
    }

    /** One {@code Federated} statement: the provider it names and the conditions it sets. */
    private record FederatedTrust(String providerArn, List<WebIdentityCondition> conditions) {
    }

    /** The trust policy document the configuration amounts to, for ListRoles. */
    String trustPolicyJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode statement = json.createObjectNode().put("Effect", "Allow");
        synchronized (directory.lock) {
            ArrayNode principals = statement.putObject("Principal").putArray("AWS");
            trustedPrincipals.forEach(principals::add);
            if (tagSessionAllowed || setSourceIdentityAllowed) {
                ArrayNode actions = statement.putArray("Action").add("sts:AssumeRole");
                if (tagSessionAllowed) {
                    actions.add("sts:TagSession");
                }
                if (setSourceIdentityAllowed) {
                    actions.add("sts:SetSourceIdentity");
                }
            } else {
                statement.put("Action", "sts:AssumeRole");
            }
            if (externalId != null || mfaRequired) {
                ObjectNode condition = statement.putObject("Condition");
                if (externalId != null) {
                    condition.putObject("StringEquals").put("sts:ExternalId", externalId);
                }
                if (mfaRequired) {
                    condition.putObject("Bool").put("aws:MultiFactorAuthPresent", "true");
                }
            }
        }
        ObjectNode policy = json.createObjectNode().put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        synchronized (directory.lock) {
            if (!trustedPrincipals.isEmpty() || federatedTrust.isEmpty()) {
                statements.add(statement);
            }
            federatedTrust.forEach(trust -> statements.add(federatedStatement(json, trust)));
        }
        return policy.toString();
    }

    private ObjectNode federatedStatement(ObjectMapper json, FederatedTrust trust) {
        ObjectNode statement = json.createObjectNode().put("Effect", "Allow");
        statement.putObject("Principal").put("Federated", trust.providerArn());
        ArrayNode actions = statement.putArray("Action").add("sts:AssumeRoleWithWebIdentity");
        if (tagSessionAllowed) {
            actions.add("sts:TagSession");
        }
        if (setSourceIdentityAllowed) {
            actions.add("sts:SetSourceIdentity");
        }
        if (!trust.conditions().isEmpty()) {
            Map<String, ObjectNode> byOperator = new LinkedHashMap<>();
            ObjectNode condition = statement.putObject("Condition");
            for (WebIdentityCondition each : trust.conditions()) {
                ObjectNode operator = byOperator.computeIfAbsent(each.operator(), condition::putObject);
                if (each.values().size() == 1) {
                    operator.put(each.key(), each.values().get(0));
                } else {
                    ArrayNode values = operator.putArray(each.key());
                    each.values().forEach(values::add);
                }
            }
        }
        return statement;
    }
}
