package dev.awsconnectors.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How a page reads the values of its form fields, whatever the browser sent: blank is "not given", and a value
 * that cannot be read is "none" rather than a failure, so that the page answers it as a missing or refused value;
 * and the choices of a select field, in the shape the templates read.
 */
public final class FormValues {
    private FormValues() {
    }

    /** An id field: empty when blank or not a UUID. */
    public static Optional<UUID> parseId(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether an id field was filled in at all: one that is not a UUID then names nothing that exists. */
    public static boolean namesAnId(String id) {
        return id != null && !id.isBlank();
    }

    /**
     * The version a form was opened at: 0 when missing (a new one); -1, which no stored version has, when it is
     * not a number, so that a save based on it is refused as stale.
     */
    public static long parseVersion(String version) {
        try {
            return version == null ? 0 : Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A choice by its constant's name: null when blank or not one of the type's constants. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One option of a select field: its value, its label, and whether it is the one chosen. */
    public static Map<String, Object> option(String value, String label, String selected) {
        Map<String, Object> option = new HashMap<>();
        option.put("value", value);
        option.put("label", label);
        option.put("selected", value.equals(selected));
        return option;
    }
}
