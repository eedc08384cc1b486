package dev.awsconnectors.bundle;

import com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The spring-scanner index ({@code META-INF/plugin-components/component}, {@code imports}, {@code exports}) that
 * the annotations on a set of classes call for, derived as Atlassian's build-time scanner derives it: a class
 * carrying {@code @Component} (directly or through a stereotype) is a component, {@code fqcn} or
 * {@code fqcn#beanName}; each {@code @ComponentImport} on a constructor parameter or field imports its type; an
 * {@code @ExportAsService} class is exported as {@code implFqcn#iface[,iface]}.
 */
final class SpringScannerIndex {
    private final SortedSet<String> components;
    private final SortedSet<String> imports;
    private final SortedSet<String> exports;

    private SpringScannerIndex(SortedSet<String> components, SortedSet<String> imports, SortedSet<String> exports) {
        this.components = components;
        this.imports = imports;
        this.exports = exports;
    }

    static SpringScannerIndex derivedFrom(List<Class<?>> classes) {
        SortedSet<String> components = new TreeSet<>();
        SortedSet<String> imports = new TreeSet<>();
        SortedSet<String> exports = new TreeSet<>();
        for (Class<?> type : classes) {
            componentEntry(type).ifPresent(components::add);
            imports.addAll(importEntries(type));
            exportEntry(type).ifPresent(exports::add);
        }
        return new SpringScannerIndex(components, imports, exports);
    }

    /** Reads the index files below a {@code META-INF/plugin-components} directory; a missing file is empty. */
    static SpringScannerIndex readFrom(Path pluginComponents) {
        return new SpringScannerIndex(lines(pluginComponents.resolve("component")),
                lines(pluginComponents.resolve("imports")), lines(pluginComponents.resolve("exports")));
    }

    /** Every class compiled from {@code basePackage} below a class-path directory. */
    static List<Class<?>> classesBelow(Path classesRoot, String basePackage, ClassLoader loader) {
        Path packageDir = classesRoot.resolve(basePackage.replace('.', '/'));
        try (Stream<Path> files = Files.walk(packageDir)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classesRoot.relativize(f).toString())
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.')
                            .replace('\\', '.'))
                    .sorted()
                    .map(name -> load(name, loader))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SortedSet<String> components() {
        return components;
    }

    SortedSet<String> imports() {
        return imports;
    }

    SortedSet<String> exports() {
        return exports;
    }

    private static Optional<String> componentEntry(Class<?> type) {
        if (type.isInterface() || type.isAnnotation() || Modifier.isAbstract(type.getModifiers())) {
            return Optional.empty();
        }
        return componentName(type).map(name -> name.isEmpty() ? type.getName() : type.getName() + "#" + name);
    }

    /** The explicit bean name ("" for the default) when the class is a component. */
    private static Optional<String> componentName(Class<?> type) {
        for (Annotation annotation : type.getAnnotations()) {
            if (annotation.annotationType().getName().endsWith(".inject.Named")) {
                // Older scanners index @Named classes, Platform 8's is not known to: one marker keeps it certain.
                throw new IllegalStateException(type.getName() + " is marked @Named; mark components with "
                        + "@Component, the marker Jira's spring-scanner indexes.");
            }
            if (annotation instanceof Component) {
                return Optional.of(((Component) annotation).value());
            }
            if (annotation.annotationType().isAnnotationPresent(Component.class)) {
                // A stereotype such as @Service: its value() is the bean name, as with @Component.
                return Optional.of(stereotypeValue(annotation));
            }
        }
        return Optional.empty();
    }

    private static String stereotypeValue(Annotation annotation) {
        try {
            Object value = annotation.annotationType().getMethod("value").invoke(annotation);
            return value instanceof String ? (String) value : "";
        } catch (ReflectiveOperationException e) {
            return "";
        }
    }

    private static Set<String> importEntries(Class<?> type) {
        Set<String> entries = new HashSet<>();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            for (Parameter parameter : constructor.getParameters()) {
                importEntry(parameter, parameter.getType()).ifPresent(entries::add);
            }
        }
        for (Field field : type.getDeclaredFields()) {
            importEntry(field, field.getType()).ifPresent(entries::add);
        }
        return entries;
    }

    private static Optional<String> importEntry(AnnotatedElement element, Class<?> importedType) {
        ComponentImport componentImport = element.getAnnotation(ComponentImport.class);
        if (componentImport == null) {
            return Optional.empty();
        }
        String name = componentImport.value();
        return Optional.of(name.isEmpty() ? importedType.getName() : importedType.getName() + "#" + name);
    }

    private static Optional<String> exportEntry(Class<?> type) {
        ExportAsService export = type.getAnnotation(ExportAsService.class);
        if (export == null) {
            return Optional.empty();
        }
        Class<?>[] interfaces = export.value().length > 0 ? export.value() : type.getInterfaces();
        if (interfaces.length == 0) {
            interfaces = new Class<?>[] {type};
        }
        return Optional.of(type.getName() + "#"
                + Arrays.stream(interfaces).map(Class::getName).collect(Collectors.joining(",")));
    }

    private static SortedSet<String> lines(Path file) {
        if (!Files.exists(file)) {
            return new TreeSet<>();
        }
        try {
            // The runtime reads each line as it is, so blank or padded lines would be entries of their own.
            return new TreeSet<>(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Cannot load " + name, e);
        }
    }
}
