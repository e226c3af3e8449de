package org.civitas.event;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The category each event type belongs to, as its source declared it: what a rule book and an access check need to
 * know about a type they have never seen an event of.
 */
public record EventCategories(Map<String, String> categoryByType) {

    /** Nothing known: every type's category is unknown. */
    public static final EventCategories UNKNOWN = new EventCategories(Map.of());

    public EventCategories {
        categoryByType = Map.copyOf(categoryByType);
    }

    public Optional<String> categoryOf(String type) {
        return Optional.ofNullable(categoryByType.get(type));
    }

    /** These categories and {@code more}; a type in both keeps the category {@code more} gives it. */
    public EventCategories with(Map<String, String> more) {
        Map<String, String> merged = new TreeMap<>(categoryByType);
        merged.putAll(more);
        return new EventCategories(merged);
    }
}
