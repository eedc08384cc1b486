package dev.awsconnectors.testhost.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads query-protocol parameters and checks them against the constraints of AWS's API reference, collecting the
 * violations in AWS's own wording ("Value 'x' at 'roleSessionName' failed to satisfy constraint: ...") so that
 * {@link #check()} can answer with one ValidationError listing all of them, as AWS does.
 */
final class Params {

    private final Map<String, String> raw;
    private final List<String> violations = new ArrayList<>();

    Params(Map<String, String> raw) {
        this.raw = raw;
    }

    /** A string parameter; {@code member} is the lowerCamel name AWS uses in its messages. */
    String string(String name, String member, boolean required, int min, int max, String pattern) {
        String value = raw.get(name);
        if (value == null) {
            if (required) {
                violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
            }
            return null;
        }
        if (value.length() < min) {
            violate(value, member, "Member must have length greater than or equal to " + min);
        } else if (value.length() > max) {
            violate(value, member, "Member must have length less than or equal to " + max);
        } else if (pattern != null && !value.matches(pattern)) {
            violate(value, member, "Member must satisfy regular expression pattern: " + pattern);
        }
        return value;
    }

    /**
     * A secret string parameter (a web identity token): checked as {@link #string}, but a violation does not
     * repeat the value, which must not reach error messages or logs.
     */
    String secret(String name, String member, int min, int max) {
        String value = raw.get(name);
        if (value == null) {
            violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        } else if (value.length() < min) {
            violations.add("Value at '" + member + "' failed to satisfy constraint: Member must have length greater "
                    + "than or equal to " + min);
        } else if (value.length() > max) {
            violations.add("Value at '" + member + "' failed to satisfy constraint: Member must have length less "
                    + "than or equal to " + max);
        }
        return value;
    }

    /** An integer parameter within [min, max]; null when absent. */
    Integer integer(String name, String member, int min, int max) {
        String value = raw.get(name);
        if (value == null) {
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            violate(value, member, "Member must be a number");
            return null;
        }
        if (number < min) {
            violate(value, member, "Member must have value greater than or equal to " + min);
        } else if (number > max) {
            violate(value, member, "Member must have value less than or equal to " + max);
        }
        return number;
    }

    /** A list serialised as {@code Name.member.1}, {@code Name.member.2}, ... */
    List<String> list(String name) {
        return list(name, null);
    }

    /** A list of structures whose field is wanted: {@code PolicyArns.member.1.arn}. */
    List<String> list(String name, String field) {
        List<String> values = new ArrayList<>();
        for (int i = 1; ; i++) {
            String key = name + ".member." + i + (field == null ? "" : "." + field);
            String value = raw.get(key);
            if (value == null) {
                return values;
            }
            values.add(value);
        }
    }

    /** Session tags, {@code Tags.member.N.Key} and {@code .Value}, in the order given. */
    Map<String, String> tags(String name) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 1; ; i++) {
            String key = raw.get(name + ".member." + i + ".Key");
            if (key == null) {
                return tags;
            }
            tags.put(key, raw.getOrDefault(name + ".member." + i + ".Value", ""));
        }
    }

    void maxSize(List<?> values, String member, int max) {
        if (values.size() > max) {
            violate(values.toString(), member, "Member must have length less than or equal to " + max);
        }
    }

    void violate(String value, String member, String constraint) {
        violations.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    /** Answers with ValidationError when any constraint was broken. */
    void check() {
        if (!violations.isEmpty()) {
            throw AwsErrors.validation(violations);
        }
    }
}
