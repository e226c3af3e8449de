package org.civitas.ledger;

import java.util.Optional;

/**
 * What walking a ledger's whole chain found.
 *
 * @param entries how many sound entries the chain holds before any damage
 * @param headHash the hash of the last sound entry, in hex: it stands for the whole ledger up to there
 * @param damage the first problem found, if any
 */
public record Verification(long entries, String headHash, Optional<Damage> damage) {

    /** Whether no entry was altered, dropped or reordered. An unfinished, unacknowledged write is not damage. */
    public boolean intact() {
        return damage.map(found -> !found.breaksTheChain()).orElse(true);
    }
}
