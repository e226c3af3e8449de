package org.civitas.ledger;

import java.util.List;
import org.civitas.event.Event;

/** What an append did: the events now durably in the ledger, in order, and how many were already there. */
public record AppendResult(List<Event> accepted, int duplicates) {

    public AppendResult {
        accepted = List.copyOf(accepted);
    }
}
