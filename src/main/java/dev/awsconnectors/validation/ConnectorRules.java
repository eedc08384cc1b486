package dev.awsconnectors.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.connectors.PrincipalCapabilities;
import dev.awsconnectors.connectors.TypedField;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules of a connector; see {@link ConfigurationValidator}. */
final class ConnectorRules {
    /**
     * IAM role ARN: {@code arn:<partition>:iam::<12-digit account>:role<path><name>}, where the path is {@code /} or
     * {@code /…/} of printable ASCII and the role name has 1 to 64 of {@code [\w+=,.@-]}.
     */
    private static final Pattern ROLE_ARN = Pattern.compile(
            "arn:([a-z][a-z0-9-]*):iam::[0-9]{12}:role(/(?:[\\x21-\\x7E]+/)?)[\\w+=,.@-]{1,64}");
    /**
     * IAM managed policy ARN, AWS managed ({@code iam::aws:}) or customer managed ({@code iam::<12 digits>:}); policy
     * names have 1 to 128 of {@code [\w+=,.@-]}.
     */
    private static final Pattern POLICY_ARN = Pattern.compile(
            "arn:([a-z][a-z0-9-]*):iam::(?:aws|[0-9]{12}):policy(/(?:[\\x21-\\x7E]+/)?)[\\w+=,.@-]{1,128}");
    /** STS AssumeRole ExternalId. */
    private static final Pattern EXTERNAL_ID_CHARACTERS = Pattern.compile("[\\w+=,.@:/-]*");
    /** STS SerialNumber: a hardware device's serial or a virtual device's ARN. */
    private static final Pattern MFA_SERIAL_CHARACTERS = Pattern.compile("[\\w+=/:,.@-]*");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    void check(Connector connector, Account account, Collection<String> unknownGroups, Findings findings) {
        PrincipalType type = connector.principalType();
        Optional<Account> known = account(connector, account, findings);
        Optional<Partition> partition = known.map(Account::partition);
        boolean hostRole = known.map(Account::type).orElse(null) == AccountType.HOST_ROLE;
        Optional<String> keylessAccount = known.filter(a -> a.type() == AccountType.WEB_IDENTITY).map(Account::name);

        TextRules.name(connector.name(), findings);
        TextRules.description(connector.description(), findings);
        principalType(type, known, findings);
        roleArn(connector, type, partition, findings);
        externalId(connector, type, keylessAccount, findings);
        policies(connector, type, partition, findings);
        maxDurationSeconds(connector, type, hostRole, findings);
        mfaSerialNumber(connector, type, hostRole, keylessAccount, findings);
        sourceIdentityAndTags(connector, type, findings);
        groups(connector, unknownGroups, findings);
        systemScope(connector, findings);
        consoleDestination(connector, type, partition, findings);
    }

    void warn(Connector connector, Findings findings) {
        if (connector.principalType() == PrincipalType.FEDERATED_USER
                && connector.policy().isEmpty() && connector.policyArns().isEmpty()) {
            // Federated users get the intersection of the IAM user's policies and the session policies: none.
            findings.add("policy", Keys.POLICY_NONE);
        }
    }

    private static Optional<Account> account(Connector connector, Account account, Findings findings) {
        if (connector.accountId() == null) {
            findings.add("accountId", Keys.ACCOUNT_ID_REQUIRED);
            return Optional.empty();
        }
        if (account == null || !account.id().equals(connector.accountId())) {
            findings.add("accountId", Keys.ACCOUNT_ID_UNKNOWN, connector.accountId().toString());
            return Optional.empty();
        }
        return Optional.of(account);
    }

    private static void principalType(PrincipalType type, Optional<Account> account, Findings findings) {
        if (type == null) {
            findings.add("principalType", Keys.PRINCIPAL_TYPE_REQUIRED);
        } else if (PrincipalCapabilities.of(type).needsLongTermKeys()
                && account.map(Account::type).orElse(null) == AccountType.HOST_ROLE) {
            findings.add("principalType", Keys.PRINCIPAL_TYPE_HOST_ROLE,
                    type.getDisplayName(), PrincipalCapabilities.of(type).stsCall(), account.get().name());
        } else if (PrincipalCapabilities.of(type).needsLongTermKeys()
                && account.map(Account::type).orElse(null) == AccountType.WEB_IDENTITY) {
            findings.add("principalType", Keys.PRINCIPAL_TYPE_WEB_IDENTITY,
                    type.getDisplayName(), PrincipalCapabilities.of(type).stsCall(), account.get().name());
        }
    }

    private static void roleArn(
            Connector connector, PrincipalType type, Optional<Partition> partition, Findings findings) {
        Optional<String> roleArn = connector.roleArn();
        if (roleArn.isEmpty()) {
            if (type == PrincipalType.IAM_ROLE) {
                findings.add("roleArn", Keys.ROLE_ARN_REQUIRED);
            }
            return;
        }
        if (!TypedField.ROLE_ARN.takenBy(type)) {
            findings.add("roleArn", Keys.ROLE_ARN_NOT_ALLOWED, type.getDisplayName());
            return;
        }
        String arn = roleArn.get();
        String example = partition.orElse(Partition.AWS).id();
        if (arn.length() < Limits.ARN_MIN || arn.length() > Limits.ARN_MAX) {
            findings.add("roleArn", Keys.ROLE_ARN_LENGTH, Limits.ARN_MIN, Limits.ARN_MAX, arn.length());
            return;
        }
        Matcher matcher = ROLE_ARN.matcher(arn);
        if (!matcher.matches()) {
            findings.add("roleArn", Keys.ROLE_ARN_FORMAT, Excerpts.ofArn(arn), example);
        } else if (matcher.group(2).length() > Limits.PATH_MAX) {
            findings.add("roleArn", Keys.ROLE_ARN_PATH_LENGTH, Limits.PATH_MAX, matcher.group(2).length());
        } else if (partition.isPresent() && !partition.get().id().equals(matcher.group(1))) {
            findings.add("roleArn", Keys.ROLE_ARN_PARTITION, matcher.group(1), partition.get().id());
        }
    }

    private static void externalId(Connector connector, PrincipalType type, Optional<String> keylessAccount,
                                   Findings findings) {
        connector.externalId().ifPresent(externalId -> {
            if (!TypedField.EXTERNAL_ID.takenBy(type)) {
                findings.add("externalId", Keys.EXTERNAL_ID_NOT_ALLOWED, type.getDisplayName());
            } else if (keylessAccount.isPresent()) {
                // AssumeRoleWithWebIdentity has no ExternalId: the role's trust policy would never see it.
                findings.add("externalId", Keys.EXTERNAL_ID_WEB_IDENTITY, keylessAccount.get());
            } else if (externalId.length() < Limits.EXTERNAL_ID_MIN || externalId.length() > Limits.EXTERNAL_ID_MAX) {
                findings.add("externalId", Keys.EXTERNAL_ID_LENGTH,
                        Limits.EXTERNAL_ID_MIN, Limits.EXTERNAL_ID_MAX, externalId.length());
            } else if (!EXTERNAL_ID_CHARACTERS.matcher(externalId).matches()) {
                findings.add("externalId", Keys.EXTERNAL_ID_CHARACTERS);
            }
        });
    }

    private void policies(Connector connector, PrincipalType type, Optional<Partition> partition, Findings findings) {
        boolean allowed = TypedField.POLICY.takenBy(type);
        Optional<String> policy = connector.policy();
        List<String> arns = connector.policyArns();
        if (!allowed) {
            if (policy.isPresent()) {
                findings.add("policy", Keys.POLICY_NOT_ALLOWED, type.getDisplayName());
            }
            if (TypedField.POLICY_ARNS.hasValue(connector)) {
                findings.add("policyArns", Keys.POLICY_ARNS_NOT_ALLOWED, type.getDisplayName());
            }
            return;
        }
        policy.ifPresent(document -> policyDocument(document, findings));
        policyArns(arns, partition, findings);

        int total = policy.map(String::length).orElse(0) + arns.stream().mapToInt(String::length).sum();
        if (total > Limits.SESSION_POLICIES_MAX) {
            findings.add(policy.isPresent() ? "policy" : "policyArns", Keys.POLICY_TOTAL_LENGTH,
                    Limits.SESSION_POLICIES_MAX, total);
        }
    }

    private void policyDocument(String document, Findings findings) {
        for (int i = 0; i < document.length(); i++) {
            char c = document.charAt(i);
            // STS: space through U+00FF, plus tab, line feed and carriage return.
            if (!(c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFF))) {
                findings.add("policy", Keys.POLICY_CHARACTERS, i + 1);
                return;
            }
        }
        JsonNode root;
        try {
            root = mapper.readTree(document);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            findings.add("policy", Keys.POLICY_JSON,
                    location == null ? 1 : Math.max(1, location.getLineNr()),
                    location == null ? 1 : Math.max(1, location.getColumnNr()));
            return;
        }
        if (root == null || !root.isObject()) {
            findings.add("policy", Keys.POLICY_NOT_OBJECT);
            return;
        }
        JsonNode statement = root.get("Statement");
        boolean present = statement != null
                && (statement.isObject() || (statement.isArray() && !statement.isEmpty()));
        if (!present) {
            findings.add("policy", Keys.POLICY_STATEMENT);
        }
    }

    private static void policyArns(List<String> arns, Optional<Partition> partition, Findings findings) {
        if (arns.size() > Limits.POLICY_ARNS_MAX) {
            findings.add("policyArns", Keys.POLICY_ARNS_TOO_MANY, Limits.POLICY_ARNS_MAX, arns.size());
            // One finding, not one per ARN of a list that may be thousands long.
            return;
        }
        String example = partition.orElse(Partition.AWS).id();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < arns.size(); i++) {
            String arn = arns.get(i);
            int position = i + 1;
            if (arn.length() < Limits.ARN_MIN || arn.length() > Limits.ARN_MAX) {
                findings.add("policyArns", Keys.POLICY_ARNS_LENGTH,
                        position, arn.length(), Limits.ARN_MIN, Limits.ARN_MAX);
                continue;
            }
            Matcher matcher = POLICY_ARN.matcher(arn);
            if (!matcher.matches()) {
                findings.add("policyArns", Keys.POLICY_ARNS_FORMAT, Excerpts.ofArn(arn), example);
            } else if (matcher.group(2).length() > Limits.PATH_MAX) {
                findings.add("policyArns", Keys.POLICY_ARNS_PATH_LENGTH,
                        Excerpts.ofArn(arn), Limits.PATH_MAX, matcher.group(2).length());
            } else if (partition.isPresent() && !partition.get().id().equals(matcher.group(1))) {
                findings.add("policyArns", Keys.POLICY_ARNS_PARTITION, Excerpts.ofArn(arn), matcher.group(1),
                        partition.get().id());
            } else if (!seen.add(arn)) {
                findings.add("policyArns", Keys.POLICY_ARNS_DUPLICATE, Excerpts.ofArn(arn));
            }
        }
    }

    private static void maxDurationSeconds(
            Connector connector, PrincipalType type, boolean hostRole, Findings findings) {
        if (connector.maxDurationSeconds().isEmpty() || type == null) {
            return;
        }
        int seconds = connector.maxDurationSeconds().getAsInt();
        PrincipalCapabilities capabilities = PrincipalCapabilities.of(type);
        // The host's credentials are themselves a role session, so assuming a role from them is role chaining.
        OptionalInt chainingMax = capabilities.roleChainingMaximumSeconds(hostRole);
        if (seconds < capabilities.minimumSeconds() || seconds > capabilities.maximumSeconds()) {
            findings.add("maxDurationSeconds", Keys.DURATION_RANGE, type.getDisplayName(),
                    capabilities.minimumSeconds(), capabilities.maximumSeconds(), seconds);
        } else if (chainingMax.isPresent() && seconds > chainingMax.getAsInt()) {
            findings.add("maxDurationSeconds", Keys.DURATION_ROLE_CHAINING, chainingMax.getAsInt(), seconds);
        }
    }

    private static void mfaSerialNumber(Connector connector, PrincipalType type, boolean hostRole,
                                        Optional<String> keylessAccount, Findings findings) {
        connector.mfaSerialNumber().ifPresent(serial -> {
            if (!TypedField.MFA_SERIAL_NUMBER.takenBy(type)) {
                findings.add("mfaSerialNumber", Keys.MFA_NOT_ALLOWED, type.getDisplayName());
            } else if (hostRole) {
                // The device must belong to the caller, and a role (the host's) has no MFA device.
                findings.add("mfaSerialNumber", Keys.MFA_HOST_ROLE);
            } else if (keylessAccount.isPresent()) {
                // AssumeRoleWithWebIdentity has no SerialNumber or TokenCode: a code typed in would be checked by no one.
                findings.add("mfaSerialNumber", Keys.MFA_WEB_IDENTITY, keylessAccount.get());
            } else if (serial.length() < Limits.MFA_SERIAL_MIN || serial.length() > Limits.MFA_SERIAL_MAX) {
                findings.add("mfaSerialNumber", Keys.MFA_LENGTH,
                        Limits.MFA_SERIAL_MIN, Limits.MFA_SERIAL_MAX, serial.length());
            } else if (!MFA_SERIAL_CHARACTERS.matcher(serial).matches()) {
                findings.add("mfaSerialNumber", Keys.MFA_CHARACTERS);
            }
        });
    }

    private static void sourceIdentityAndTags(Connector connector, PrincipalType type, Findings findings) {
        if (TypedField.SOURCE_IDENTITY_AND_TAGS.hasValue(connector)
                && !TypedField.SOURCE_IDENTITY_AND_TAGS.takenBy(type)) {
            findings.add("sourceIdentityAndTags", Keys.SOURCE_IDENTITY_NOT_ALLOWED, type.getDisplayName());
        }
    }

    private static void groups(Connector connector, Collection<String> unknownGroups, Findings findings) {
        if (connector.groups().size() > Limits.GROUPS_MAX) {
            findings.add("groups", Keys.GROUPS_TOO_MANY, Limits.GROUPS_MAX, connector.groups().size());
        }
        if (!unknownGroups.isEmpty()) {
            findings.add("groups", Keys.GROUPS_UNKNOWN, unknownGroups.size(), String.join(", ", unknownGroups));
        }
        boolean blankReported = false;
        for (String group : connector.groups()) {
            if (group.isBlank()) {
                if (!blankReported) {
                    findings.add("groups", Keys.GROUPS_BLANK);
                    blankReported = true;
                }
            } else if (TextRules.length(group) > Limits.GROUP_NAME_MAX) {
                findings.add("groups", Keys.GROUPS_TOO_LONG, Limits.GROUP_NAME_MAX, TextRules.length(group));
            } else if (!TextRules.storable(group, false)) {
                findings.add("groups", Keys.GROUPS_CHARACTERS);
            }
        }
    }

    private static void systemScope(Connector connector, Findings findings) {
        if (connector.systemScope() && connector.mfaSerialNumber().isPresent()) {
            findings.add("systemScope", Keys.SYSTEM_SCOPE_MFA);
        }
    }

    private static void consoleDestination(
            Connector connector, PrincipalType type, Optional<Partition> partition, Findings findings) {
        Optional<URI> destination = connector.consoleDestination();
        if (destination.isEmpty()) {
            return;
        }
        if (!TypedField.CONSOLE_DESTINATION.takenBy(type)) {
            findings.add("consoleDestination", Keys.CONSOLE_NOT_ALLOWED, type.getDisplayName());
            return;
        }
        URI uri = destination.get();
        int length = TextRules.length(uri.toString());
        if (length > Limits.URL_MAX) {
            findings.add("consoleDestination", Keys.CONSOLE_TOO_LONG, Limits.URL_MAX, length);
            return;
        }
        String consoleHost = partition.orElse(Partition.AWS).consoleHost();
        boolean wellFormed = uri.isAbsolute() && !uri.isOpaque()
                && "https".equalsIgnoreCase(uri.getScheme())
                && uri.getHost() != null
                && uri.getRawUserInfo() == null
                && (uri.getPort() == -1 || uri.getPort() == 443);
        if (!wellFormed) {
            findings.add("consoleDestination", Keys.CONSOLE_FORMAT, consoleHost);
            return;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (partition.isPresent() && !isConsoleHost(host, partition.get())) {
            findings.add("consoleDestination", Keys.CONSOLE_HOST, consoleHost, partition.get().id(),
                    Excerpts.of(host));
        }
    }

    /** The partition's console, or one of its regional consoles, {@code <region>.<console host>}. */
    private static boolean isConsoleHost(String host, Partition partition) {
        String consoleHost = partition.consoleHost();
        if (host.equals(consoleHost)) {
            return true;
        }
        String suffix = "." + consoleHost;
        return host.endsWith(suffix)
                && partition.containsRegion(host.substring(0, host.length() - suffix.length()));
    }
}
