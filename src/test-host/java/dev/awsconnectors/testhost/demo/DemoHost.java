package dev.awsconnectors.testhost.demo;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.audit.api.AuditService;
import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.transaction.TransactionTemplate;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.templaterenderer.TemplateRenderer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import dev.awsconnectors.testhost.ao.JdbcActiveObjects;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.jira.HostGroupManager;
import dev.awsconnectors.testhost.plugin.AoModelVersions;
import dev.awsconnectors.testhost.plugin.ExportedServices;
import dev.awsconnectors.testhost.plugin.HostComponents;
import dev.awsconnectors.testhost.plugin.LoadedPlugin;
import dev.awsconnectors.testhost.plugin.PluginDescriptor;
import dev.awsconnectors.testhost.plugin.OsgiPluginInstaller;
import dev.awsconnectors.testhost.upm.AppSignatureCheck;
import dev.awsconnectors.testhost.plugin.PluginLoader;
import dev.awsconnectors.testhost.plugin.PluginSideClassLoader;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import dev.awsconnectors.testhost.sal.HostAuditLog;
import dev.awsconnectors.testhost.sal.HostI18nResolver;
import dev.awsconnectors.testhost.sal.HostLoginUriProvider;
import dev.awsconnectors.testhost.sal.HostTemplateRenderer;
import dev.awsconnectors.testhost.sal.HostTokens;
import dev.awsconnectors.testhost.sal.HostTransactionTemplate;
import dev.awsconnectors.testhost.sal.HostUsers;
import dev.awsconnectors.testhost.sal.HostWebSudoManager;
import dev.awsconnectors.testhost.sal.HostXsrfTokens;



import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo host: the app loaded as Jira loads it (from {@code atlassian-plugin.xml} and the spring-scanner index),
 * with host services built from real parts — users from a file, form, Basic and personal access token login, WebSudo, XSRF tokens,
 * Velocity, i18n, Active Objects on H2 or PostgreSQL, an audit log — and, by default, a local AWS double.
 *
 * <pre>{@code
 * try (DemoHost jira = DemoHost.start(DemoOptions.builder().port(0).home(tempDir).build())) {
 *     URI base = jira.baseUrl();   // http://localhost:<port>/jira
 * }
 * }</pre>
 * Run it with {@code mvn -Pdemo} ({@link #main}).
 */
public final class DemoHost implements AutoCloseable {
    /** The personal access tokens' file in the home, created on first start with a token for alice and admin. */
    public static final String TOKENS_FILE = "tokens.properties";

    private final DemoOptions options;
    private final URI baseUrl;
    private final URI siteUrl;
    private final Deque<AutoCloseable> resources;
    private final LoadedPlugin plugin;
    private final HostUsers users;
    private final HostTokens tokens;
    private final HostAuditLog audit;
    private final Optional<DemoAws> aws;
    private final BundleContext osgi;

    private DemoHost(DemoOptions options, URI baseUrl, URI siteUrl, Deque<AutoCloseable> resources,
                     LoadedPlugin plugin, HostUsers users, HostTokens tokens, HostAuditLog audit,
                     Optional<DemoAws> aws, BundleContext osgi) {
        this.options = options;
        this.baseUrl = baseUrl;
        this.siteUrl = siteUrl;
        this.resources = resources;
        this.plugin = plugin;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.aws = aws;
        this.osgi = osgi;
    }

    /**
     * Starts a node; on failure prints why to standard error, stops what had started and throws.
     *
     * @throws IllegalStateException with the reason (a descriptor entry, an import, the database, the port)
     */
    public static DemoHost start(DemoOptions options) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            return startNode(options, started);
        } catch (Exception e) {
            closeAll(started);
            String reason = "The demo host (node " + options.node() + ") cannot start: " + e.getMessage();
            System.err.println(reason);
            throw new IllegalStateException(reason, e);
        }
    }

    private static DemoHost startNode(DemoOptions options, Deque<AutoCloseable> started) throws Exception {
        Path home = options.home();
        Files.createDirectories(home);
        Path localHome = home.resolve("node" + options.node());
        Files.createDirectories(localHome);
        int port = options.port() == 0 ? 0 : options.port() + options.node() - 1;
        WebApp web = new WebApp(port);
        started.push(web::stop);
        URI baseUrl = URI.create("http://localhost:" + web.port() + WebApp.CONTEXT_PATH);
        URI siteUrl = options.node() == 1 ? SiteUrl.recordedBy(home, baseUrl) : SiteUrl.of(home);

        Optional<DemoAws> aws = Optional.empty();
        if (options.aws() == DemoOptions.Aws.LOCAL) {
            DemoAws demoAws = options.node() == 1 ? DemoAws.start(home, baseUrl) : DemoAws.ofNodeOne(home);
            started.push(demoAws);
            aws = Optional.of(demoAws);
        }

        DemoDatabase database = DemoDatabase.of(options);
        started.push(database);
        // As Jira: the built jar, installed and started in the node's own OSGi framework; the plugin's classes,
        // Spring context, templates, i18n and web resources all come through the bundle's class loader.
        // UPM's trust store is in the shared home; the build's certificate goes there as an admin would put it.
        AppSignatureCheck signatures = AppSignatureCheck.inHome(home);
        if (options.trustedCertificate().isPresent()) {
            signatures.installCertificate(options.trustedCertificate().get());
        }
        OsgiPluginInstaller osgi = OsgiPluginInstaller.start(localHome.resolve("osgi-cache"), signatures);
        started.push(osgi);
        Bundle bundle = osgi.install(options.pluginJar());
        ClassLoader pluginClassLoader = OsgiPluginInstaller.classLoaderOf(bundle);
        PluginLoader loader = new PluginLoader(pluginClassLoader, OsgiPluginInstaller.classFinderOf(bundle));
        PluginDescriptor descriptor = loader.descriptor();
        JdbcActiveObjects ao = database.activeObjects(descriptor.pluginKey());

        Clock clock = Clock.systemUTC();
        HostUsers users = HostUsers.fromFile(home.resolve("users.properties"));
        HostTokens tokens = HostTokens.fromFile(home.resolve(TOKENS_FILE), List.of("alice", "admin"));
        HostLoginUriProvider login = new HostLoginUriProvider(WebApp.CONTEXT_PATH);
        HostWebSudoManager webSudo = new HostWebSudoManager(users, clock);
        HostXsrfTokens xsrf = new HostXsrfTokens();
        HostI18nResolver i18n = new HostI18nResolver(pluginClassLoader, descriptor.i18nLocations(), Locale.ENGLISH);
        HostTemplateRenderer templates = new HostTemplateRenderer(pluginClassLoader, Map.of("i18n", i18n),
                descriptor.velocityAllowlistMethods(),
                HostTemplateRenderer.classesUnder("dev.awsconnectors.", "dev.awsconnectors.testhost."));
        HostAuditLog audit = new HostAuditLog(home, users, clock);
        started.push(audit);
        HostComponents host = new HostComponents()
                .add(ActiveObjects.class, ao)
                .add(ApplicationProperties.class, new HostApplicationProperties(siteUrl.toString(),
                        baseUrl.toString(), localHome, home))
                .add(UserManager.class, users)
                .add(GroupManager.class, new HostGroupManager(users))
                .add(LoginUriProvider.class, login)
                .add(WebSudoManager.class, webSudo)
                .add(XsrfTokenValidator.class, xsrf)
                .add(XsrfTokenAccessor.class, xsrf)
                .add(TemplateRenderer.class, templates)
                .add(I18nResolver.class, i18n)
                .add(com.atlassian.webresource.api.assembler.PageBuilderService.class, PageResources.pageBuilder(descriptor, options.auiDirectory()))
                .add(AuditService.class, audit)
                .add(TransactionTemplate.class, new HostTransactionTemplate(ao));

        LoadedPlugin plugin = loadWithContextClassLoader(loader, host, database, pluginClassLoader);
        started.push(plugin);
        ExportedServices.register(plugin, bundle.getBundleContext());
        seed(plugin, aws);

        PageFrame frame = new PageFrame(WebApp.CONTEXT_PATH, users, plugin);
        web.start(new WebApp.Parts(users, tokens, frame, webSudo, xsrf, login, AuiStylesheet.lookIn(options.auiDirectory()),
                plugin, audit));
        return new DemoHost(options, baseUrl, siteUrl, started, plugin, users, tokens, audit, aws, osgi.context());
    }

    private static LoadedPlugin loadWithContextClassLoader(PluginLoader loader, HostComponents host,
                                                           DemoDatabase database, ClassLoader pluginClassLoader) {
        // While the context starts, a library that loads classes through the thread's context class loader sees the
        // plugin's. That Jira's Spring extender does the same is our assumption, not established from a public source.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(pluginClassLoader);
        try {
            return loader.load(host, new AoModelVersions(database.dataSource()));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** {@link DemoData} runs on the plugin's side, so it writes through the bundle's own repositories. */
    private static void seed(LoadedPlugin plugin, Optional<DemoAws> aws) throws ReflectiveOperationException {
        ClassLoader pluginSide = new PluginSideClassLoader(DemoHost.class.getClassLoader(), plugin.classLoader(),
                Set.of(DemoData.class.getName()));
        Class<?> data = pluginSide.loadClass(DemoData.class.getName());
        var constructor = data.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        Object seeder = constructor.newInstance(plugin.component("dev.awsconnectors.persistence.AccountRepository"),
                plugin.component("dev.awsconnectors.persistence.ConnectorRepository"));
        try {
            if (aws.isPresent()) {
                var ensure = data.getDeclaredMethod("ensureForLocalAws", URI.class, String.class, String.class,
                        String.class, String.class);
                ensure.setAccessible(true);
                ensure.invoke(seeder, aws.get().endpoint(), aws.get().key().accessKeyId(),
                        aws.get().key().secretAccessKey(), aws.get().roleArn(), aws.get().keylessRoleArn());
            } else {
                var ensure = data.getDeclaredMethod("ensureForRealAws");
                ensure.setAccessible(true);
                ensure.invoke(seeder);
            }
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("The demo data cannot be written: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** E.g. {@code http://localhost:2990/jira}, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * The site's configured base URL, the same on both nodes (node 1's address): the canonical base URL the app
     * names as its identity tokens' issuer.
     */
    public URI siteUrl() {
        return siteUrl;
    }

    public DemoOptions options() {
        return options;
    }

    /** The started plugin; its objects are the bundle's (reach them through {@code PluginReflection}). */
    public LoadedPlugin plugin() {
        return plugin;
    }

    /** The node's OSGi framework, where another app's bundle would be installed beside the plugin. */
    public BundleContext osgi() {
        return osgi;
    }

    public HostUsers users() {
        return users;
    }

    /** The personal access tokens, from {@code <home>/tokens.properties} ({@link #TOKENS_FILE}). */
    public HostTokens tokens() {
        return tokens;
    }

    public HostAuditLog auditLog() {
        return audit;
    }

    /** The local AWS double's endpoint, when the demo uses one. */
    public Optional<URI> localAwsEndpoint() {
        return aws.map(DemoAws::endpoint);
    }

    /** The local AWS double itself, when this node runs it (node 1 with local AWS), to inspect its sessions. */
    public Optional<LocalAws> localAws() {
        return aws.flatMap(DemoAws::localAws);
    }

    /** Stops the web server, the plugin and the AWS double; the data stays in the home and database. */
    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                System.err.println("While stopping the demo host: " + e);
            }
        }
    }

    /**
     * {@code mvn -Pdemo}: starts a node from the system properties {@code demo.port}, {@code demo.db},
     * {@code demo.aws=local|real}, {@code demo.node}, {@code demo.home} (and {@code demo.aui}), and runs until
     * Ctrl+C.
     */
    public static void main(String[] args) throws InterruptedException {
        DemoOptions options = DemoOptions.builder()
                .port(Integer.parseInt(System.getProperty("demo.port", Integer.toString(DemoOptions.DEFAULT_PORT))))
                .database(System.getProperty("demo.db"))
                .aws(DemoOptions.Aws.valueOf(System.getProperty("demo.aws", "local").strip()
                        .toUpperCase(Locale.ROOT)))
                .node(Integer.parseInt(System.getProperty("demo.node", "1")))
                .home(Path.of(System.getProperty("demo.home", "demo-home")))
                .auiDirectory(Path.of(System.getProperty("demo.aui", "target/aui")))
                .build();
        DemoHost host;
        try {
            host = start(options);
        } catch (IllegalStateException e) {
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(host::close, "demo-host-stop"));
        System.out.println();
        System.out.println("AWS Connectors for Jira - demo host, node " + options.node() + ": " + host.baseUrl() + "/");
        System.out.println("  Home:     " + options.home());
        if (!host.siteUrl().equals(host.baseUrl())) {
            System.out.println("  Site URL: " + host.siteUrl() + "/ (node 1's: the base URL both nodes report, "
                    + "and the issuer AWS trusts for keyless accounts)");
        }
        System.out.println("  Database: " + options.database().map(DemoDatabase::withoutSecrets)
                .orElse("H2 file in the home"));
        System.out.println("  AWS:      " + host.localAwsEndpoint().map(uri -> "local AWS double at " + uri
                + " (account " + DemoAws.ACCOUNT_ID + ", MFA code " + DemoAws.MFA_CODE + ")")
                .orElse("real AWS: enter real keys in the demo account"));
        System.out.println("  Users:    admin/admin (Jira administrator), alice/alice (aws-developers), "
                + "bob/bob (no group); edit " + options.home().resolve("users.properties"));
        for (String user : List.of("alice", "admin")) {
            host.tokens().tokensOf(user).forEach(token ->
                    System.out.println("  Token:    " + user + ": Authorization: Bearer " + token));
        }
        System.out.println("            (personal access tokens; edit " + options.home().resolve(TOKENS_FILE) + ")");
        host.plugin().descriptor().configureUrl().ifPresent(url ->
                System.out.println("  Admin:    " + host.baseUrl() + url));
        System.out.println("Press Ctrl+C to stop.");
        Thread.currentThread().join();
    }

}
