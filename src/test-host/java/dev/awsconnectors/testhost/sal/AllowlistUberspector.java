package dev.awsconnectors.testhost.sal;

import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.parser.node.AbstractExecutor;
import org.apache.velocity.runtime.parser.node.BooleanPropertyExecutor;
import org.apache.velocity.runtime.parser.node.GetExecutor;
import org.apache.velocity.runtime.parser.node.MapGetExecutor;
import org.apache.velocity.runtime.parser.node.MapSetExecutor;
import org.apache.velocity.runtime.parser.node.PropertyExecutor;
import org.apache.velocity.runtime.parser.node.PutExecutor;
import org.apache.velocity.runtime.parser.node.SetExecutor;
import org.apache.velocity.runtime.parser.node.SetPropertyExecutor;
import org.apache.velocity.util.ArrayListWrapper;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Velocity's introspection with Jira's method allowlist (Jira 10 and later) for the plugin's own classes: a template
 * may call a method declared by one of the plugin's classes only if a {@code <velocity-allowlist>} module of the
 * plugin lists it. That covers explicit calls ({@code $esc.textHtml($x)}), property reads that Velocity turns into
 * calls ({@code $row.name} → {@code getName()}, {@code name()} of a record, {@code isName()}, {@code get("name")})
 * and property writes ({@code #set($row.name = ...)} → {@code setName(...)}, {@code put("name", ...)}).
 *
 * <p>Methods declared by other classes — the JDK's collections and strings, the host's own objects — are not checked
 * here: Jira's global allowlist covers the JDK and Atlassian methods templates use, and a plugin cannot add to it.
 * So {@code $myEnum.name()} is a call of {@code java.lang.Enum#name()} and passes, whereas a method a plugin class
 * declares or overrides is the plugin's to list. Not checked either, as Velocity does not resolve them by
 * introspection: {@code #foreach} over a plugin object (its {@code iterator()}) and the implicit
 * {@code toString()} of a reference written out.
 *
 * <p>An unlisted call fails the render with {@link MethodNotAllowlistedException}, whose message carries the entry
 * to add in Jira's own format ({@link #entryOf(Method)}), so a test fails loudly. Jira instead logs the warning
 * "Method needs allowlisting: ..." and blocks the call, which renders nothing for it — a page that silently misses
 * a value in a customer's Jira.
 *
 * <p>Velocity creates this class by name ({@code RuntimeConstants.UBERSPECT_CLASSNAME}); the {@link Allowlist} comes
 * as the engine's application attribute {@link #ALLOWLIST_ATTRIBUTE}, set before {@code init()}. The property
 * lookups follow {@code UberspectImpl} of Velocity 2.4.1 step for step, so that the method checked is the method
 * Velocity calls.
 */
public final class AllowlistUberspector extends UberspectImpl {
    /** The engine's application attribute holding the {@link Allowlist}. */
    public static final String ALLOWLIST_ATTRIBUTE = AllowlistUberspector.class.getName() + ".allowlist";

    private Allowlist allowlist;

    /**
     * What a template may call.
     *
     * @param methods       the plugin's velocity-allowlist entries, {@code fqcn#method(param.types)}
     * @param pluginClasses the plugin's own classes, whose methods need an entry; every other class is taken to be
     *                      on Jira's global allowlist
     */
    public record Allowlist(Set<String> methods, Predicate<Class<?>> pluginClasses) {
        public Allowlist {
            methods = Set.copyOf(methods);
            Objects.requireNonNull(pluginClasses, "pluginClasses");
        }

        /** Checks nothing: no class is the plugin's. */
        public static Allowlist none() {
            return new Allowlist(Set.of(), c -> false);
        }

        /** Whether a template may call the method. */
        public boolean allows(Method method) {
            return !pluginClasses.test(method.getDeclaringClass()) || methods.contains(entryOf(method));
        }

        void check(Method method, Info info) {
            if (!allows(method)) {
                throw new MethodNotAllowlistedException(entryOf(method), info);
            }
        }
    }

    /** A template called a method of the plugin's that no velocity-allowlist module lists. */
    public static final class MethodNotAllowlistedException extends VelocityException {
        private final String entry;

        MethodNotAllowlistedException(String entry, Info info) {
            super("Method needs allowlisting: " + entry + " (called at " + (info == null ? "?" : info.toString())
                    + "). Jira 10+ would log this and render nothing for the call; add <method>" + entry
                    + "</method> to a <velocity-allowlist> module of atlassian-plugin.xml");
            this.entry = entry;
        }

        /** The missing entry, as Jira writes it: {@code fqcn#method(param.types)}. */
        public String entry() {
            return entry;
        }
    }

    /**
     * The method as a velocity-allowlist entry, as Jira writes it in "Method needs allowlisting: ...": the declaring
     * class's binary name, {@code #}, the method's name, and its parameter types' names in parentheses separated by
     * commas, e.g. {@code dev.awsconnectors.web.HtmlEscaper#linesHtml(java.util.Collection)}.
     */
    public static String entryOf(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getName).collect(Collectors.joining(","))
                + ")";
    }

    @Override
    public void init() {
        super.init();
        Object attribute = rsvc.getApplicationAttribute(ALLOWLIST_ATTRIBUTE);
        if (!(attribute instanceof Allowlist given)) {
            throw new VelocityException(getClass().getSimpleName() + " needs an " + Allowlist.class.getName()
                    + " as the application attribute " + ALLOWLIST_ATTRIBUTE);
        }
        allowlist = given;
    }

    @Override
    public VelMethod getMethod(Object obj, String methodName, Object[] args, Info info) {
        VelMethod method = super.getMethod(obj, methodName, args, info);
        if (method != null && method.getMethod() != null) {
            allowlist.check(method.getMethod(), info);
        }
        return method;
    }

    /** As {@code UberspectImpl.getPropertyGet}: getter, map key, {@code get(String)}, boolean getter. */
    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info info) {
        if (obj == null) {
            return null;
        }
        Class<?> type = obj.getClass();
        AbstractExecutor executor = new PropertyExecutor(log, introspector, type, identifier);
        if (!executor.isAlive()) {
            executor = new MapGetExecutor(log, obj, identifier);
        }
        if (!executor.isAlive()) {
            executor = new GetExecutor(log, introspector, type, identifier);
        }
        if (!executor.isAlive()) {
            executor = new BooleanPropertyExecutor(log, introspector, type, identifier);
        }
        if (!executor.isAlive() && type.isArray()) {
            executor = new BooleanPropertyExecutor(log, introspector, ArrayListWrapper.class, identifier, true);
        }
        if (!executor.isAlive()) {
            return null;
        }
        if (executor.getMethod() != null) {
            allowlist.check(executor.getMethod(), info);
        }
        return new VelGetterImpl(executor);
    }

    /** As {@code UberspectImpl.getPropertySet}: setter, map key, {@code put}/{@code set(String, value)}. */
    @Override
    public VelPropertySet getPropertySet(Object obj, String identifier, Object arg, Info info) {
        if (obj == null) {
            return null;
        }
        Class<?> type = obj.getClass();
        SetExecutor executor = new SetPropertyExecutor(log, introspector, type, identifier, arg);
        if (!executor.isAlive()) {
            executor = new MapSetExecutor(log, type, identifier);
        }
        if (!executor.isAlive()) {
            executor = new PutExecutor(log, introspector, type, arg, identifier);
        }
        if (!executor.isAlive()) {
            return null;
        }
        if (executor.getMethod() != null) {
            allowlist.check(executor.getMethod(), info);
        }
        return new VelSetterImpl(executor);
    }
}
