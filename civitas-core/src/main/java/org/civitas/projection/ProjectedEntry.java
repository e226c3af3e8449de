package org.civitas.projection;

import java.util.Optional;
import org.civitas.residence.Residence;
import org.civitas.vault.SetAsideEntry;
import org.civitas.vault.VaultEvent;

/** What projecting one ledger entry gives the vault: an event to keep, or the entry set aside with why. */
sealed interface ProjectedEntry {

    /** The entry's place in the ledger. */
    long sequence();

    /**
     * An event for its person's vault.
     *
     * @param residence where its person lives, if it is a registry's record of that
     */
    record Kept(VaultEvent event, Optional<Residence> residence) implements ProjectedEntry {

        @Override
        public long sequence() {
            return event.sequence();
        }
    }

    /** An entry the vault cannot take in. */
    record SetAside(SetAsideEntry entry) implements ProjectedEntry {

        @Override
        public long sequence() {
            return entry.sequence();
        }
    }
}
