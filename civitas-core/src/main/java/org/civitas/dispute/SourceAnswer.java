package org.civitas.dispute;

import java.time.Instant;
import java.util.Objects;

/** What the source of a disputed event answered, with its own evidence. */
public record SourceAnswer(String text, Instant answeredAt) {

    public SourceAnswer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }
}
