package dev.awsconnectors.i18n;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A message for an administrator or a user, as a key of the app's i18n bundle and its arguments, so that each front
 * end says it in its reader's language: the pages and the REST API through the host's {@code I18nResolver}
 * ({@link #in}), and the exported API's exception messages and the audit log in the bundle's own English
 * ({@link #english()}): those are read outside any Jira user's session, by another app's code or by whoever audits,
 * so they have no reader's language, and one language keeps every entry of the log alike.
 *
 * <p>An argument is a string, a number, or another {@code Text}, which is said in the same language first; so a
 * sentence can name "account 'prod'" or "connector 'dev'" without gluing English together in code.
 *
 * @param key          the bundle's key, e.g. {@code awsc.aws.admin.denied}
 * @param arguments    the {@code {0}}, {@code {1}}, … values, in order; a null one is said as nothing
 * @param endsSentence whether the text, once said, ends with a full stop (added when it ends otherwise), so that
 *                     another sentence can follow it: AWS's own words, quoted at the end, often have none
 */
public record Text(String key, List<Serializable> arguments, boolean endsSentence) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Text {
        Objects.requireNonNull(key, "key");
        // A value that is absent must not turn a failure's message into a NullPointerException of its own.
        List<Serializable> present = new ArrayList<>();
        if (arguments != null) {
            arguments.forEach(argument -> present.add(argument == null ? "" : argument));
        }
        arguments = List.copyOf(present);
    }

    /** The text of {@code key} with these arguments. */
    public static Text of(String key, Serializable... arguments) {
        return new Text(key, arguments == null ? null : Arrays.asList(arguments), false);
    }

    /** The items as one list, "a, b, c", in the reader's language; an item is a string, a number or a text. */
    public static Text list(List<? extends Serializable> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("A list needs an item.");
        }
        if (items.size() == 1) {
            return of("awsc.text.item", items.get(0));
        }
        return of("awsc.text.list", items.get(0), list(items.subList(1, items.size())));
    }

    /** The same text, ending as a sentence does. */
    public Text asSentence() {
        return new Text(key, arguments, true);
    }

    /** The same text with {@code change} applied to every string argument, those of nested texts included. */
    public Text mapStrings(UnaryOperator<String> change) {
        List<Serializable> changed = new ArrayList<>(arguments.size());
        for (Serializable argument : arguments) {
            if (argument instanceof Text nested) {
                changed.add(nested.mapStrings(change));
            } else if (argument instanceof String string) {
                changed.add(change.apply(string));
            } else {
                changed.add(argument);
            }
        }
        return new Text(key, changed, endsSentence);
    }

    /** The text in the language of {@code translator}, e.g. {@code text.in(i18nResolver::getText)}. */
    public String in(Translator translator) {
        Serializable[] said = new Serializable[arguments.size()];
        for (int i = 0; i < said.length; i++) {
            Serializable argument = arguments.get(i);
            said[i] = argument instanceof Text nested ? nested.in(translator) : argument;
        }
        String text = translator.text(key, said);
        return endsSentence ? sentence(text) : text;
    }

    /** The text in the bundle's English, for the exported API's exception messages and the audit log. */
    public String english() {
        return in(EnglishBundle::format);
    }

    /** The English text; the key and its arguments if the bundle lacks the key, since a log line must not fail. */
    @Override
    public String toString() {
        try {
            return english();
        } catch (IllegalStateException e) {
            return key + arguments;
        }
    }

    private static String sentence(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() || stripped.endsWith(".") || stripped.endsWith(")") ? stripped : stripped + ".";
    }

    /** Says a key with arguments; {@code I18nResolver::getText} is one. */
    @FunctionalInterface
    public interface Translator {
        String text(String key, Serializable... arguments);
    }
}
