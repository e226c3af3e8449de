package org.civitas.sharing;

import java.time.Instant;
import java.util.List;

/** Where grants are kept. */
public interface Grants {

    void create(Grant grant);

    /** Every grant {@code person} gave, newest first, revoked and expired ones too. */
    List<Grant> givenBy(String person);

    /** The grants made out to {@code party} that are active at {@code at}, newest first. */
    List<Grant> activeFor(String party, Instant at);

    /** The grants {@code person} gave {@code party} that are active at {@code at}, newest first. */
    List<Grant> active(String person, String party, Instant at);

    /** Revokes grant {@code id} of {@code person}; false if they gave no such grant or it was revoked already. */
    boolean revoke(String id, String person, Instant at);
}
