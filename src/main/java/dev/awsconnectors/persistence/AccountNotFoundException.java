package dev.awsconnectors.persistence;

import java.util.UUID;

/** No account has the given id; it may have been deleted on another node. */
public final class AccountNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccountNotFoundException(UUID id) {
        super("There is no AWS account with id " + id + ".");
    }
}
