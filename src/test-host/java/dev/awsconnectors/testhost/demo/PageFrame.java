package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.sal.Html;

import com.atlassian.plugin.web.api.WebItem;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserProfile;
import dev.awsconnectors.testhost.plugin.LoadedPlugin;
import dev.awsconnectors.testhost.plugin.PluginDescriptor;
import dev.awsconnectors.testhost.plugin.WebFragments;
import dev.awsconnectors.testhost.sal.HostUsers;
import dev.awsconnectors.testhost.webresource.WebResourceFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * A simple Jira-like page frame around every HTML page, styled by AUI: a header with "Jira", the plugin's
 * top-navigation web items ({@code system.top.navigation.bar}) whose conditions hold, then, for logged-in users,
 * links to its other servlet pages; the user with a menu of the plugin's user-profile web items
 * ({@code system.user.options/*}, like Jira's profile menu), an "Administration" link to the plugin's
 * {@code configure.url} and an "Audit log" link to the host's audit log for administrators, and "Log out".
 *
 * <p>A top-navigation item is a dropdown, as in Jira, when web-sections have its {@code linkId} as their location:
 * a {@code <details>} whose {@code <summary>} carries the link id (and the item's URL as {@code data-href}), and
 * whose content ({@code <linkId>-content}) lists the displayable sections in weight order, each with its static
 * and provided items in weight order, every item an {@code <a>} with the item's id. As in Jira, a dropdown with a
 * lazy section ({@link WebFragments#isLazy}) is not built with the page: its content is empty, and a small script
 * fetches it from the menu resource ({@link MenusServlet}) each time it is opened, so that no web-item provider of
 * a lazy menu runs on a page view.
 */
final class PageFrame {
    /** A link of the header. */
    record Link(String label, String path, String id) {
        Link(String label, String path) {
            this(label, path, null);
        }
    }

    static final String TOP_NAVIGATION = "system.top.navigation.bar";
    /** The header's links are white; a dropdown's links sit on white, so they get the page's text colour. */
    private static final String MENU_LINK_STYLE = " style=\"color:#172b4d;display:block;padding:4px 0\"";

    /**
     * Fills a lazy dropdown from the menu resource each time it is opened (Jira's header does so with its dropdown
     * component), in the markup of the dropdowns the page builds: a list per section, an {@code <a>} per item.
     */
    private static final String LAZY_MENU_SCRIPT = "<script>document.addEventListener('toggle',function(e){"
            + "var d=e.target;if(!d.matches||!d.matches('details.host-dropdown')||!d.open)return;"
            + "var c=d.querySelector('[data-menu-url]');if(!c)return;c.setAttribute('aria-busy','true');"
            + "fetch(c.getAttribute('data-menu-url'),{credentials:'same-origin',headers:{Accept:'application/json'}})"
            + ".then(function(r){if(!r.ok)throw new Error('HTTP '+r.status);return r.json();})"
            + ".then(function(menu){c.textContent='';var first=true;(menu.sections||[]).forEach(function(s){"
            + "if(!s.items||!s.items.length)return;var ul=document.createElement('ul');"
            + "ul.className='aui-list-truncate';ul.setAttribute('data-section',d.querySelector('summary').id+'/'+s.id);"
            + "ul.style.cssText='list-style:none;margin:0;padding:'+(first?'0':'5px 0 0;margin-top:5px;"
            + "border-top:1px solid #dfe1e6');s.items.forEach(function(i){var li=document.createElement('li');"
            + "var a=document.createElement('a');a.setAttribute('role','menuitem');"
            + "a.style.cssText='color:#172b4d;display:block;padding:4px 0';a.href=i.url;if(i.id)a.id=i.id;"
            + "if(i.title)a.title=i.title;a.textContent=i.label;li.appendChild(a);ul.appendChild(li);});"
            + "c.appendChild(ul);first=false;});c.setAttribute('aria-busy','false');})"
            + ".catch(function(){c.setAttribute('aria-busy','false');});},true);</script>";

    private final String contextPath;
    private final HostUsers users;
    private final WebFragments fragments;
    private final List<Link> pluginLinks;
    private final List<Link> servletLinks;
    private final List<Link> userMenuLinks;
    private final String administrationPath;

    PageFrame(String contextPath, HostUsers users, LoadedPlugin plugin) {
        PluginDescriptor descriptor = plugin.descriptor();
        this.contextPath = contextPath;
        this.users = users;
        this.fragments = plugin.webFragments();
        List<Link> topNavigation = new ArrayList<>();
        for (PluginDescriptor.WebItem item : descriptor.webItems()) {
            if (TOP_NAVIGATION.equals(item.section()) && !item.link().isBlank()) {
                topNavigation.add(new Link(fragments.label(item), item.link(), idOf(item)));
            }
        }
        this.servletLinks = servletLinksOf(descriptor, topNavigation);
        List<Link> all = new ArrayList<>(topNavigation);
        all.addAll(servletLinks);
        this.pluginLinks = List.copyOf(all);
        this.userMenuLinks = userMenuLinksOf(descriptor, fragments);
        this.administrationPath = descriptor.configureUrl().orElse("/secure/Dashboard.jspa");
    }

    /** A web-item's HTML id, as Jira writes it: its link's id, else its key. */
    private static String idOf(PluginDescriptor.WebItem item) {
        return item.linkId().isEmpty() ? item.key() : item.linkId();
    }

    /** The plugin's servlet pages that no top-navigation item links to already. */
    private static List<Link> servletLinksOf(PluginDescriptor descriptor, List<Link> topNavigation) {
        List<Link> links = new ArrayList<>();
        for (PluginDescriptor.ServletModule servlet : descriptor.servlets()) {
            for (String pattern : servlet.urlPatterns()) {
                String path = "/plugins/servlet" + pattern;
                boolean alreadyLinked = links.stream().anyMatch(l -> l.path().equals(path))
                        || topNavigation.stream().anyMatch(l -> l.path().equals(path));
                if (!pattern.contains("*") && !alreadyLinked) {
                    String name = servlet.name() == null || servlet.name().isBlank() ? servlet.key() : servlet.name();
                    links.add(new Link(name, path));
                }
            }
        }
        return List.copyOf(links);
    }

    private static List<Link> userMenuLinksOf(PluginDescriptor descriptor, WebFragments fragments) {
        List<Link> links = new ArrayList<>();
        for (PluginDescriptor.WebItem item : descriptor.webItems()) {
            if (item.section() != null && item.section().startsWith("system.user.options/")
                    && !item.link().isBlank()) {
                links.add(new Link(fragments.label(item), item.link(), item.key()));
            }
        }
        return List.copyOf(links);
    }

    /** A whole page: {@code bodyHtml} and {@code headHtml} are written as they are. */
    String page(String title, String headHtml, String bodyHtml) {
        return page(title, List.of(), headHtml, bodyHtml);
    }

    /**
     * A whole page whose head links, after AUI's stylesheet (which every Jira page has), the web resources the page
     * required, dependencies first, then the page's own head.
     */
    String page(String title, List<WebResourceFile> resources, String headHtml, String bodyHtml) {
        return decorated(Html.escape(title), resources, headHtml, bodyHtml);
    }

    /**
     * As {@link #page(String, List, String, String)} for a plugin's page, whose {@code <title>} is already HTML:
     * like Jira's decorator, the frame copies it as it is rather than escaping it a second time.
     */
    String decorated(String titleHtml, List<WebResourceFile> resources, String headHtml, String bodyHtml) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>" + titleHtml + " - Jira</title>"
                + "<link rel=\"stylesheet\" href=\"" + contextPath + AuiStylesheet.CSS_PATH + "\">"
                + PageResources.headTags(contextPath, resources, List.of(AuiStylesheet.CSS_PATH))
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
        boolean lazyMenus = false;
        for (PluginDescriptor.WebItem item : fragments.displayableItems(TOP_NAVIGATION)) {
            if (!item.link().isBlank()) {
                lazyMenus |= topNavigationItem(html, item);
            }
        }
        if (user != null) {
            for (Link link : servletLinks) {
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
                html.append("<li><a").append(MENU_LINK_STYLE).append(" id=\"").append(Html.escape(link.id()))
                        .append("\" href=\"")
                        .append(Html.escape(contextPath + link.path())).append("\">").append(Html.escape(link.label()))
                        .append("</a></li>");
            }
            html.append("</ul></details></li>")
                    .append("<li><a id=\"logout-link\" href=\"").append(contextPath).append("/logout\">Log out</a></li>");
        }
        html.append("</ul></div></div></nav></header>");
        if (lazyMenus) {
            html.append(LAZY_MENU_SCRIPT);
        }
        return html.toString();
    }

    /** Writes a top-navigation item; whether it is a lazy dropdown, whose content the page's script fetches. */
    private boolean topNavigationItem(StringBuilder html, PluginDescriptor.WebItem item) {
        String id = idOf(item);
        String href = contextPath + item.link();
        String title = fragments.tooltip(item);
        List<PluginDescriptor.WebSection> sections = item.linkId().isEmpty() ? List.of()
                : fragments.displayableSections(item.linkId());
        if (sections.isEmpty()) {
            html.append("<li><a href=\"").append(Html.escape(href)).append("\" id=\"").append(Html.escape(id))
                    .append("\"").append(titleAttribute(title)).append(">").append(Html.escape(fragments.label(item)))
                    .append("</a></li>");
            return false;
        }
        // Jira's header fetches a lazy dropdown from /rest/api/1.0/menus/<linkId> when it is opened.
        boolean lazy = fragments.isLazy(item.linkId());
        html.append("<li><details class=\"host-dropdown\" id=\"").append(Html.escape(id))
                .append("-dropdown\" style=\"position:relative\"><summary id=\"").append(Html.escape(id))
                .append("\" data-href=\"").append(Html.escape(href)).append("\"").append(titleAttribute(title))
                .append(">").append(Html.escape(fragments.label(item))).append("</summary>")
                .append("<div id=\"").append(Html.escape(id)).append("-content\" class=\"host-dropdown-content\" ")
                .append("role=\"menu\" style=\"position:absolute;left:0;z-index:10;background:#fff;")
                .append("border:1px solid #dfe1e6;padding:5px 10px;white-space:nowrap\"");
        if (lazy) {
            html.append(" data-menu-url=\"").append(Html.escape(contextPath + MenusServlet.PATH + "/"
                    + item.linkId())).append("\" aria-busy=\"true\"");
        }
        html.append(">");
        if (lazy) {
            html.append("</div></details></li>");
            return true;
        }
        boolean first = true;
        for (PluginDescriptor.WebSection section : sections) {
            // Jira passes its web-fragment context (user, helper, request); the app's provider reads none of it.
            List<WebItem> items = fragments.displayableWebItems(section.id(), contextPath, new HashMap<>());
            if (items.isEmpty()) {
                continue;
            }
            html.append("<ul class=\"aui-list-truncate\" data-section=\"").append(Html.escape(section.id()))
                    .append("\" style=\"list-style:none;margin:0;padding:")
                    .append(first ? "0" : "5px 0 0;margin-top:5px;border-top:1px solid #dfe1e6").append("\">");
            for (WebItem entry : items) {
                html.append("<li><a role=\"menuitem\"").append(MENU_LINK_STYLE).append(" href=\"")
                        .append(Html.escape(entry.getUrl())).append("\"");
                if (entry.getId() != null) {
                    html.append(" id=\"").append(Html.escape(entry.getId())).append("\"");
                }
                html.append(titleAttribute(entry.getTitle())).append(">").append(Html.escape(entry.getLabel()))
                        .append("</a></li>");
            }
            html.append("</ul>");
            first = false;
        }
        html.append("</div></details></li>");
        return false;
    }

    private static String titleAttribute(String title) {
        return title == null || title.isBlank() ? "" : " title=\"" + Html.escape(title) + "\"";
    }

    List<Link> pluginLinks() {
        return pluginLinks;
    }

    List<Link> userMenuLinks() {
        return userMenuLinks;
    }
}
