package dev.awsconnectors.broker;

import dev.awsconnectors.api.AwsConnectorService;
import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.audit.RequestOrigin;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import java.util.Hashtable;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ExportedConnectorServiceTest {
    private static final UUID CONNECTOR = UUID.fromString("00000000-0000-0000-0000-000000000042");

    private final CredentialsBroker broker = mock(CredentialsBroker.class);
    private final ExportedConnectorService exported = new ExportedConnectorService(broker);

    private static Bundle bundle(String symbolicName, String pluginKey) {
        Bundle bundle = mock(Bundle.class);
        Hashtable<String, String> headers = new Hashtable<>();
        if (pluginKey != null) {
            headers.put("Atlassian-Plugin-Key", pluginKey);
        }
        when(bundle.getHeaders("")).thenReturn(headers);
        when(bundle.getSymbolicName()).thenReturn(symbolicName);
        when(bundle.getBundleId()).thenReturn(171L);
        return bundle;
    }

    @Test
    void givesEachBundleAServiceThatNamesItsPluginKeyInEveryRequest() {
        AwsConnectorService reports = exported.getService(bundle("com.example.reports.bundle", "com.example.reports"),
                null);

        reports.getCredentials(CONNECTOR, CredentialsRequest.defaults());
        reports.getSystemCredentials(CONNECTOR, CredentialsRequest.defaults());
        reports.getConsoleSignIn(CONNECTOR, CredentialsRequest.defaults());

        RequestOrigin origin = RequestOrigin.app("com.example.reports");
        verify(broker).credentials(CONNECTOR, CredentialsRequest.defaults(), origin);
        verify(broker).systemCredentials(CONNECTOR, CredentialsRequest.defaults(), origin);
        verify(broker).consoleSignIn(CONNECTOR, CredentialsRequest.defaults(), origin);
        assertThat(reports).hasToString("AwsConnectorService for app com.example.reports");
    }

    @Test
    void namesABundleWithoutAPluginKeyBySymbolicNameThenById() {
        assertThat(ExportedConnectorService.appKeyOf(bundle("org.example.plain", null))).isEqualTo("org.example.plain");
        assertThat(ExportedConnectorService.appKeyOf(bundle(null, " "))).isEqualTo("bundle 171");
    }

    @Test
    void calledOutsideOsgiItRecordsAnUnidentifiedApp() {
        exported.getSystemCredentials(CONNECTOR, CredentialsRequest.defaults());

        verify(broker).systemCredentials(CONNECTOR, CredentialsRequest.defaults(), RequestOrigin.app(null));
    }
}
