package org.civitas.ledger;

import java.util.List;
import org.civitas.event.Event;

/**
 * What an append did: the events now in the ledger, in order, numbered from {@code firstSequence}, and how many
 * were already there.
 */
public record AppendResult(List<Event> accepted, int duplicates, long firstSequence) {

    public AppendResult {
        accepted = List.copyOf(accepted);
    }

    /** The sequence number just after the last accepted event. */
    public long endSequence() {
        return firstSequence + accepted.size();
    }
}
