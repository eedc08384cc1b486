package dev.awsconnectors.testhost.sal;

import com.atlassian.templaterenderer.RenderingException;
import com.atlassian.templaterenderer.TemplateRenderer;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ResourceLoader;
import org.apache.velocity.util.ExtProperties;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The template renderer Jira gives plugins, on Apache Velocity 2, with templates read from the plugin's class loader.
 *
 * <p><b>Escaping.</b> As Jira does for plugin templates, every {@code $reference} is HTML-escaped when it is
 * written out, so a value such as {@code <script>} appears as text. To write HTML on purpose, name the reference so
 * that it ends in {@code Html} (for example {@code $messageHtml}, {@code ${row.descriptionHtml}} or
 * {@code $helper.linkHtml()}): those are written raw — the naming convention of Atlassian's renderer, which also
 * skips escaping for such names. Directives ({@code #if}, {@code #foreach}) and literal template text are never
 * changed.
 *
 * <p><b>One engine.</b> As Jira's renderer does, one Velocity engine renders all of the plugin's templates, with
 * the renderer's settings ({@link TemplateRendererVelocitySettings}): a Velocimacro that one template has defined is
 * kept for every later template, and a later template's macro of the same name does not replace it.
 *
 * <p>Every template also sees {@code $i18n} (the plugin's {@code I18nResolver}) unless the caller's context has one.
 *
 * <p><b>Method allowlist.</b> As Jira 10 and later do, a template may call a method of the plugin's own classes —
 * explicitly or through a property such as {@code $row.name} ({@code getName()}, a record's {@code name()}) — only if
 * one of the plugin's {@code <velocity-allowlist>} modules lists it (see {@link AllowlistUberspector}). An unlisted
 * call fails the render here with a {@link RenderingException} whose message names the missing entry in Jira's own
 * format, "Method needs allowlisting: fqcn#method(param.types)", so that a test fails. Jira would instead log that
 * warning and block the call, rendering nothing for it. Methods of other classes (the JDK's, the host's) are left
 * to Jira's global allowlist and not checked. The two-argument constructor checks nothing.
 */
public final class HostTemplateRenderer implements TemplateRenderer {
    private final VelocityEngine engine;
    private final ClassLoader classLoader;
    private final Map<String, Object> defaults;

    /**
     * A renderer that enforces no method allowlist.
     *
     * @param defaults what every template sees besides the caller's context, e.g. {@code i18n}
     */
    public HostTemplateRenderer(ClassLoader classLoader, Map<String, Object> defaults) {
        this(classLoader, defaults, AllowlistUberspector.Allowlist.none());
    }

    /**
     * A renderer that enforces the plugin's velocity allowlist on the plugin's own classes.
     *
     * @param defaults           what every template sees besides the caller's context, e.g. {@code i18n}
     * @param allowlistedMethods the {@code <method>}s of the plugin's velocity-allowlist modules
     * @param pluginClasses      the plugin's own classes (see {@link #classesUnder(String, String...)}): a template
     *                           may call their methods only if listed
     */
    public HostTemplateRenderer(ClassLoader classLoader, Map<String, Object> defaults,
                                Set<String> allowlistedMethods, Predicate<Class<?>> pluginClasses) {
        this(classLoader, defaults, new AllowlistUberspector.Allowlist(allowlistedMethods, pluginClasses));
    }

    private HostTemplateRenderer(ClassLoader classLoader, Map<String, Object> defaults,
                                 AllowlistUberspector.Allowlist allowlist) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.defaults = Map.copyOf(defaults);
        // One engine for all of the plugin's templates, configured as Atlassian's template renderer configures its
        // own (macros, #if, encoding: see TemplateRendererVelocitySettings).
        Properties properties = TemplateRendererVelocitySettings.properties();
        properties.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, AllowlistUberspector.class.getName());
        properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, "plugin");
        properties.put(RuntimeConstants.RESOURCE_LOADER + ".plugin." + RuntimeConstants.RESOURCE_LOADER_INSTANCE,
                new PluginResourceLoader(classLoader));
        // Templates are in the class path and do not change while the host runs; the renderer caches them too
        // outside atlassian.dev.mode.
        properties.setProperty(RuntimeConstants.RESOURCE_LOADER + ".plugin.cache", "true");
        engine = new VelocityEngine(properties);
        engine.setApplicationAttribute(AllowlistUberspector.ALLOWLIST_ATTRIBUTE, allowlist);
        engine.init();
    }

    /**
     * The classes whose binary names start with {@code packagePrefix} (e.g. {@code "dev.awsconnectors."}) but with
     * none of {@code except} — for the demo host, whose own classes share the plugin's prefix but stand for Jira's.
     */
    public static Predicate<Class<?>> classesUnder(String packagePrefix, String... except) {
        Objects.requireNonNull(packagePrefix, "packagePrefix");
        List<String> excluded = List.of(except);
        return type -> type.getName().startsWith(packagePrefix)
                && excluded.stream().noneMatch(prefix -> type.getName().startsWith(prefix));
    }

    @Override
    public void render(String templateName, Writer writer) throws RenderingException, IOException {
        render(templateName, Map.of(), writer);
    }

    @Override
    public void render(String templateName, Map<String, Object> context, Writer writer)
            throws RenderingException, IOException {
        Template template;
        try {
            template = engine.getTemplate(templateName);
        } catch (ResourceNotFoundException e) {
            throw new RenderingException("No template " + templateName + " on the plugin's class path", e);
        } catch (RuntimeException e) {
            throw new RenderingException("Cannot parse template " + templateName + ": " + e.getMessage(), e);
        }
        try {
            template.merge(contextOf(context), writer);
        } catch (RuntimeException e) {
            throw new RenderingException("Cannot render template " + templateName + ": " + messageOf(e), e);
        }
        writer.flush();
    }

    @Override
    public String renderFragment(String fragment, Map<String, Object> context) throws RenderingException {
        StringWriter writer = new StringWriter();
        try {
            engine.evaluate(contextOf(context), writer, "fragment", fragment);
        } catch (RuntimeException e) {
            throw new RenderingException("Cannot render a fragment: " + messageOf(e), e);
        }
        return writer.toString();
    }

    @Override
    public boolean resolve(String templateName) {
        return classLoader.getResource(strip(templateName)) != null;
    }

    /** The message of a refused call wherever Velocity wrapped it, else the exception's own. */
    private static String messageOf(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AllowlistUberspector.MethodNotAllowlistedException refused) {
                return refused.getMessage();
            }
        }
        return e.getMessage();
    }

    private VelocityContext contextOf(Map<String, Object> context) {
        Map<String, Object> all = new HashMap<>(defaults);
        if (context != null) {
            all.putAll(context);
        }
        VelocityContext velocityContext = new VelocityContext(all);
        EventCartridge cartridge = new EventCartridge();
        cartridge.addReferenceInsertionEventHandler(new HtmlEscaping());
        cartridge.attachToContext(velocityContext);
        return velocityContext;
    }

    private static String strip(String templateName) {
        return templateName.startsWith("/") ? templateName.substring(1) : templateName;
    }

    /** HTML-escapes every reference written out, except those whose name ends in {@code Html}. */
    static final class HtmlEscaping implements ReferenceInsertionEventHandler {
        @Override
        public Object referenceInsert(Context context, String reference, Object value) {
            if (value == null || isRaw(reference)) {
                return value;
            }
            return Html.escape(String.valueOf(value));
        }

        /**
         * {@code $fooHtml}, {@code $!{foo.barHtml}}, {@code $foo.barHtml()} and the like: the name of the last
         * property or method of the reference, so {@code $esc.textHtml($i18n.getText("key"))} is raw (its arguments'
         * parentheses are skipped as a whole, as Jira's renderer looks at the outer method only).
         */
        static boolean isRaw(String reference) {
            String name = reference.replaceAll("[{}!]", "");
            if (name.endsWith(")")) {
                int depth = 0;
                int open = -1;
                for (int i = name.length() - 1; i >= 0; i--) {
                    char c = name.charAt(i);
                    if (c == ')') {
                        depth++;
                    } else if (c == '(' && --depth == 0) {
                        open = i;
                        break;
                    }
                }
                name = open < 0 ? name : name.substring(0, open);
            }
            return name.endsWith("Html");
        }
    }

    /** Reads templates through the plugin's class loader, not the thread's or Velocity's own. */
    private static final class PluginResourceLoader extends ResourceLoader {
        private final ClassLoader classLoader;

        PluginResourceLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
        }

        @Override
        public void init(ExtProperties configuration) {
        }

        @Override
        public Reader getResourceReader(String source, String encoding) {
            InputStream in = classLoader.getResourceAsStream(strip(source));
            if (in == null) {
                throw new ResourceNotFoundException("No template " + source + " on the plugin's class path");
            }
            return new InputStreamReader(in, encoding == null ? StandardCharsets.UTF_8
                    : java.nio.charset.Charset.forName(encoding));
        }

        @Override
        public boolean isSourceModified(org.apache.velocity.runtime.resource.Resource resource) {
            return false;
        }

        @Override
        public long getLastModified(org.apache.velocity.runtime.resource.Resource resource) {
            return 0;
        }
    }
}
