package dev.awsconnectors.web;

import java.util.Map;
import java.util.Objects;

/**
 * What sets one family of pages apart (the admin pages, the user's page) where {@link PageServlet} answers for all
 * of them: where they live, the variable their templates read that address from, their web resource, their message
 * page and its texts, and the headers their pages carry besides the ones every page carries.
 *
 * @param path where the family's pages live, below the context path; redirects are relative to it
 * @param pathVariable the template variable that holds the context path and {@code path}
 * @param webResource the family's {@code <web-resource>}, by its complete key
 * @param messageTemplate the page with one message, which reads {@code $titleKey} and {@code $messageKey}
 * @param unreadable the message for a request whose parameters cannot be read (400)
 * @param xsrfRefused the message for a POST without the browser's XSRF token (403)
 * @param failed the message for any failure (500); its text is also the plain-text answer of last resort
 * @param headers headers every rendered page of the family carries, besides those of every page
 * @param description how the log names a page of the family that failed
 */
public record PageFamily(String path, String pathVariable, String webResource, String messageTemplate,
                         Message unreadable, Message xsrfRefused, Message failed, Map<String, String> headers,
                         String description) {

    public PageFamily {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(pathVariable, "pathVariable");
        Objects.requireNonNull(webResource, "webResource");
        Objects.requireNonNull(messageTemplate, "messageTemplate");
        Objects.requireNonNull(unreadable, "unreadable");
        Objects.requireNonNull(xsrfRefused, "xsrfRefused");
        Objects.requireNonNull(failed, "failed");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(description, "description");
    }

    /** A message page's title and text, by their i18n keys. */
    public record Message(String titleKey, String messageKey) {
        public Message {
            Objects.requireNonNull(titleKey, "titleKey");
            Objects.requireNonNull(messageKey, "messageKey");
        }
    }
}
