package dev.awsconnectors.testhost.aws;

/**
 * An error the double answers with, carrying what AWS puts in its error response: the HTTP status, whether the
 * sender or AWS is at fault, the error code and the message.
 */
final class AwsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final boolean senderFault;

    AwsException(int status, String code, String message, boolean senderFault) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.senderFault = senderFault;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The {@code <Type>} element: Sender for the caller's mistakes, Receiver for AWS's own failures. */
    String type() {
        return senderFault ? "Sender" : "Receiver";
    }
}
