package org.civitas.ledger;

/**
 * Where an entry stands among all the chains a server follows, in one number: the high bits name the chain (a
 * partition of the Kafka ledger topic; the file ledger is chain 0), the low {@value #PLACE_BITS} bits the entry's
 * place in it (a sequence number, or an offset). A chain has room for a trillion places.
 */
public final class LedgerPositions {

    public static final int PLACE_BITS = 40;

    private LedgerPositions() {
    }

    /** The position of the entry at {@code place} in chain {@code chain}. */
    public static long of(int chain, long place) {
        if (chain < 0 || place < 0 || place >= 1L << PLACE_BITS) {
            throw new IllegalArgumentException("no position for place " + place + " of chain " + chain);
        }
        return ((long) chain << PLACE_BITS) + place;
    }

    /** The chain of the entry at {@code position}. */
    public static int chainOf(long position) {
        return (int) (position >>> PLACE_BITS);
    }
}
