package dev.awsconnectors.sts;

import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.i18n.Text;

import java.util.Objects;

/**
 * A failed AWS call, told two ways: for the Jira administrator who can fix it ({@link #adminMessage()}: which call,
 * on which account and resource, what to check) and for the person who used the connector ({@link #userText()}:
 * what they can do). {@link #auditReason()} says in a few words what happened, for the audit log's reason.
 *
 * <p>Both are keys of the i18n bundle with arguments ({@link #adminText()}, {@link #userText()}), which the pages and
 * the REST API say in the reader's language; the exception's own message and the audit log use the bundle's English.
 *
 * <p>As thrown by {@link AwsFailures} its message is the administrator's, for the admin screens and the audit; the
 * broker hands {@link #forUser()} to users who are not administrators. Either way it is the exported API's
 * {@link AwsRequestFailedException}, so other apps need not know this class.
 */
public final class AwsCallFailedException extends AwsRequestFailedException {
    private static final long serialVersionUID = 1L;

    private final Text adminText;
    private final UserText userText;
    private final String auditReason;
    private final boolean forUser;

    private AwsCallFailedException(String message, String awsErrorCode, String requestId, Text adminText,
                                   UserText userText, String auditReason, boolean forUser) {
        super(message, awsErrorCode, requestId);
        this.adminText = adminText;
        this.userText = userText;
        this.auditReason = auditReason;
        this.forUser = forUser;
    }

    /**
     * @param adminMessage what failed and what an administrator should check
     * @param userText     what the user is told
     * @param auditReason  what happened, in a few words: AWS's error code, or e.g. "AWS not reachable"
     * @param awsErrorCode AWS's error code, null when there is none
     * @param requestId    AWS's request id, null when there is none
     */
    public static AwsCallFailedException of(Text adminMessage, UserText userText, String auditReason,
                                            String awsErrorCode, String requestId) {
        Objects.requireNonNull(adminMessage, "adminMessage");
        Objects.requireNonNull(userText, "userText");
        Objects.requireNonNull(auditReason, "auditReason");
        return new AwsCallFailedException(adminMessage.english(), awsErrorCode, requestId, adminMessage, userText,
                auditReason, false);
    }

    /** The same failure with the user's text as its message (the error code and request id stay). */
    public AwsCallFailedException forUser() {
        if (forUser) {
            return this;
        }
        AwsCallFailedException user = new AwsCallFailedException(userText.english(),
                getAwsErrorCode().orElse(null), getRequestId().orElse(null), adminText, userText, auditReason,
                true);
        user.setStackTrace(getStackTrace());
        return user;
    }

    /**
     * The failure's message in the language of {@code translator}: the text of an {@code AwsCallFailedException}
     * (the admin's, or the user's once {@link #forUser()}), or any other exception's own message.
     */
    public static String message(RuntimeException failure, Text.Translator translator) {
        return failure instanceof AwsCallFailedException aws ? aws.text().in(translator) : failure.getMessage();
    }

    /** Whether the message is the user's text. */
    public boolean isForUser() {
        return forUser;
    }

    /** What failed and what an administrator should check, in the bundle's English (the audit log's details). */
    public String adminMessage() {
        return adminText.english();
    }

    /** What failed and what an administrator should check, as a key and arguments for the admin's language. */
    public Text adminText() {
        return adminText;
    }

    /** What the reader of this exception is told: the user's text if it is {@link #forUser()}, else the admin's. */
    public Text text() {
        return forUser ? userText.text() : adminText;
    }

    /** What the user is told, as a key and arguments for the user's language. */
    public UserText userText() {
        return userText;
    }

    /** What happened, in a few words, for the audit log. */
    public String auditReason() {
        return auditReason;
    }
}
