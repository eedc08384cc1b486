package dev.awsconnectors.testhost.webresource;

import dev.awsconnectors.testhost.plugin.PluginDescriptor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostPageBuilderServiceTest {
    private static final String DOWNLOADS = "/download/resources/example.plugin:";
    private static final WebResourceFile JQUERY = new WebResourceFile("/aui/jquery.js", WebResourceFile.Kind.SCRIPT);
    private static final WebResourceFile AUI_CSS = new WebResourceFile("/aui/aui.css", WebResourceFile.Kind.STYLESHEET);
    private static final WebResourceFile AUI_JS = new WebResourceFile("/aui/aui.js", WebResourceFile.Kind.SCRIPT);

    private final HostWebResources resources = HostWebResources.of(
            PluginDescriptor.read(getClass().getClassLoader(), "dev/awsconnectors/testhost/webresource/atlassian-plugin.xml"),
            Map.of("host:aui", List.of(JQUERY, AUI_CSS, AUI_JS)));
    private final HostPageBuilderService pageBuilder = new HostPageBuilderService(resources);

    @Test
    void aRequiredResourceComesAfterItsDependenciesTransitivelyAndEachFileOnce() {
        try (HostPageBuilderService.Page page = pageBuilder.open()) {
            pageBuilder.assembler().resources().requireWebResource("example.plugin:page")
                    .requireWebResource("example.plugin:widgets");

            assertThat(page.files()).extracting(WebResourceFile::path).containsExactly(
                    "/aui/jquery.js", "/aui/aui.css", "/aui/aui.js",
                    DOWNLOADS + "widgets/widgets.js",
                    DOWNLOADS + "page/page.css", DOWNLOADS + "page/page.js");
        }
    }

    @Test
    void cssAndJavaScriptAreLinkedAsStylesheetAndScriptAndImagesNotAtAll() {
        assertThat(resources.resolve(List.of("example.plugin:page")))
                .filteredOn(file -> file.path().startsWith(DOWNLOADS + "page/"))
                .extracting(WebResourceFile::kind)
                .containsExactly(WebResourceFile.Kind.STYLESHEET, WebResourceFile.Kind.SCRIPT);
    }

    @Test
    void anUnknownDependencyFailsThePageNamingItAndWhoNeedsIt() {
        try (HostPageBuilderService.Page page = pageBuilder.open()) {
            pageBuilder.assembler().resources().requireWebResource("example.plugin:broken");

            assertThatThrownBy(page::files).isInstanceOf(UnknownWebResourceException.class)
                    .hasMessageContaining("host:no-such-thing")
                    .hasMessageContaining("example.plugin:broken");
        }
    }

    @Test
    void anUnknownRequiredResourceFailsThePage() {
        assertThatThrownBy(() -> resources.resolve(List.of("example.plugin:missing")))
                .isInstanceOf(UnknownWebResourceException.class)
                .hasMessageContaining("Unknown web resource example.plugin:missing, required by the page");
    }

    @Test
    void dependenciesInACycleFailThePageRatherThanLoopForever() {
        assertThatThrownBy(() -> resources.resolve(List.of("example.plugin:chicken")))
                .isInstanceOf(UnknownWebResourceException.class)
                .hasMessageContaining("example.plugin:chicken -> example.plugin:egg -> example.plugin:chicken");
    }

    @Test
    void aPageIsTheOneOfItsThreadUntilItIsClosed() {
        HostPageBuilderService.Page closed;
        try (HostPageBuilderService.Page page = pageBuilder.open()) {
            assertThat(pageBuilder.assembler()).isSameAs(page);
            assertThat(pageBuilder.assembler().resources()).isSameAs(page);
            closed = page;
        }
        assertThat(pageBuilder.assembler()).as("closed with its request, so the next one starts afresh")
                .isNotSameAs(closed);
    }

    @Test
    void restartingForgetsWhatAnEarlierRequestOnTheThreadRequired() {
        pageBuilder.assembler().resources().requireWebResource("example.plugin:broken");
        HostPageBuilderService.Page stale = (HostPageBuilderService.Page) pageBuilder.assembler();

        try (HostPageBuilderService.Page page = stale.restart()) {
            pageBuilder.assembler().resources().requireWebResource("example.plugin:widgets");
            assertThat(page.files()).extracting(WebResourceFile::path).endsWith(DOWNLOADS + "widgets/widgets.js");
        }
    }

    @Test
    void eachPageStartsWithNothingRequired() {
        try (HostPageBuilderService.Page first = pageBuilder.open()) {
            pageBuilder.assembler().resources().requireWebResource("example.plugin:widgets");
        }
        try (HostPageBuilderService.Page second = pageBuilder.open()) {
            assertThat(second.files()).isEmpty();
        }
    }
}
