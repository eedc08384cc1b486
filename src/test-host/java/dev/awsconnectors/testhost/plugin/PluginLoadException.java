package dev.awsconnectors.testhost.plugin;

/** The plugin cannot start; the message says which descriptor entry, index line or import is to blame. */
public class PluginLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PluginLoadException(String message) {
        super(message);
    }

    public PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
