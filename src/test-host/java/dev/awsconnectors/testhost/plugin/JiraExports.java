package dev.awsconnectors.testhost.plugin;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What Jira 11 (Platform 8) exports to apps through its OSGi system bundle, as far as public evidence shows, and the
 * only packages (beside the JDK's) the demo host's framework offers a plugin.
 *
 * <p>This is a fixed table on purpose: it is never derived from the plugin's own manifest, so an import the
 * manifest forgets, or a range narrower than what Jira exports, fails in the demo host as it would in Jira.
 *
 * <p>Versions. Atlassian's plugin framework exports each host package at the version a product-supplied map gives,
 * else at the version in the name of the jar the package comes from, else with none, i.e. 0.0.0 (decompiled
 * {@code com.atlassian.plugin.osgi.container.felix.ExportsBuilder} of the Platform 6 plugin framework,
 * ngannk-fptu/Decompiled-Files). No public source states Jira 11's map or jar names for these packages, so every
 * package here is exported with no version, and a plugin that asks for one fails. Where evidence of a version is
 * found, give it here with its source, and only then may the manifest ask for a range.
 *
 * <p>Only packages whose classes the demo host really has are listed (its own copies in {@code src/host-api} and
 * the provided jars), so each one loads the same classes the host's services are made of.
 */
public final class JiraExports {
    /** One exported package, its version when evidence gives one, and why it is believed Jira exports it. */
    public record Export(String packageName, Optional<String> version, String evidence) {
        String clause() {
            return version.map(v -> packageName + ";version=\"" + v + "\"").orElse(packageName);
        }
    }

    private static final String SAL = "inferred: SAL is the cross-product API of every Platform 8 product; Atlassian's "
            + "Slack app for Jira 11 (atlassian-labs/atlassian-slack-integration-server) builds against it";
    private static final String SCANNER = "spring-scanner runtime, provided by the plugin framework "
            + "(Slack app for Jira 11 uses its annotations, provided scope)";
    private static final String JAKARTA = "Platform 8 moved to jakarta.* (third-party, runtime-verified on Jira 11.3; "
            + "see PLATFORM-FACTS); Slack app for Jira 11 has them provided";
    private static final String SPRING = "Spring is exported by the plugin framework to spring-scanner plugins "
            + "(Slack app for Jira 11: spring-context provided)";

    private static final List<Export> EXPORTS = List.of(
            none("com.atlassian.sal.api", SAL),
            none("com.atlassian.sal.api.auth", SAL),
            none("com.atlassian.sal.api.message", SAL),
            none("com.atlassian.sal.api.transaction", SAL),
            none("com.atlassian.sal.api.user", SAL),
            none("com.atlassian.sal.api.websudo", SAL),
            none("com.atlassian.sal.api.xsrf", SAL),
            none("com.atlassian.activeobjects.external", "Active Objects plugin (Slack app for Jira 11 imports it)"),
            none("net.java.ao", "Active Objects plugin"),
            none("net.java.ao.schema", "Active Objects plugin"),
            none("com.atlassian.audit.api", "Atlassian audit API, Data Center products"),
            none("com.atlassian.audit.entity", "Atlassian audit API, Data Center products"),
            none("com.atlassian.templaterenderer", "atlassian-template-renderer (Slack app for Jira 11 uses it)"),
            none("com.atlassian.jira.security.groups", "inferred: jira-api is the API Jira offers its apps; its "
                    + "GroupManager is public since Jira 3.13 and in Atlassian's Jira Java API reference for 10.3.1 "
                    + "(docs.atlassian.com/software/jira/docs/api/10.3.1); no Jira 11 export list was found"),
            none("com.atlassian.plugin.web.api", "atlassian-plugins-webfragment-api, Platform 8"),
            none("com.atlassian.plugin.web.api.provider", "atlassian-plugins-webfragment-api, Platform 8"),
            none("com.atlassian.webresource.api.assembler", "atlassian-plugins-webresource-api: Atlassian's Slack "
                    + "app for Jira 11 imports PageBuilderService and requires its resources through it"),
            none("com.atlassian.plugins.rest.api.security.annotation", "REST v2 (Platform 8) security annotations"),
            none("com.atlassian.plugin.spring.scanner.annotation.export", SCANNER),
            none("com.atlassian.plugin.spring.scanner.annotation.imports", SCANNER),
            none("jakarta.servlet", JAKARTA),
            none("jakarta.servlet.http", JAKARTA),
            none("jakarta.ws.rs", JAKARTA),
            none("jakarta.ws.rs.core", JAKARTA),
            none("jakarta.ws.rs.ext", JAKARTA),
            none("jakarta.inject", JAKARTA),
            none("jakarta.annotation", JAKARTA),
            none("org.springframework.stereotype", SPRING),
            none("org.springframework.beans.factory.annotation", SPRING),
            none("org.slf4j", "SLF4J, the logging API of Atlassian's products (Slack app for Jira 11: provided)"),
            none("org.slf4j.event", "SLF4J, as org.slf4j"));

    private JiraExports() {
    }

    public static List<Export> all() {
        return EXPORTS;
    }

    /** The value of {@code org.osgi.framework.system.packages.extra}. */
    public static String systemPackagesExtra() {
        return EXPORTS.stream().map(Export::clause).collect(Collectors.joining(","));
    }

    private static Export none(String packageName, String evidence) {
        return new Export(packageName, Optional.empty(), evidence);
    }
}
