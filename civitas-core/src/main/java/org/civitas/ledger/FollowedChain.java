package org.civitas.ledger;

/**
 * One chain of committed ledger entries, as a projection follows it: the file ledger, or one partition of the Kafka
 * runtime's ledger topic. Positions are entry numbers, unique among all the chains a server follows, so that an
 * entry's position names it in the vault.
 */
public interface FollowedChain {

    /** The chain's name, unique among those a server follows: projections record their positions under it. */
    String name();

    /** The position of the chain's first entry. */
    long start();

    /** The position after the last committed entry, as far as this chain knows it now. */
    long committed();

    /**
     * Calls {@code listener} after entries are committed, if the chain hears of it; it should only signal, not work.
     * A chain that does not hear of commits is polled.
     */
    void onCommit(Runnable listener);

    /** A reader of the committed entries from {@code position} on, which follows new commits. */
    ChainTail tail(long position);
}
