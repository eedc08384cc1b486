package dev.awsconnectors.testhost.ao;

/**
 * Named after {@code net.java.ao.ActiveObjectsConfigurationException}: an entity interface AO cannot map (a string
 * length out of range, a default value a column type does not allow, an unrecognised Java type).
 */
public class ActiveObjectsConfigurationException extends ActiveObjectsException {
    private static final long serialVersionUID = 1L;

    public ActiveObjectsConfigurationException(String message) {
        super(message);
    }
}
