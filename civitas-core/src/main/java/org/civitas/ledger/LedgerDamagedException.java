package org.civitas.ledger;

import org.civitas.CivitasException;

/** The ledger's chain is broken: an entry was altered, dropped or moved. Nothing is written to a damaged ledger. */
public final class LedgerDamagedException extends CivitasException {

    private final Damage damage;

    public LedgerDamagedException(Damage damage) {
        super("the ledger is damaged: " + damage + "; nothing was changed. Run 'civitas verify' for details.");
        this.damage = damage;
    }

    public Damage damage() {
        return damage;
    }
}
