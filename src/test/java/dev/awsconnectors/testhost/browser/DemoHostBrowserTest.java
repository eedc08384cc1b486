package dev.awsconnectors.testhost.browser;

import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * What every browser test class shares: one demo host per class, on a free port with a fresh home, and a fresh
 * headless browser per test, whose pages are kept as screenshots named after the test.
 */
@OnBuiltJar
abstract class DemoHostBrowserTest {
    /** The demo host's home, for a test that writes a row as an older version left it. */
    static Path home;
    static DemoHost host;
    static String baseUrl;

    Browser browser;
    private String testName;

    @BeforeAll
    static void startDemoHost() throws IOException {
        Browser.assumeInstalled();
        home = Files.createTempDirectory("awsc-browser-home-");
        host = DemoHost.start(DemoOptions.builder().port(0).home(home).build());
        baseUrl = host.baseUrl().toString().replaceAll("/+$", "");
    }

    @AfterAll
    static void stopDemoHost() throws IOException {
        if (host != null) {
            host.close();
            host = null;
        }
        if (home != null) {
            try (var files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
            home = null;
        }
    }

    @BeforeEach
    void openBrowser(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    void screenshot(String step) {
        browser.screenshot(getClass().getSimpleName() + "-" + testName + "-" + step);
    }
}
