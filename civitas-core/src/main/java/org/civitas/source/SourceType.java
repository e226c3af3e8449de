package org.civitas.source;

import java.util.Objects;

/** An event type a source may send, and the category its events belong to. */
public record SourceType(String type, String category) {

    public SourceType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
    }
}
