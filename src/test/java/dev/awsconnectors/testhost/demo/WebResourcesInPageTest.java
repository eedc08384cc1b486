package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.OnBuiltJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's pages get their scripts and styles as Jira gives them: the servlets require their web resources
 * through the page builder, and the host links them, AUI (jQuery first) before the plugin's own files, in the page's
 * head. The plugin itself writes no resource URL. AUI here is a stand-in package of tiny files, so the test does
 * not depend on npm; the browser tests use the real one.
 */
@OnBuiltJar
class WebResourcesInPageTest {
    private static final Pattern HEAD_URLS = Pattern.compile("(?:href|src)=\"([^\"]+)\"");

    @TempDir
    Path home;

    @Test
    void theUserPageHeadLinksAuiWithJqueryFirstThenThePagesOwnScriptAndStyle() throws Exception {
        try (DemoHost jira = DemoHost.start(options())) {
            HttpResponse<String> page = get(jira, "/plugins/servlet/aws-connectors/my", "alice");

            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(headUrls(page.body())).as("AUI's stylesheet, on every page as in Jira, then what the page"
                    + " required, dependencies first, each file once, in the descriptor's order").containsExactly(
                    "/jira/static/aui/aui.css",
                    "/jira/static/aui/jquery/jquery.min.js",
                    "/jira/static/aui/aui-prototyping.js",
                    "/jira/download/resources/dev.awsconnectors.aws-connectors-jira:user-resources/my-connectors.js",
                    "/jira/download/resources/dev.awsconnectors.aws-connectors-jira:user-resources/my-connectors.css");
            assertThat(bodyOf(page.body())).as("the plugin's own output names no resource URL")
                    .doesNotContain("/download/resources/", "/static/aui/");
        }
    }

    @Test
    void everyAdminPageHeadLinksAuiAndTheEditorScriptEvenTheRefusal() throws Exception {
        try (DemoHost jira = DemoHost.start(options())) {
            HttpResponse<String> refused = get(jira, "/plugins/servlet/aws-connectors/admin/connectors", "alice");

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(headUrls(refused.body())).containsExactly(
                    "/jira/static/aui/aui.css",
                    "/jira/static/aui/jquery/jquery.min.js",
                    "/jira/static/aui/aui-prototyping.js",
                    "/jira/download/resources/dev.awsconnectors.aws-connectors-jira:admin-resources/"
                            + "connector-editor.js",
                    "/jira/download/resources/dev.awsconnectors.aws-connectors-jira:admin-resources/"
                            + "confirm-dialog.js");
            assertThat(bodyOf(refused.body())).doesNotContain("/download/resources/");
        }
    }

    @Test
    void theHostServesTheLinkedAuiAndPluginFiles() throws Exception {
        try (DemoHost jira = DemoHost.start(options())) {
            HttpResponse<String> page = get(jira, "/plugins/servlet/aws-connectors/my", "alice");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            for (String url : headUrls(page.body())) {
                HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        jira.baseUrl().resolve(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(file.statusCode()).as(url).isEqualTo(200);
                if (url.endsWith(".js")) {
                    assertThat(file.headers().firstValue("Content-Type").orElse("")).as(url)
                            .startsWith("application/javascript");
                }
            }
        }
    }

    @Test
    void noTemplateOrClassOfThePluginJarHardCodesAResourceUrl() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (JarFile jar = new JarFile(System.getProperty("awsc.pluginJar"))) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                boolean own = entry.getName().startsWith("templates/") || (entry.getName().startsWith("dev/")
                        && entry.getName().endsWith(".class"));
                if (!own) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    if (new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains("/download/resources")) {
                        offenders.add(entry.getName());
                    }
                }
            }
        }
        assertThat(offenders).as("resources are required through the page builder, never linked by hand").isEmpty();
    }

    private DemoOptions options() throws IOException {
        Path aui = home.resolve("aui");
        write(aui.resolve("package/dist/aui/aui-prototyping.css"), "body{}");
        write(aui.resolve("package/dist/aui/aui-prototyping.js"), "window.AJS={};");
        write(aui.resolve("jquery/package/dist/jquery.min.js"), "window.jQuery=function(){};");
        return DemoOptions.builder().port(0).home(home).auiDirectory(aui).build();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static HttpResponse<String> get(DemoHost jira, String path, String user) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(jira.baseUrl() + path))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> headUrls(String html) {
        String head = html.substring(0, html.indexOf("</head>"));
        List<String> urls = new ArrayList<>();
        Matcher matcher = HEAD_URLS.matcher(head);
        while (matcher.find()) {
            urls.add(matcher.group(1));
        }
        return urls;
    }

    private static String bodyOf(String html) {
        return html.substring(html.indexOf("<body"));
    }
}
