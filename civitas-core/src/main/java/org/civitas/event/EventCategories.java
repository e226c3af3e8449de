package org.civitas.event;

import java.util.Map;
import java.util.Optional;

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
}
