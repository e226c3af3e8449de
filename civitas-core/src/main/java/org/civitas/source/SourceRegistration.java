package org.civitas.source;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a data source registered: the event types it may send, and the category each type belongs to.
 *
 * @param source the source's name, as its events give it
 * @param categoryByType the category of each type it may send
 */
public record SourceRegistration(String source, Map<String, String> categoryByType) {

    /** What a source's, a type's or a category's name may be. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** How {@link #NAME} reads to a person. */
    public static final String NAME_RULE = "1 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit";

    public SourceRegistration {
        Objects.requireNonNull(source, "source");
        categoryByType = Collections.unmodifiableMap(new TreeMap<>(categoryByType));
    }

    public Optional<String> categoryOf(String type) {
        return Optional.ofNullable(categoryByType.get(type));
    }
}
