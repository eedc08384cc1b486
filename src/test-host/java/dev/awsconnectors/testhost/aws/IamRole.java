package dev.awsconnectors.testhost.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An IAM role: ARN, unique id {@code AROA...}, MaxSessionDuration (3600 by default, 3600..43200), and its trust:
 * which principal ARNs may assume it, the external id it requires (if any) and whether MFA is required.
 */
public final class IamRole {

    private final Directory directory;
    private final AwsAccount account;
    private final String path;
    private final String name;
    private final String roleId;
    private final Instant created;
    private final Set<String> trustedPrincipals = new LinkedHashSet<>();
    private int maxSessionDuration = 3600;
    private String externalId;
    private boolean mfaRequired;

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

    /** The trust policy document the configuration amounts to, for ListRoles. */
    String trustPolicyJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode statement = json.createObjectNode().put("Effect", "Allow");
        synchronized (directory.lock) {
            ArrayNode principals = statement.putObject("Principal").putArray("AWS");
            trustedPrincipals.forEach(principals::add);
            statement.put("Action", "sts:AssumeRole");
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
        policy.putArray("Statement").add(statement);
        return policy.toString();
    }
}
