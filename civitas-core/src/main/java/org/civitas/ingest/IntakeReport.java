package org.civitas.ingest;

import org.civitas.ndjson.RefusedLines;

/**
 * What an intake took.
 *
 * @param accepted events new to the ledger, now durable in it
 * @param duplicates events the ledger held already (the same source and id), counted once
 * @param refused the lines refused, with why
 * @param endSequence the ledger's size once the last of them was written: where a reader has seen them all
 */
public record IntakeReport(long accepted, long duplicates, RefusedLines refused, long endSequence) {

    /** How many events were taken: new or already held. */
    public long taken() {
        return accepted + duplicates;
    }
}
