package dev.awsconnectors.testhost.plugin;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The one way the demo host and tests reach into the plugin's objects. The plugin runs on its bundle's class loader,
 * so its classes are not the copies on the test class path and cannot be cast to them; this calls a public method by
 * name on the bundle's object, with JDK-typed (or bundle) arguments, and returns what it returns.
 */
public final class PluginReflection {
    private PluginReflection() {
    }

    /** Calls the public method {@code name} that takes {@code args.length} arguments of the given values' types. */
    public static Object call(Object target, String name, Object... args) {
        Method method = Arrays.stream(target.getClass().getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
                .filter(m -> accepts(m.getParameterTypes(), args))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(target.getClass().getName() + " has no public "
                        + name + " taking " + args.length + " such arguments"));
        try {
            method.setAccessible(true);
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a record component or accessor, e.g. {@code get(account, "name")}. */
    public static Object get(Object target, String accessor) {
        return call(target, accessor);
    }

    private static boolean accepts(Class<?>[] types, Object[] args) {
        for (int i = 0; i < types.length; i++) {
            if (args[i] != null && !box(types[i]).isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "boolean" -> Boolean.class;
            default -> Object.class;
        };
    }
}
