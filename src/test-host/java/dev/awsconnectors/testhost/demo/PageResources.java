package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.plugin.PluginDescriptor;
import dev.awsconnectors.testhost.sal.Html;
import dev.awsconnectors.testhost.webresource.HostPageBuilderService;
import dev.awsconnectors.testhost.webresource.HostWebResources;
import dev.awsconnectors.testhost.webresource.WebResourceFile;

import java.nio.file.Path;
import java.util.List;

/** The demo host's web resources: its page builder, and the head tags of what a page required. */
final class PageResources {
    private PageResources() {
    }

    /** The page builder the host offers plugins: the plugin's web resources and AUI's from {@code auiDirectory}. */
    static HostPageBuilderService pageBuilder(PluginDescriptor descriptor, Path auiDirectory) {
        return new HostPageBuilderService(HostWebResources.of(descriptor, AuiStylesheet.webResourcesIn(auiDirectory)));
    }

    /**
     * The {@code <link>} and {@code <script>} tags of {@code files}, in order, except those in {@code alreadyInHead}.
     * Scripts are plain (not deferred), as Jira writes them, so AUI's script finds jQuery before it runs.
     */
    static String headTags(String contextPath, List<WebResourceFile> files, List<String> alreadyInHead) {
        StringBuilder html = new StringBuilder();
        for (WebResourceFile file : files) {
            if (alreadyInHead.contains(file.path())) {
                continue;
            }
            String url = Html.escape(contextPath + file.path());
            if (file.kind() == WebResourceFile.Kind.STYLESHEET) {
                html.append("<link rel=\"stylesheet\" href=\"").append(url).append("\">");
            } else {
                html.append("<script src=\"").append(url).append("\"></script>");
            }
        }
        return html.toString();
    }
}
