package dev.awsconnectors.testhost.plugin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The services the host offers to plugins, by the interface they are published under (Jira publishes them as OSGi
 * services; a plugin sees only those its index imports).
 */
public final class HostComponents {
    private final Map<Class<?>, Object> byType = new LinkedHashMap<>();

    public <T> HostComponents add(Class<T> type, T component) {
        byType.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(component, "component"));
        return this;
    }

    /** The component published under {@code type}, or else the first one that implements it. */
    public Optional<Object> find(Class<?> type) {
        Object exact = byType.get(type);
        if (exact != null) {
            return Optional.of(exact);
        }
        return byType.values().stream().filter(type::isInstance).findFirst();
    }

    public <T> Optional<T> get(Class<T> type) {
        return find(type).map(type::cast);
    }
}
