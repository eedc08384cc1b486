package dev.awsconnectors.validation;

import java.util.List;
import java.util.Objects;

/**
 * One broken rule, addressed so every front end can use it: the REST API reports {@code field}, the admin pages
 * translate {@code messageKey} with {@code arguments}, and logs and exceptions use the English {@code message}.
 * Never carries a secret access key: rules about the secret report only its length.
 *
 * @param field      the REST JSON field name the rule is about, e.g. {@code maxDurationSeconds}
 * @param messageKey the i18n key of the message, e.g. {@code awsc.validation.maxDurationSeconds.range}
 * @param arguments  the {@code {0}}, {@code {1}}, … values of the message, in order
 * @param message    the English text, naming the limit that was broken
 */
public record Violation(String field, String messageKey, List<Object> arguments, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(messageKey, "messageKey");
        arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
        Objects.requireNonNull(message, "message");
    }
}
