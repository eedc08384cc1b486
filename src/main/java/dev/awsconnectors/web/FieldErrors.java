package dev.awsconnectors.web;

import com.atlassian.sal.api.message.I18nResolver;
import dev.awsconnectors.validation.Violation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a form shows for a refused save: each violation's message, translated from its key and arguments, beside the
 * field it names ({@link Violation#field()}, the REST field name, which is also the form field's name); a
 * violation of a field the form does not have is shown above the form.
 */
public final class FieldErrors {
    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    public FieldErrors(Collection<Violation> violations, Set<String> formFields, I18nResolver i18n) {
        for (Violation violation : violations) {
            String text = i18n.getText(violation.messageKey(), arguments(violation));
            if (formFields.contains(violation.field())) {
                byField.computeIfAbsent(violation.field(), field -> new ArrayList<>()).add(text);
            } else {
                general.add(text);
            }
        }
    }

    /** A violation found by the form itself (a number or URL that cannot even be read), in the validator's shape. */
    public static Violation formViolation(String field, String messageKey, I18nResolver i18n, Serializable... arguments) {
        return new Violation(field, messageKey, List.of((Object[]) arguments), i18n.getText(messageKey, arguments));
    }

    /** Field name to its messages, for {@code $errors.<field>}. */
    public Map<String, List<String>> byField() {
        return byField;
    }

    /** Messages about fields the form does not show. */
    public List<String> general() {
        return general;
    }

    /**
     * The form's own findings (a field it could not even read) first, then the validator's about the other fields:
     * a field the form already refused is not refused again for the value the form could not read.
     */
    public static List<Violation> withValidatorFindings(List<Violation> unreadable, List<Violation> validated) {
        List<Violation> all = new ArrayList<>(unreadable);
        Set<String> reported = new HashSet<>();
        unreadable.forEach(violation -> reported.add(violation.field()));
        for (Violation violation : validated) {
            if (!reported.contains(violation.field())) {
                all.add(violation);
            }
        }
        return all;
    }

    private static Serializable[] arguments(Violation violation) {
        Serializable[] arguments = new Serializable[violation.arguments().size()];
        for (int i = 0; i < arguments.length; i++) {
            Object argument = violation.arguments().get(i);
            arguments[i] = argument instanceof Serializable serializable ? serializable : String.valueOf(argument);
        }
        return arguments;
    }
}
