package dev.awsconnectors.testhost.aws;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One condition of a web-identity trust statement: {@code StringEquals} or {@code StringLike} on a key such as
 * {@link OidcProvider#subjectKey()} ({@code <host/path>:sub}) or {@link OidcProvider#audienceKey()}, met when the
 * token's value equals (or, for StringLike, matches with {@code *} and {@code ?}) any of the values. Matching is
 * case-sensitive, as AWS's. A key the request has no value for fails the condition.
 */
public record WebIdentityCondition(String operator, String key, List<String> values) {

    public WebIdentityCondition {
        if (!"StringEquals".equals(operator) && !"StringLike".equals(operator)) {
            throw new IllegalArgumentException("The double evaluates StringEquals and StringLike, not " + operator);
        }
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("A condition needs at least one value");
        }
    }

    public static WebIdentityCondition stringEquals(String key, String... values) {
        return new WebIdentityCondition("StringEquals", key, List.of(values));
    }

    public static WebIdentityCondition stringLike(String key, String... values) {
        return new WebIdentityCondition("StringLike", key, List.of(values));
    }

    boolean isMetBy(Map<String, String> context) {
        String actual = context.get(key);
        if (actual == null) {
            return false;
        }
        boolean like = "StringLike".equals(operator);
        return values.stream().anyMatch(value -> like ? Policies.wildcardMatches(value, actual, false)
                : value.equals(actual));
    }
}
