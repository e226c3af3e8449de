package org.civitas.ledger;

/**
 * What an append did: how many events are now in the ledger, numbered from {@code firstSequence} on, and how many
 * were already there.
 */
public record AppendResult(int accepted, int duplicates, long firstSequence) {

    /** The sequence number just after the last accepted event. */
    public long endSequence() {
        return firstSequence + accepted;
    }
}
