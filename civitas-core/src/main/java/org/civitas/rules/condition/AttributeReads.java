package org.civitas.rules.condition;

import java.util.Set;

/**
 * Which event attributes a condition reads, for the constitution's checks.
 *
 * @param names every attribute name the condition reads by name, at any depth
 * @param unnamedAccess whether the condition also reaches attributes without naming them (iterating over them,
 *     indexing with a computed key), so no one can tell what it reads
 */
public record AttributeReads(Set<String> names, boolean unnamedAccess) {

    public static final AttributeReads NONE = new AttributeReads(Set.of(), false);

    public AttributeReads {
        names = Set.copyOf(names);
    }
}
