package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.sal.Html;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserProfile;
import dev.awsconnectors.testhost.plugin.PluginDescriptor;
import dev.awsconnectors.testhost.sal.HostUsers;

import java.util.ArrayList;
import java.util.List;

/**
 * A simple Jira-like page frame around every HTML page, styled by AUI: a header with "Jira", the plugin's links
 * (its top-navigation web items, with their keys as ids, and its servlet pages), the user with a menu of the
 * plugin's user-profile web items ({@code system.user.options/*}, like Jira's profile menu), an "Administration"
 * link to the plugin's {@code configure.url} and an "Audit log" link to the host's audit log for administrators,
 * and "Log out".
 */
final class PageFrame {
    /** A link of the header. */
    record Link(String label, String path, String id) {
        Link(String label, String path) {
            this(label, path, null);
        }
    }

    private final String contextPath;
    private final HostUsers users;
    private final List<Link> pluginLinks;
    private final List<Link> userMenuLinks;
    private final String administrationPath;

    PageFrame(String contextPath, HostUsers users, PluginDescriptor descriptor, I18nResolver i18n) {
        this.contextPath = contextPath;
        this.users = users;
        this.pluginLinks = linksOf(descriptor, i18n);
        this.userMenuLinks = userMenuLinksOf(descriptor, i18n);
        this.administrationPath = descriptor.configureUrl().orElse("/secure/Dashboard.jspa");
    }

    private static List<Link> linksOf(PluginDescriptor descriptor, I18nResolver i18n) {
        List<Link> links = new ArrayList<>();
        for (PluginDescriptor.WebItem item : descriptor.webItems()) {
            if ("system.top.navigation.bar".equals(item.section()) && !item.link().isBlank()) {
                links.add(new Link(labelOf(item, i18n), item.link(), item.key()));
            }
        }
        for (PluginDescriptor.ServletModule servlet : descriptor.servlets()) {
            for (String pattern : servlet.urlPatterns()) {
                String path = "/plugins/servlet" + pattern;
                boolean alreadyLinked = links.stream().anyMatch(l -> l.path().equals(path));
                if (!pattern.contains("*") && !alreadyLinked) {
                    String name = servlet.name() == null || servlet.name().isBlank() ? servlet.key() : servlet.name();
                    links.add(new Link(name, path));
                }
            }
        }
        return List.copyOf(links);
    }

    private static List<Link> userMenuLinksOf(PluginDescriptor descriptor, I18nResolver i18n) {
        List<Link> links = new ArrayList<>();
        for (PluginDescriptor.WebItem item : descriptor.webItems()) {
            if (item.section() != null && item.section().startsWith("system.user.options/")
                    && !item.link().isBlank()) {
                links.add(new Link(labelOf(item, i18n), item.link(), item.key()));
            }
        }
        return List.copyOf(links);
    }

    private static String labelOf(PluginDescriptor.WebItem item, I18nResolver i18n) {
        String label = item.labelKey() == null || item.labelKey().isBlank()
                ? item.labelText() : i18n.getText(item.labelKey());
        return label == null || label.isBlank() ? item.key() : label;
    }

    /** A whole page: {@code bodyHtml} and {@code headHtml} are written as they are. */
    String page(String title, String headHtml, String bodyHtml) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>" + Html.escape(title) + " - Jira</title>"
                + "<link rel=\"stylesheet\" href=\"" + contextPath + "/static/aui/aui.css\">"
                + headHtml + "</head>\n<body class=\"aui-page-focused aui-page-medium\"><div id=\"page\">"
                + header()
                + "<div id=\"content\" class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\">"
                + "<section class=\"aui-page-panel-content\" role=\"main\">" + bodyHtml + "</section>"
                + "</div></div></div></body></html>";
    }

    private String header() {
        StringBuilder html = new StringBuilder();
        html.append("<header id=\"header\" role=\"banner\"><nav class=\"aui-header\" aria-label=\"site\">")
                .append("<div class=\"aui-header-inner\"><div class=\"aui-header-primary\">")
                .append("<span id=\"logo\" class=\"aui-header-logo\"><a href=\"").append(contextPath)
                .append("/secure/Dashboard.jspa\"><span class=\"aui-header-logo-device\">Jira</span></a></span>")
                .append("<ul class=\"aui-nav\">");
        UserProfile user = users.getRemoteUser();
        if (user != null) {
            for (Link link : pluginLinks) {
                html.append("<li><a href=\"").append(Html.escape(contextPath + link.path())).append("\"");
                if (link.id() != null) {
                    html.append(" id=\"").append(Html.escape(link.id())).append("\"");
                }
                html.append(">").append(Html.escape(link.label())).append("</a></li>");
            }
        }
        html.append("</ul></div><div class=\"aui-header-secondary\"><ul class=\"aui-nav\">");
        if (user == null) {
            html.append("<li><a id=\"login-link\" href=\"").append(contextPath).append("/login.jsp\">Log in</a></li>");
        } else {
            UserKey key = user.getUserKey();
            if (users.isAdmin(key)) {
                html.append("<li><a id=\"admin-link\" href=\"").append(Html.escape(contextPath + administrationPath))
                        .append("\">Administration</a></li>");
                html.append("<li><a id=\"audit-log-link\" href=\"").append(contextPath)
                        .append(AuditLogPageServlet.PATH).append("\">Audit log</a></li>");
            }
            html.append("<li><details id=\"user-options\" style=\"position:relative\"><summary>")
                    .append("<span id=\"header-user\" data-username=\"").append(Html.escape(user.getUsername()))
                    .append("\">").append(Html.escape(user.getFullName())).append("</span></summary>")
                    .append("<ul id=\"user-options-menu\" class=\"aui-list-truncate\" style=\"position:absolute;")
                    .append("right:0;z-index:10;background:#fff;border:1px solid #dfe1e6;padding:5px 10px;")
                    .append("list-style:none;white-space:nowrap\">");
            for (Link link : userMenuLinks) {
                html.append("<li><a id=\"").append(Html.escape(link.id())).append("\" href=\"")
                        .append(Html.escape(contextPath + link.path())).append("\">").append(Html.escape(link.label()))
                        .append("</a></li>");
            }
            html.append("</ul></details></li>")
                    .append("<li><a id=\"logout-link\" href=\"").append(contextPath).append("/logout\">Log out</a></li>");
        }
        html.append("</ul></div></div></nav></header>");
        return html.toString();
    }

    List<Link> pluginLinks() {
        return pluginLinks;
    }

    List<Link> userMenuLinks() {
        return userMenuLinks;
    }
}
