package dev.awsconnectors.testhost.demo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LocalDestinationTest {
    private static Optional<String> path(String raw) {
        return LocalDestination.relativePath(raw, "/jira", "http", "localhost", 2990);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "https://evil.example", "/x/../..//evil.example/x",
            "%2F%2Fevil.example", "/%2F%2Fevil.example", "\t//evil.example", "javascript:alert(1)", "/x\r\nSet-Cookie: a=b",
            "/%zz", "/x%", "/jira/../../evil", "/%2e%2e/evil", "///evil.example", "http://localhost:2991/jira/x",
            "http://user@localhost:2990/jira/x", "/x y", "/\u00e9", "/%C3%28", "/x/%5Cevil", "data:text/html,x", ""})
    void aDestinationOutsideTheSiteIsRefused(String hostile) {
        assertThat(path(hostile)).as(hostile).isEmpty();
    }

    @Test
    void aVeryLongDestinationIsRefused() {
        assertThat(path("/" + "a".repeat(LocalDestination.MAX_LENGTH))).isEmpty();
    }

    @Test
    void aPathOfTheSiteIsKeptWithItsQueryWithOrWithoutTheContextPath() {
        assertThat(path("/plugins/servlet/aws-connectors/my?connector=a%20b")).contains(
                "/plugins/servlet/aws-connectors/my?connector=a%20b");
        assertThat(path("/jira/plugins/servlet/aws-connectors/my")).contains("/plugins/servlet/aws-connectors/my");
        assertThat(path("/jira/x/../secure/Dashboard.jspa")).contains("/secure/Dashboard.jspa");
        assertThat(path("http://localhost:2990/jira/plugins/servlet/x?y=1")).contains("/plugins/servlet/x?y=1");
        assertThat(path("/jira")).contains("/");
    }
}
