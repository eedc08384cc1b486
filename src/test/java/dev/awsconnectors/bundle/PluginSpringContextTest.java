package dev.awsconnectors.bundle;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ModelVersion;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.user.UserManager;
import dev.awsconnectors.api.AwsConnectorService;
import dev.awsconnectors.persistence.InitialSchema;
import dev.awsconnectors.testhost.ao.TestDatabase;
import dev.awsconnectors.testhost.ao.TestDatabases;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import dev.awsconnectors.testhost.sal.HostUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the plugin's Spring context as Jira's spring-scanner runtime does: every class of the component index
 * autowired through its constructor, the imported host components supplied from outside. A component whose
 * dependencies cannot be satisfied, or two candidates for one, fail here rather than when Jira enables the app.
 */
class PluginSpringContextTest {
    @TempDir
    Path home;

    @Test
    void wiresEveryIndexedComponentFromTheImportedHostComponents() throws Exception {
        SpringScannerIndex index = SpringScannerIndex.readFrom(mainClasses().resolve("META-INF/plugin-components"));
        HostUsers users = new HostUsers().add("admin", true, false);
        try (TestDatabase database = TestDatabases.h2InMemory();
             GenericApplicationContext context = new GenericApplicationContext()) {
            Map<String, Object> hostComponents = Map.of(
                    ActiveObjects.class.getName(), database.activeObjects(),
                    UserManager.class.getName(), users,
                    ApplicationProperties.class.getName(),
                    new HostApplicationProperties("http://localhost:2990/jira", home, home));
            assertThat(hostComponents.keySet()).as("every import of the index is supplied")
                    .containsExactlyInAnyOrderElementsOf(index.imports());
            hostComponents.forEach((type, component) -> context.getBeanFactory().registerSingleton(type, component));
            for (String component : index.components()) {
                context.registerBean(Class.forName(component));
            }

            context.refresh();
            new InitialSchema().upgrade(ModelVersion.valueOf("0"), database.activeObjects());

            AwsConnectorService service = context.getBean(AwsConnectorService.class);
            assertThat(users.runAs("admin", service::getUsableConnectors)).isEmpty();
        }
    }

    private static Path mainClasses() throws URISyntaxException {
        return Path.of(AwsConnectorService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
