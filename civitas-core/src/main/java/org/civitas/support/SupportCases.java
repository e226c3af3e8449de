package org.civitas.support;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.ConflictException;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.account.Actor;
import org.civitas.event.Attributes;
import org.civitas.event.CivitasEntries;
import org.civitas.event.Event;
import org.civitas.ledger.FileLedger;
import org.civitas.officials.Act;
import org.civitas.officials.OfficialRecord;
import org.civitas.residence.Residence;
import org.civitas.residence.Residents;

/**
 * Help that counts: in an accepted case, a case worker records the steps taken and the outcome, the programme the
 * person completed; once the person confirms it, the ledger records a {@code support-completed} event of theirs,
 * which a rule may reward and never punish.
 */
public final class SupportCases {

    /** The longest note a case worker records, in characters. */
    public static final int MAX_NOTE = 2_000;

    private final SupportOffers store;
    private final OfficialRecord officials;
    private final Residents residents;
    private final FileLedger ledger;
    private final Clock clock;

    public SupportCases(SupportOffers store, OfficialRecord officials, Residents residents, FileLedger ledger,
            Clock clock) {
        this.store = store;
        this.officials = officials;
        this.residents = residents;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * {@code caseWorker}'s note on an accepted case: a step taken, or the outcome (the programme the person completed),
     * which the person then confirms. An act of the official record.
     */
    public CaseNote note(Actor caseWorker, String id, String kindName, String text) {
        SupportOffer offer = store.accepted().stream().filter(accepted -> accepted.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("no open case with id '" + id + "'"));
        CaseNote.Kind kind = Arrays.stream(CaseNote.Kind.values()).filter(named -> named.id().equals(kindName))
                .findFirst().orElseThrow(() -> new InvalidInputException("kind", "step or outcome, not '" + kindName
                        + "'"));
        String note = text == null ? "" : text.strip();
        if (note.isEmpty() || note.length() > MAX_NOTE) {
            throw new InvalidInputException("text", note.isEmpty() ? "required: what was done, in plain text"
                    : "at most " + MAX_NOTE + " characters, not " + note.length());
        }
        CaseNote recorded = new CaseNote(id, clock.instant(), caseWorker.badge(), kind, note);
        store.note(recorded);
        officials.record(caseWorker, Act.CASE_NOTED, "recorded a " + kind.id() + " in a support case ("
                + offer.kind() + ")", Optional.of(offer.person()));
        return recorded;
    }

    /** The notes on {@code person}'s case {@code id}, oldest first: theirs to read. */
    public List<CaseNote> notes(String person, String id) {
        if (store.offersTo(person).stream().noneMatch(offer -> offer.id().equals(id))) {
            throw new NotFoundException("you have no case with id '" + id + "'");
        }
        return store.notes(id);
    }

    /**
     * {@code person}'s confirmation that they completed the programme their case's outcome names: the ledger records
     * a {@code support-completed} event, which a rule may reward, and the case is completed.
     */
    public SupportOffer confirmCompletion(String person, String id) {
        SupportOffer offer = store.offersTo(person).stream().filter(mine -> mine.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("you have no case with id '" + id + "'"));
        offer.status().moveTo(SupportOffer.Status.COMPLETED);
        CaseNote outcome = store.notes(id).stream().filter(note -> note.kind() == CaseNote.Kind.OUTCOME)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new ConflictException("your case worker has recorded no outcome to confirm yet"));
        Residence home = residents.residenceOf(person).orElseThrow(() -> new ConflictException("no registry has"
                + " recorded where you live, so the completion cannot be recorded where you are scored"));
        Instant now = clock.instant();
        ledger.append(List.of(new Event("support-completed-" + id, CivitasEntries.SUPPORT, person,
                CivitasEntries.SUPPORT_COMPLETED, now, home.jurisdiction(), Attributes.of(Map.of("kind",
                        offer.kind(), "programme", outcome.text())))));
        if (!store.complete(id, person, now)) {
            throw new ConflictException("this case was completed meanwhile");
        }
        return store.offersTo(person).stream().filter(mine -> mine.id().equals(id)).findFirst().orElseThrow();
    }
}
