package org.civitas.event;

import java.util.Objects;

/** What identifies an event: the same source and id again is the same event, whatever its content. */
public record EventKey(String source, String id) {

    public EventKey {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return source + "/" + id;
    }
}
