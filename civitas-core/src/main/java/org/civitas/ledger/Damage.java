package org.civitas.ledger;

import java.nio.file.Path;

/**
 * The first thing wrong in a ledger: which entry, where, and what happened to it.
 *
 * @param sequence the entry's number, counting from 0
 * @param offset the byte in {@code segment} where the problem shows
 */
public record Damage(Kind kind, long sequence, Path segment, long offset, String description) {

    public enum Kind {
        /** An entry's content changed after it was written. */
        ALTERED,
        /** Entries are missing. */
        DROPPED,
        /** Entries are out of order. */
        REORDERED,
        /** An append was cut off before it was acknowledged, by a crash: not tampering, and repaired on next open. */
        UNFINISHED_WRITE
    }

    /** Whether this is evidence of tampering or loss, rather than an interrupted, unacknowledged write. */
    public boolean breaksTheChain() {
        return kind != Kind.UNFINISHED_WRITE;
    }

    @Override
    public String toString() {
        return description + " (" + segment.getFileName() + " at byte " + offset + ")";
    }
}
