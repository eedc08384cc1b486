package dev.awsconnectors.broker;

import com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService;
import dev.awsconnectors.api.AwsConnectorService;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.ConsoleSignIn;
import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.audit.RequestOrigin;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.springframework.stereotype.Component;

import java.util.Dictionary;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@link AwsConnectorService} other apps get from OSGi.
 *
 * <p>It is an OSGi {@link ServiceFactory}: Jira's service exporter (Gemini Blueprint's publishing factory, behind
 * spring-scanner's {@code @ExportAsService}) asks it for the service once per app bundle that looks it up, and it
 * answers with a view bound to that bundle, so that every audit event names the app that asked — by its
 * {@code Atlassian-Plugin-Key}, else its symbolic name. The name comes from the framework, not from the app.
 *
 * <p>Called directly (not through OSGi), it acts as an unidentified app; the app's own layers use
 * {@link CredentialsBroker} instead.
 */
@Component
@ExportAsService(AwsConnectorService.class)
public class ExportedConnectorService implements AwsConnectorService, ServiceFactory<AwsConnectorService> {
    /** The manifest header Jira's plugin system writes the plugin key to. */
    static final String PLUGIN_KEY_HEADER = "Atlassian-Plugin-Key";

    private final CredentialsBroker broker;
    private final AwsConnectorService unidentified;

    public ExportedConnectorService(CredentialsBroker broker) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.unidentified = new AppConnectorService(broker, RequestOrigin.app(null));
    }

    @Override
    public AwsConnectorService getService(Bundle bundle, ServiceRegistration<AwsConnectorService> registration) {
        return new AppConnectorService(broker, RequestOrigin.app(appKeyOf(bundle)));
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<AwsConnectorService> registration,
                             AwsConnectorService service) {
        // The view holds nothing to release.
    }

    /** The bundle's plugin key, else its symbolic name, else its id: what the audit log calls the app. */
    static String appKeyOf(Bundle bundle) {
        if (bundle == null) {
            return null;
        }
        Dictionary<String, String> headers = bundle.getHeaders("");
        String pluginKey = headers == null ? null : headers.get(PLUGIN_KEY_HEADER);
        if (pluginKey != null && !pluginKey.isBlank()) {
            return pluginKey;
        }
        String symbolicName = bundle.getSymbolicName();
        return symbolicName != null && !symbolicName.isBlank() ? symbolicName : "bundle " + bundle.getBundleId();
    }

    @Override
    public List<ConnectorSummary> getUsableConnectors() {
        return unidentified.getUsableConnectors();
    }

    @Override
    public TemporaryCredentials getCredentials(UUID connectorId, CredentialsRequest request) {
        return unidentified.getCredentials(connectorId, request);
    }

    @Override
    public TemporaryCredentials getSystemCredentials(UUID connectorId, CredentialsRequest request) {
        return unidentified.getSystemCredentials(connectorId, request);
    }

    @Override
    public ConsoleSignIn getConsoleSignIn(UUID connectorId, CredentialsRequest request) {
        return unidentified.getConsoleSignIn(connectorId, request);
    }

    /** The service as one app sees it: every call carries that app's origin. */
    private static final class AppConnectorService implements AwsConnectorService {
        private final CredentialsBroker broker;
        private final RequestOrigin origin;

        AppConnectorService(CredentialsBroker broker, RequestOrigin origin) {
            this.broker = broker;
            this.origin = origin;
        }

        @Override
        public List<ConnectorSummary> getUsableConnectors() {
            return broker.usableConnectors();
        }

        @Override
        public TemporaryCredentials getCredentials(UUID connectorId, CredentialsRequest request) {
            return broker.credentials(connectorId, request, origin);
        }

        @Override
        public TemporaryCredentials getSystemCredentials(UUID connectorId, CredentialsRequest request) {
            return broker.systemCredentials(connectorId, request, origin);
        }

        @Override
        public ConsoleSignIn getConsoleSignIn(UUID connectorId, CredentialsRequest request) {
            return broker.consoleSignIn(connectorId, request, origin);
        }

        @Override
        public String toString() {
            return "AwsConnectorService for " + origin;
        }
    }
}
