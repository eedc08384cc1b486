package dev.awsconnectors.testhost.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Policy documents: syntax checks, the packed-size model for session policies and tags, and a simple, honest
 * evaluation for SimulateCustomPolicy.
 */
final class Policies {

    /**
     * The double's model of STS's packed size. AWS compresses session policies, policy ARNs and tags into a binary
     * format whose size it does not document; the double counts the policy without insignificant whitespace, the
     * ARNs and the tag keys and values against 2,048 characters, the budget the design promises its users.
     */
    static final int PACKED_BUDGET = 2048;

    private final ObjectMapper json = new ObjectMapper();

    /** Parses a policy, answering MalformedPolicyDocument as AWS does for anything that is not a policy. */
    JsonNode parse(String document) {
        JsonNode node;
        try {
            node = json.readTree(document);
        } catch (JsonProcessingException e) {
            throw AwsErrors.malformedPolicyDocument("Syntax errors in policy.");
        }
        if (node == null || !node.isObject()) {
            throw AwsErrors.malformedPolicyDocument("Syntax errors in policy.");
        }
        JsonNode statements = node.get("Statement");
        if (statements == null || !(statements.isObject() || statements.isArray())) {
            throw AwsErrors.malformedPolicyDocument("Missing required field Statement");
        }
        for (JsonNode statement : statements(node)) {
            String effect = statement.path("Effect").asText("");
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw AwsErrors.malformedPolicyDocument("Invalid effect: " + effect);
            }
            if (!statement.has("Action") && !statement.has("NotAction")) {
                throw AwsErrors.malformedPolicyDocument("Policy statement must contain actions.");
            }
        }
        return node;
    }

    /** The PackedPolicySize percentage AWS reports; over 100 is PackedPolicyTooLarge. */
    int packedPercent(JsonNode policy, List<String> policyArns, Map<String, String> tags) {
        int units = policy == null ? 0 : policy.toString().length();
        for (String arn : policyArns) {
            units += arn.length();
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            units += tag.getKey().length() + tag.getValue().length();
        }
        return (int) Math.ceil(units * 100.0 / PACKED_BUDGET);
    }

    /** One action on one resource, decided as IAM's simulator would for identity policies without conditions. */
    record Evaluation(String action, String resource, String decision, List<String> matchedPolicyIds,
                      Set<String> missingContextKeys) {
    }

    /**
     * An explicit Deny wins; otherwise an Allow whose Action and Resource match; otherwise implicit deny.
     * Statements with a Condition cannot be decided without context, so they match nothing and their condition
     * keys are reported as missing context values (IAM reports them the same way when context is not given).
     */
    Evaluation evaluate(List<JsonNode> policies, String action, String resource) {
        List<String> allowedBy = new ArrayList<>();
        List<String> deniedBy = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            String policyId = "PolicyInputList." + (i + 1);
            for (JsonNode statement : statements(policies.get(i))) {
                if (!appliesTo(statement, action, resource)) {
                    continue;
                }
                if (statement.has("Condition")) {
                    statement.get("Condition").forEach(operator -> operator.fieldNames().forEachRemaining(missing::add));
                    continue;
                }
                if ("Deny".equals(statement.path("Effect").asText())) {
                    deniedBy.add(policyId);
                } else {
                    allowedBy.add(policyId);
                }
            }
        }
        if (!deniedBy.isEmpty()) {
            return new Evaluation(action, resource, "explicitDeny", deniedBy, missing);
        }
        if (!allowedBy.isEmpty()) {
            return new Evaluation(action, resource, "allowed", allowedBy, missing);
        }
        return new Evaluation(action, resource, "implicitDeny", List.of(), missing);
    }

    private static boolean appliesTo(JsonNode statement, String action, String resource) {
        boolean actionMatches = statement.has("Action")
                ? anyMatches(statement.get("Action"), action, true)
                : !anyMatches(statement.get("NotAction"), action, true);
        boolean resourceMatches;
        if (statement.has("Resource")) {
            resourceMatches = anyMatches(statement.get("Resource"), resource, false);
        } else if (statement.has("NotResource")) {
            resourceMatches = !anyMatches(statement.get("NotResource"), resource, false);
        } else {
            resourceMatches = true;
        }
        return actionMatches && resourceMatches;
    }

    private static boolean anyMatches(JsonNode patterns, String value, boolean ignoreCase) {
        if (patterns.isTextual()) {
            return wildcardMatches(patterns.asText(), value, ignoreCase);
        }
        for (JsonNode pattern : patterns) {
            if (wildcardMatches(pattern.asText(), value, ignoreCase)) {
                return true;
            }
        }
        return false;
    }

    /** IAM wildcards: {@code *} any run of characters, {@code ?} one character; actions ignore case. */
    static boolean wildcardMatches(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("(?<=[*?])|(?=[*?])")) {
            switch (literal) {
                case "*" -> regex.append(".*");
                case "?" -> regex.append('.');
                default -> regex.append(Pattern.quote(literal));
            }
        }
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        return Pattern.compile(regex.toString(), flags | Pattern.DOTALL).matcher(value).matches();
    }

    private static List<JsonNode> statements(JsonNode policy) {
        JsonNode statement = policy.get("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statement.isArray()) {
            Iterator<JsonNode> it = statement.elements();
            it.forEachRemaining(list::add);
        } else {
            list.add(statement);
        }
        return list;
    }
}
