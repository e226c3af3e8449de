package org.civitas.ledger;

import org.civitas.CivitasException;

/** A reader that was not told what to do with an unreadable entry met one. */
public final class UnreadableEntryException extends CivitasException {

    private final UnreadableEntry entry;

    public UnreadableEntryException(UnreadableEntry entry) {
        super("ledger " + entry + "; the chain is sound, so 'civitas verify' names every such entry");
        this.entry = entry;
    }

    public UnreadableEntry entry() {
        return entry;
    }
}
