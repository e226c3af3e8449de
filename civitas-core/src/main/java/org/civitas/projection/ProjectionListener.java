package org.civitas.projection;

import org.civitas.vault.VaultEvent;

/** Hears what the projector has just done: a server shows it on its person's open pages. */
public interface ProjectionListener {

    /** {@code event} is in its person's vault now. */
    void kept(VaultEvent event);

    /** A rule matched an event of {@code person}'s: their score may have changed. */
    void scored(String person);
}
