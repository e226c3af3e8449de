package org.civitas.scoring;

import java.util.Objects;

/**
 * A ledger entry that counts for no one because it could not be scored: it could not be read as an event, or its
 * attributes could not be read by a rule that needed them.
 *
 * @param sequence the entry's place in the ledger
 * @param reason why, in words
 */
public record SetAside(long sequence, String reason) {

    public SetAside {
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "entry " + sequence + ": " + reason;
    }
}
