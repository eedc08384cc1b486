package dev.awsconnectors.paging;

import java.util.Objects;

/**
 * A paging parameter that is not a whole number of 0 or more. It names the parameter only: the caller words the
 * message in the reader's language.
 */
public final class InvalidPageRequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    InvalidPageRequestException(String parameter) {
        super("The paging parameter " + Objects.requireNonNull(parameter, "parameter")
                + " must be a whole number of 0 or more");
        this.parameter = parameter;
    }

    /** {@code startAt} or {@code maxResults}. */
    public String parameter() {
        return parameter;
    }
}
