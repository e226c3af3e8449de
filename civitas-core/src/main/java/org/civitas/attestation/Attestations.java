package org.civitas.attestation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where attestations are kept while they wait, and once confirmed; a declined one is deleted. */
public interface Attestations {

    void create(Attestation attestation);

    Optional<Attestation> find(String id);

    /** The attestations {@code person} gave or was given, newest first. */
    List<Attestation> involving(String person);

    /** How many attestations {@code giver} gave since {@code since}, waiting or confirmed. */
    int givenSince(String giver, Instant since);

    /** Whether {@code giver} attested something of {@code person} since {@code since}, waiting or confirmed. */
    boolean givenTo(String giver, String person, Instant since);

    /** Whether an attestation by {@code giver} of {@code person} was confirmed and counted since {@code since}. */
    boolean counted(String giver, String person, Instant since);

    /** Confirms a waiting attestation; false if it was no longer waiting. */
    boolean confirm(String id, Instant at, boolean counted);

    /** Deletes a waiting attestation; false if it was no longer waiting. */
    boolean delete(String id);
}
