package org.civitas.ledger;

import java.util.List;

/** What an append did: the events now durably in the ledger, in order, and how many were already there. */
public record AppendResult(List<org.civitas.event.Event> accepted, int duplicates) {

    public AppendResult {
        accepted = List.copyOf(accepted);
    }
}
