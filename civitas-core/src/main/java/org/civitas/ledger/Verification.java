package org.civitas.ledger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What walking a ledger's whole chain found.
 *
 * @param entries how many sound entries the chain holds before any damage
 * @param headHash the hash of the last sound entry, in hex: it stands for the whole ledger up to there
 * @param damage the first problem found, if any
 * @param unreadable the first {@value #MAX_NAMED} entries that are sound in the chain but cannot be read as events
 * @param unreadableCount how many such entries there are in all
 */
public record Verification(long entries, String headHash, Optional<Damage> damage, List<UnreadableEntry> unreadable,
        long unreadableCount) {

    /** How many unreadable entries a verification names; beyond that it only counts them. */
    public static final int MAX_NAMED = 100;

    public Verification {
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(damage, "damage");
        unreadable = List.copyOf(unreadable);
    }

    /** Whether no entry was altered, dropped or reordered. An unfinished, unacknowledged write is not damage. */
    public boolean intact() {
        return damage.map(found -> !found.breaksTheChain()).orElse(true);
    }

    /** Whether every sound entry can be read as an event. */
    public boolean readable() {
        return unreadableCount == 0;
    }
}
