package dev.awsconnectors.testhost.ao;

import java.sql.SQLException;

/**
 * Named after {@code com.atlassian.activeobjects.internal.ActiveObjectsSqlException}: every {@link SQLException}
 * leaves the {@code ActiveObjects} facade wrapped in this unchecked exception, with the SQL exception as its cause,
 * so callers can read the SQLState (23505 unique violation, 23503 foreign-key violation) as they would in Jira.
 * The message has AO's shape: a fixed sentence, the database and the driver, then the cause's message.
 */
public final class ActiveObjectsSqlException extends ActiveObjectsException {
    private static final long serialVersionUID = 1L;

    private final String databaseDescription;

    ActiveObjectsSqlException(String databaseDescription, SQLException cause) {
        super(cause);
        this.databaseDescription = databaseDescription;
    }

    /** The SQL exception, as AO's {@code getSqlException()} returns it. */
    public SQLException getSqlException() {
        return (SQLException) getCause();
    }

    @Override
    public String getMessage() {
        return "There was a SQL exception thrown by the Active Objects library:\n" + databaseDescription + "\n\n"
                + super.getMessage();
    }
}
