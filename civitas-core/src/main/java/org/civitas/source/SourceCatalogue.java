package org.civitas.source;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.civitas.event.EventCategories;

/**
 * The sources registered in one place, by name. A type has one category, whichever source sends it.
 *
 * @param bySource each registration, by its source's name
 */
public record SourceCatalogue(Map<String, SourceRegistration> bySource) {

    public static final SourceCatalogue EMPTY = new SourceCatalogue(Map.of());

    /** The category of events whose source or type was never registered. */
    public static final String UNCATEGORISED = "uncategorised";

    public SourceCatalogue {
        bySource = Collections.unmodifiableMap(new TreeMap<>(bySource));
    }

    public static SourceCatalogue of(Collection<SourceRegistration> registrations) {
        Map<String, SourceRegistration> bySource = new TreeMap<>();
        registrations.forEach(registration -> bySource.put(registration.source(), registration));
        return new SourceCatalogue(bySource);
    }

    public Optional<SourceRegistration> find(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    /** The category {@code source} registered {@code type} under, if it did. */
    public Optional<String> categoryOf(String source, String type) {
        SourceRegistration registration = bySource.get(source);
        return registration == null ? Optional.empty() : registration.categoryOf(type);
    }

    /** The category {@code source} registered {@code type} under, or {@link #UNCATEGORISED}. */
    public String category(String source, String type) {
        return categoryOf(source, type).orElse(UNCATEGORISED);
    }

    /** Every registration, by source name. */
    public List<SourceRegistration> all() {
        return List.copyOf(bySource.values());
    }

    public boolean isEmpty() {
        return bySource.isEmpty();
    }

    /** These sources and {@code more}; a source in both is registered as {@code more} has it. */
    public SourceCatalogue with(SourceCatalogue more) {
        Map<String, SourceRegistration> merged = new TreeMap<>(bySource);
        merged.putAll(more.bySource);
        return new SourceCatalogue(merged);
    }

    /** The category of every registered type, for checking rule books. */
    public EventCategories categories() {
        Map<String, String> categories = new TreeMap<>();
        bySource.values().forEach(registration -> categories.putAll(registration.categoryByType()));
        return new EventCategories(categories);
    }

    /**
     * The category another source registered {@code type} under, if it is not {@code category}: registering the
     * type again under {@code category} would give it two.
     */
    public Optional<String> conflictingCategory(String type, String category) {
        return bySource.values().stream()
                .flatMap(registration -> registration.categoryOf(type).stream())
                .filter(earlier -> !earlier.equals(category))
                .findFirst();
    }
}
