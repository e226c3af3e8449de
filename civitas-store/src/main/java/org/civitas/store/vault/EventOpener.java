package org.civitas.store.vault;

import org.civitas.vault.VaultEvent;

/**
 * Turns an event as the vault keeps it into the event as its reader sees it: personal-only attributes are kept
 * sealed, and opened only on their way out.
 */
@FunctionalInterface
public interface EventOpener {

    /** Keeps the attributes as they are stored. */
    EventOpener AS_STORED = event -> event;

    VaultEvent open(VaultEvent stored);
}
