package dev.awsconnectors.testhost.plugin;

import dev.awsconnectors.testhost.sal.AllowlistUberspector;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code <method>} of the descriptor's velocity-allowlist modules names a method that exists on the compiled
 * class with exactly those parameter types, written exactly as Jira writes it — a typo would allow nothing, and the
 * template calling the method would render nothing in Jira.
 */
class VelocityAllowlistEntriesTest {
    /** {@code fqcn#method(type,type)}: Java names, no spaces. */
    private static final Pattern ENTRY = Pattern.compile(
            "([\\p{javaJavaIdentifierPart}.$]+)#(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)"
                    + "\\(([\\p{javaJavaIdentifierPart}.$\\[\\];,]*)\\)");
    private static final Map<String, Class<?>> PRIMITIVES = Map.of("boolean", boolean.class, "byte", byte.class,
            "char", char.class, "short", short.class, "int", int.class, "long", long.class, "float", float.class,
            "double", double.class);

    private final PluginDescriptor descriptor = PluginDescriptor.read(getClass().getClassLoader(),
            "atlassian-plugin.xml");

    @Test
    void theDescriptorsVelocityAllowlistModuleIsRead() {
        assertThat(descriptor.velocityAllowlists()).extracting(PluginDescriptor.VelocityAllowlistModule::key)
                .contains("admin-velocity-allowlist");
        assertThat(descriptor.velocityAllowlistMethods()).contains(
                "dev.awsconnectors.web.HtmlEscaper#textHtml(java.lang.Object)");
    }

    @Test
    void everyEntryNamesAPublicMethodOfThePluginsOwnClassesWithThoseParameterTypes() {
        List<String> problems = new ArrayList<>();
        for (String entry : descriptor.velocityAllowlistMethods()) {
            String problem = problemWith(entry);
            if (problem != null) {
                problems.add(entry + ": " + problem);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aMisspelledEntryIsFound() {
        assertThat(problemWith("dev.awsconnectors.web.HtmlEscaper#textHtml(java.lang.Object)")).isNull();
        assertThat(problemWith("dev.awsconnectors.web.HtmlEscaper#textHTML(java.lang.Object)"))
                .contains("no public method");
        assertThat(problemWith("dev.awsconnectors.web.HtmlEscaper#textHtml(java.lang.String)"))
                .contains("no public method");
        assertThat(problemWith("dev.awsconnectors.web.admin.HtmlEscapr#textHtml(java.lang.Object)"))
                .contains("no class");
        assertThat(problemWith("dev.awsconnectors.web.HtmlEscaper#linesHtml(java.util.Collection )"))
                .contains("not of the form");
        assertThat(problemWith("dev.awsconnectors.web.HtmlEscaper#escape(java.lang.Object)"))
                .as("package-private: Velocity cannot call it").contains("no public method");
        assertThat(problemWith("java.lang.String#length()")).contains("not one of the plugin's classes");
    }

    /** Why the entry allows nothing, or null when it names a method a template can call. */
    private static String problemWith(String entry) {
        Matcher matcher = ENTRY.matcher(entry);
        if (!matcher.matches()) {
            return "not of the form fqcn#method(param.types)";
        }
        String className = matcher.group(1);
        if (!className.startsWith("dev.awsconnectors.") || className.startsWith("dev.awsconnectors.testhost.")) {
            return "not one of the plugin's classes (a plugin may allowlist only its own)";
        }
        Class<?> type;
        List<Class<?>> parameters = new ArrayList<>();
        try {
            ClassLoader loader = VelocityAllowlistEntriesTest.class.getClassLoader();
            type = Class.forName(className, false, loader);
            String list = matcher.group(3);
            if (!list.isEmpty()) {
                for (String name : list.split(",", -1)) {
                    parameters.add(PRIMITIVES.containsKey(name) ? PRIMITIVES.get(name)
                            : Class.forName(name, false, loader));
                }
            }
        } catch (ClassNotFoundException e) {
            return "no class " + e.getMessage();
        }
        Method method;
        try {
            method = type.getDeclaredMethod(matcher.group(2), parameters.toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            return "no public method of that name and parameter types declared by " + type.getName();
        }
        if (!Modifier.isPublic(method.getModifiers())) {
            return "no public method of that name and parameter types declared by " + type.getName();
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            return type.getName() + " is not public, so Velocity calls none of its methods";
        }
        if (!AllowlistUberspector.entryOf(method).equals(entry)) {
            return "Jira writes this method as " + AllowlistUberspector.entryOf(method);
        }
        return null;
    }
}
