package dev.awsconnectors.bundle;

import dev.awsconnectors.testhost.OnBuiltJar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What a Jira admin uploads: the jar {@code mvn package} leaves in target/, checked entry by entry. */
@OnBuiltJar
class PluginJarIT {
    private static final String PLUGIN_KEY = "dev.awsconnectors.aws-connectors-jira";

    /** The host packages Jira supplies: the bundle must import each of them, and not optionally. */
    static final Set<String> HOST_PACKAGES = Set.of(
            "com.atlassian.sal.api", "com.atlassian.sal.api.auth", "com.atlassian.sal.api.message",
            "com.atlassian.sal.api.transaction", "com.atlassian.sal.api.user", "com.atlassian.sal.api.websudo",
            "com.atlassian.sal.api.xsrf", "com.atlassian.activeobjects.external", "com.atlassian.audit.api",
            "com.atlassian.audit.entity", "com.atlassian.templaterenderer", "com.atlassian.webresource.api.assembler",
            "com.atlassian.plugin.web.api", "com.atlassian.plugin.web.api.provider",
            "com.atlassian.plugins.rest.api.security.annotation",
            "com.atlassian.plugin.spring.scanner.annotation.export",
            "com.atlassian.plugin.spring.scanner.annotation.imports", "net.java.ao", "net.java.ao.schema",
            "jakarta.servlet", "jakarta.servlet.http", "jakarta.ws.rs", "jakarta.ws.rs.core", "jakarta.inject",
            "jakarta.annotation", "org.slf4j", "org.springframework.stereotype");

    /**
     * Jira's packages that only {@code atlassian-plugin.xml} names (a condition class), imported optionally so that a
     * Jira without one still resolves the bundle; see the pom's Import-Package.
     */
    static final Set<String> OPTIONAL_HOST_PACKAGES = Set.of("com.atlassian.jira.plugin.webfragment.conditions");

    /** Packages Jira or the JDK supplies; the app relies on whatever it imports from them. */
    private static final List<String> MANDATORY_PREFIXES = List.of("com.atlassian.", "net.java.ao", "jakarta.",
            "org.springframework.", "org.slf4j", "javax.", "org.w3c.", "org.xml.");

    private static PluginJar jar;
    private static List<String> entries;

    @BeforeAll
    static void openTheBuiltJar() {
        jar = PluginJar.built();
        entries = jar.entryNames();
    }

    @Test
    void isNamedAfterTheArtifactAndVersion() {
        assertThat(jar.path().getFileName().toString())
                .isEqualTo("aws-connectors-jira-" + System.getProperty("awsc.pluginVersion") + ".jar");
    }

    @Test
    void holdsTheDescriptorSpringContextAndScannerIndex() {
        assertThat(entries).contains("atlassian-plugin.xml", "META-INF/spring/plugin-context.xml",
                "META-INF/plugin-components/component", "META-INF/plugin-components/imports",
                "META-INF/plugin-components/exports");
        assertThat(new String(jar.read("META-INF/spring/plugin-context.xml"), StandardCharsets.UTF_8))
                .contains("<atlassian-scanner:scan-indexes/>");
    }

    @Test
    void shipsNoClassThatJiraSupplies() {
        assertThat(entries.stream().filter(e -> e.endsWith(".class"))
                .filter(e -> e.startsWith("com/atlassian/") || e.startsWith("net/java/ao/")
                        || e.startsWith("jakarta/") || e.startsWith("javax/") || e.startsWith("org/springframework/")
                        || e.startsWith("org/slf4j/")))
                .as("host classes packaged in the plugin jar")
                .isEmpty();
    }

    @Test
    void shipsOnlyItsOwnClassesOutsideTheEmbeddedJars() {
        assertThat(entries.stream().filter(e -> e.endsWith(".class")))
                .isNotEmpty()
                .allMatch(e -> e.startsWith("dev/awsconnectors/"));
    }

    @Test
    void embedsTheAwsSdkAndJacksonUnderMetaInfLib() {
        List<String> embedded = embeddedJars();
        assertThat(embedded).anyMatch(j -> j.matches("META-INF/lib/sts-2\\.[0-9.]+\\.jar"))
                .anyMatch(j -> j.matches("META-INF/lib/iam-2\\.[0-9.]+\\.jar"))
                .anyMatch(j -> j.matches("META-INF/lib/url-connection-client-2\\.[0-9.]+\\.jar"))
                .anyMatch(j -> j.matches("META-INF/lib/sdk-core-2\\.[0-9.]+\\.jar"))
                .anyMatch(j -> j.matches("META-INF/lib/jackson-databind-2\\.[0-9.]+\\.jar"));
    }

    @Test
    void embedsNeitherTheApacheNorTheNettyHttpClient() {
        assertThat(embeddedJars()).noneMatch(j -> j.contains("apache-client") || j.contains("apache5-client")
                || j.contains("netty") || j.contains("httpclient") || j.contains("httpcore"));
    }

    @Test
    void embedsNoJarThatJiraSupplies() {
        assertThat(embeddedJars()).noneMatch(j -> j.contains("servlet-api") || j.contains("ws.rs-api")
                || j.contains("inject-api") || j.contains("annotation-api") || j.contains("slf4j")
                || j.contains("spring-"));
    }

    @Test
    void putsEveryEmbeddedJarOnTheBundleClassPath() {
        Set<String> classPath = ManifestHeader.parse(jar.header("Bundle-ClassPath")).stream()
                .map(ManifestHeader.Clause::name).collect(Collectors.toSet());

        assertThat(classPath).contains(".").containsAll(embeddedJars());
        assertThat(classPath).filteredOn(p -> !p.equals(".")).allMatch(entries::contains);
    }

    @Test
    void carriesThePluginKeyAsSymbolicNameAndVersion() {
        assertThat(jar.header("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(jar.header("Bundle-SymbolicName")).isEqualTo(PLUGIN_KEY);
        assertThat(jar.header("Atlassian-Plugin-Key")).isEqualTo(PLUGIN_KEY);
        assertThat(jar.header("Bundle-Version"))
                .isEqualTo(System.getProperty("awsc.pluginVersion").replace("-SNAPSHOT", ".SNAPSHOT"));
        assertThat(jar.header("Spring-Context")).isEqualTo("*");
    }

    @Test
    void exportsOnlyTheApiPackageWithItsSemanticVersion() {
        List<ManifestHeader.Clause> exports = ManifestHeader.parse(jar.header("Export-Package"));

        assertThat(exports).extracting(ManifestHeader.Clause::name).containsExactly("dev.awsconnectors.api");
        assertThat(exports.get(0).attribute("version")).contains(System.getProperty("awsc.apiPackageVersion"));
    }

    @Test
    void importsEveryHostPackageAsMandatory() {
        Map<String, ManifestHeader.Clause> imports = new HashMap<>();
        ManifestHeader.parse(jar.header("Import-Package")).forEach(c -> imports.put(c.name(), c));

        assertThat(imports.keySet()).containsAll(HOST_PACKAGES);
        assertThat(HOST_PACKAGES).allSatisfy(p -> assertThat(imports.get(p).isOptional()).as(p).isFalse());
    }

    @Test
    void importsThePackagesThatOnlyTheDescriptorNamesOptionally() {
        Map<String, ManifestHeader.Clause> imports = new HashMap<>();
        ManifestHeader.parse(jar.header("Import-Package")).forEach(c -> imports.put(c.name(), c));

        assertThat(imports.keySet()).containsAll(OPTIONAL_HOST_PACKAGES);
        assertThat(OPTIONAL_HOST_PACKAGES).allSatisfy(p -> assertThat(imports.get(p).isOptional()).as(p).isTrue());
    }

    @Test
    void neverMarksAHostOrJdkPackageOptional() {
        // An optional import of something the code needs would resolve in Jira and fail at the first call. The
        // only exceptions are the packages no class refers to, which only the descriptor names.
        assertThat(ManifestHeader.parse(jar.header("Import-Package")))
                .filteredOn(c -> MANDATORY_PREFIXES.stream().anyMatch(c.name()::startsWith))
                .filteredOn(c -> !OPTIONAL_HOST_PACKAGES.contains(c.name()))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.isOptional()).as(c.name()).isFalse());
    }

    @Test
    void leavesOptionalOnlyWhatTheEmbeddedLibrariesMayUseButTheAppNeverCalls() {
        assertThat(ManifestHeader.parse(jar.header("Import-Package")))
                .filteredOn(ManifestHeader.Clause::isOptional)
                .extracting(ManifestHeader.Clause::name)
                .filteredOn(name -> !OPTIONAL_HOST_PACKAGES.contains(name))
                .allMatch(name -> name.startsWith("software.amazon.awssdk.crt") || name.startsWith("kotlin")
                        || name.startsWith("scala"), "is an optional extra of the AWS SDK or Jackson");
    }

    @Test
    void doesNotImportThePackageItExports() {
        assertThat(ManifestHeader.parse(jar.header("Import-Package")))
                .extracting(ManifestHeader.Clause::name)
                .doesNotContain("dev.awsconnectors.api");
    }

    @Test
    void carriesADescriptorWithNoPlaceholderLeft() {
        String descriptor = new String(jar.read("atlassian-plugin.xml"), StandardCharsets.UTF_8);

        assertThat(descriptor).doesNotContain("${");
    }

    @Test
    void describesThePluginAsJiraExpects() throws Exception {
        Element root = descriptor().getDocumentElement();

        assertThat(root.getAttribute("key")).isEqualTo(PLUGIN_KEY);
        assertThat(root.getAttribute("plugins-version")).isEqualTo("2");
        assertThat(root.getAttribute("name")).isEqualTo("AWS Connectors for Jira");
        Element info = only(root, "plugin-info");
        assertThat(only(info, "version").getTextContent()).isEqualTo(System.getProperty("awsc.pluginVersion"));
        assertThat(only(info, "vendor").getAttribute("name")).isNotBlank();
        assertThat(only(info, "description").getTextContent()).contains("AWS");
        Map<String, String> params = params(info);
        assertThat(params).containsEntry("atlassian-data-center-status", "compatible")
                .containsEntry("atlassian-data-center-compatible", "true")
                .containsKeys("plugin-icon", "plugin-logo", "configure.url");
        assertThat(params.get("configure.url")).startsWith("/plugins/servlet/aws-connectors/");
        assertThat(entries).contains(params.get("plugin-icon"), params.get("plugin-logo"));
    }

    @Test
    void declaresTheI18nBundleActiveObjectsAndRestV2() throws Exception {
        Element root = descriptor().getDocumentElement();

        Element i18n = (Element) root.getElementsByTagName("resource").item(0);
        assertThat(i18n.getAttribute("type")).isEqualTo("i18n");
        assertThat(entries).contains(i18n.getAttribute("location").replace('.', '/') + ".properties");
        assertThat(root.getElementsByTagName("ao").getLength()).isEqualTo(1);
        assertThat(only(only(root, "rest-migration"), "rest-v2")).isNotNull();
    }

    private static Document descriptor() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(jar.read("atlassian-plugin.xml")));
    }

    private static Element only(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as("<" + tag + "> elements in <" + parent.getTagName() + ">").isEqualTo(1);
        return (Element) nodes.item(0);
    }

    private static Map<String, String> params(Element info) {
        Map<String, String> params = new HashMap<>();
        NodeList nodes = info.getElementsByTagName("param");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element param = (Element) nodes.item(i);
            params.put(param.getAttribute("name"), param.getTextContent().trim());
        }
        return params;
    }

    private static List<String> embeddedJars() {
        return entries.stream().filter(e -> e.startsWith("META-INF/lib/") && e.endsWith(".jar"))
                .collect(Collectors.toList());
    }
}
