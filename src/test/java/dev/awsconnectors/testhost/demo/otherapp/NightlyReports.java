package dev.awsconnectors.testhost.demo.otherapp;

import dev.awsconnectors.api.AccountSecretUnavailableException;
import dev.awsconnectors.api.AwsConnectorService;
import dev.awsconnectors.api.ConnectorAccessDeniedException;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.TemporaryCredentials;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Another app, packaged by {@code AnotherApp} as a bundle of its own that imports {@code dev.awsconnectors.api} from
 * the plugin: it looks the exported service up in the OSGi registry with its own bundle context, as a
 * {@code @ComponentImport} would. The test drives it through a JDK interface, since the app's classes (and the API's,
 * as the app sees them) are not the test class path's: commands in, JDK maps out.
 */
public final class NightlyReports implements Function<List<String>, Map<String, String>> {
    private final AwsConnectorService service;

    public NightlyReports(BundleContext context) {
        ServiceReference<AwsConnectorService> reference = context.getServiceReference(AwsConnectorService.class);
        if (reference == null) {
            throw new IllegalStateException("No " + AwsConnectorService.class.getName() + " in the registry");
        }
        this.service = context.getService(reference);
    }

    /**
     * {@code usable} → connector name → id; {@code credentials <id>} and {@code system <id>} → the credentials, or
     * {@code denied} → the reason, or {@code secretUnavailable} → the reason, account, key file and message; {@code implementation} → whether this app can load the service's class.
     */
    @Override
    public Map<String, String> apply(List<String> command) {
        Map<String, String> answer = new LinkedHashMap<>();
        switch (command.get(0)) {
            case "usable" -> {
                for (ConnectorSummary connector : service.getUsableConnectors()) {
                    answer.put(connector.getName(), connector.getId().toString());
                }
            }
            case "credentials", "system" -> {
                UUID id = UUID.fromString(command.get(1));
                try {
                    TemporaryCredentials credentials = command.get(0).equals("system")
                            ? service.getSystemCredentials(id, CredentialsRequest.defaults())
                            : service.getCredentials(id, CredentialsRequest.defaults());
                    answer.put("accessKeyId", credentials.getAccessKeyId());
                    answer.put("secretAccessKey", credentials.getSecretAccessKey());
                    answer.put("sessionToken", credentials.getSessionToken());
                    answer.put("principalArn", credentials.getPrincipalArn());
                } catch (ConnectorAccessDeniedException e) {
                    answer.put("denied", e.getReason().name());
                } catch (AccountSecretUnavailableException e) {
                    answer.put("secretUnavailable", e.getReason().name());
                    answer.put("account", e.getAccountName());
                    answer.put("keyFile", e.getKeyFileLocation());
                    answer.put("message", e.getMessage());
                }
            }
            case "implementation" -> answer.put("loadable", Boolean.toString(loadable(service.getClass().getName())));
            default -> throw new IllegalArgumentException("Unknown command " + command);
        }
        return answer;
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, NightlyReports.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
