package org.civitas.support;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Where offers of help are kept. */
public interface SupportOffers {

    /** Keeps new offers, all or none. */
    void open(List<SupportOffer> offers);

    /** The offers made to {@code person}, newest first. */
    List<SupportOffer> offersTo(String person);

    /** Everyone offered help at or after {@code since}, whatever their answer. */
    Set<String> peopleWithOffersSince(Instant since);

    /**
     * Records {@code person}'s answer to their offer {@code id} if it is still open; says whether it was. Two
     * answers at once: one wins, the other finds the offer answered.
     */
    boolean answer(String id, String person, SupportOffer.Status answer, Instant at);

    /** The offers accepted, the cases for case workers. */
    List<SupportOffer> accepted();

    /** Keeps a case worker's note on a case. */
    void note(CaseNote note);

    /** The notes on a case, oldest first. */
    List<CaseNote> notes(String offer);

    /** Completes {@code person}'s case {@code id}; false if it was not an accepted case of theirs. */
    boolean complete(String id, String person, Instant at);
}
