package org.civitas.store.vault;

import java.util.List;
import java.util.Optional;
import org.civitas.vault.VaultEvent;

/** One page of a person's events, and where the next page starts if there is one. */
public record VaultPage(List<VaultEvent> events, Optional<VaultCursor> next) {

    public VaultPage {
        events = List.copyOf(events);
    }
}
