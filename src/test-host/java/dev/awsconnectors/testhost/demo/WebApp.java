package dev.awsconnectors.testhost.demo;

import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.awsconnectors.testhost.plugin.LoadedPlugin;
import dev.awsconnectors.testhost.sal.HostAuditLog;
import dev.awsconnectors.testhost.sal.HostI18nResolver;
import dev.awsconnectors.testhost.sal.HostLoginUriProvider;
import dev.awsconnectors.testhost.sal.HostTokens;
import dev.awsconnectors.testhost.sal.HostUsers;
import dev.awsconnectors.testhost.sal.HostWebSudoManager;
import dev.awsconnectors.testhost.sal.HostXsrfTokens;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.glassfish.jersey.servlet.ServletContainer;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;

/**
 * The web side of the host on Jetty 12 (ee10), under {@value #CONTEXT_PATH}: login, logout, WebSudo and dashboard
 * pages, the plugin's servlets (framed by the {@link Decorator}) and REST applications, its web resources, AUI, and
 * the audit log (JSON and a page); every answer carries Jira's {@link SecurityHeaders}, the session cookie is set
 * as Jira's is ({@link SessionCookies}), and every request passes {@link Authentication} first.
 */
final class WebApp {
    static final String CONTEXT_PATH = "/jira";

    private final Server server;
    private final ServerConnector connector;

    /** Binds the port at once, so the base URL is known before the plugin starts. */
    WebApp(int port) throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("localhost");
        connector.setPort(port);
        server.addConnector(connector);
        connector.open();
    }

    int port() {
        return connector.getLocalPort();
    }

    void start(Parts parts) throws Exception {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath(CONTEXT_PATH);
        SessionCookies.configure(context.getSessionHandler(),
                connector.getConnectionFactory(SslConnectionFactory.class) != null);
        EnumSet<DispatcherType> requests = EnumSet.of(DispatcherType.REQUEST);
        context.addFilter(new FilterHolder(new SecurityHeaders()), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        context.addFilter(new FilterHolder(new Authentication(parts.users(), parts.tokens())), "/*", requests);
        context.addFilter(new FilterHolder(new Decorator(parts.frame(), pageBuilderOf(parts.plugin()))), "/plugins/servlet/*", requests);

        context.addServlet(new ServletHolder(new LoginServlet(parts.users(), parts.frame())), "/login.jsp");
        context.addServlet(new ServletHolder(new LoginServlet.Logout()), "/logout");
        context.addServlet(new ServletHolder(new WebSudoServlet(parts.users(), parts.webSudo(), parts.xsrf(),
                parts.login(), parts.frame())), HostWebSudoManager.PAGE_PATH);
        ServletHolder dashboard = new ServletHolder(new DashboardServlet(parts.users(), parts.login(),
                parts.frame()));
        context.addServlet(dashboard, "/secure/Dashboard.jspa");
        context.addServlet(dashboard, "");
        context.addServlet(new ServletHolder(parts.aui()), "/static/aui/*");
        context.addServlet(new ServletHolder(new WebResourceServlet(parts.plugin())), "/download/resources/*");
        context.addServlet(new ServletHolder(new AuditServlet(parts.audit(), parts.users())), "/host/audit");
        context.addServlet(new ServletHolder(new GroupPickerServlet(parts.users())), GroupPickerServlet.PATH);
        context.addServlet(new ServletHolder(new MenusServlet(parts.plugin().webFragments())),
                MenusServlet.PATH + "/*");
        context.addServlet(new ServletHolder(new AuditLogPageServlet(parts.audit(), parts.users(), parts.login(),
                parts.frame(), new HostI18nResolver(parts.plugin().classLoader(),
                parts.plugin().descriptor().i18nLocations(), Locale.ENGLISH))), AuditLogPageServlet.PATH);

        for (LoadedPlugin.MountedServlet servlet : parts.plugin().servlets()) {
            ServletHolder holder = new ServletHolder(servlet.moduleKey() + " " + servlet.mapping(),
                    servlet.servlet());
            context.addServlet(holder, servlet.mapping());
        }
        for (LoadedPlugin.MountedRest rest : parts.plugin().restApplications()) {
            context.addServlet(new ServletHolder(rest.moduleKey(), new ServletContainer(rest.application())),
                    rest.mapping());
        }
        server.setHandler(context);
        server.start();
    }

    void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the web server", e);
        }
    }

    /** The page builder the plugin imported (the host's, behind the import), through which its pages are built. */
    private static Optional<PageBuilderService> pageBuilderOf(LoadedPlugin plugin) {
        return Optional.ofNullable(plugin.context().getBeanProvider(PageBuilderService.class).getIfAvailable());
    }

    /** What the web side serves. */
    record Parts(HostUsers users, HostTokens tokens, PageFrame frame, HostWebSudoManager webSudo, HostXsrfTokens xsrf,
                 HostLoginUriProvider login, AuiStylesheet aui, LoadedPlugin plugin, HostAuditLog audit) {
    }
}
