package org.civitas.ledger;

import java.io.Closeable;

/** Hands out a chain's committed entries in order, and later those committed since. One reader per tail. */
public interface ChainTail extends Closeable {

    /** The position of the next entry this tail will hand out. */
    long position();

    /**
     * Hands up to {@code max} committed entries, from {@link #position()} on, to {@code visitor}, and those that are
     * not readable events to {@code unreadable}; returns how many entries were handed out, of either kind.
     */
    int poll(int max, FileLedger.EventVisitor visitor, FileLedger.UnreadableVisitor unreadable);
}
