package org.civitas.ledger;

/**
 * What the ledger has committed: how many entries, and the hash of the last one. Entries up to the head were
 * acknowledged and must be intact; anything after it is an unfinished write.
 */
record Head(long entries, byte[] lastHash) {

    static final Head EMPTY = new Head(0, Chain.GENESIS);
}
