package dev.awsconnectors.bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OSGi manifest header such as {@code Import-Package}, split into clauses: comma-separated, each a name followed
 * by {@code ;attribute=value} and {@code ;directive:=value} parts, where quoted values may themselves hold commas
 * ({@code version="[6.0,7)"}).
 */
final class ManifestHeader {

    /** One clause: a package or path, with its attributes and directives. */
    static final class Clause {
        private final String name;
        private final Map<String, String> attributes;
        private final Map<String, String> directives;

        private Clause(String name, Map<String, String> attributes, Map<String, String> directives) {
            this.name = name;
            this.attributes = attributes;
            this.directives = directives;
        }

        String name() {
            return name;
        }

        Optional<String> attribute(String key) {
            return Optional.ofNullable(attributes.get(key));
        }

        Optional<String> directive(String key) {
            return Optional.ofNullable(directives.get(key));
        }

        boolean isOptional() {
            return "optional".equals(directives.get("resolution"));
        }

        @Override
        public String toString() {
            return name + attributes + directives;
        }
    }

    private ManifestHeader() {
    }

    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (String part : parts) {
                int directive = part.indexOf(":=");
                int attribute = part.indexOf('=');
                if (directive > 0 && directive < attribute + 1) {
                    directives.put(part.substring(0, directive).trim(), unquote(part.substring(directive + 2)));
                } else if (attribute > 0) {
                    attributes.put(part.substring(0, attribute).trim(), unquote(part.substring(attribute + 1)));
                } else {
                    names.add(part.trim());
                }
            }
            // "a;b;version=1" declares a and b with the same parameters.
            for (String name : names) {
                clauses.add(new Clause(name, attributes, directives));
            }
        }
        return clauses;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().trim());
        }
        return parts;
    }

    private static String unquote(String value) {
        String trimmed = value.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }
}
