package org.civitas.support;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civitas.ConflictException;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.account.Actor;
import org.civitas.event.Attributes;
import org.civitas.event.CivitasEntries;
import org.civitas.event.Event;
import org.civitas.ledger.LedgerAppender;
import org.civitas.officials.Act;
import org.civitas.officials.OfficialRecord;
import org.civitas.residence.Residence;
import org.civitas.residence.Residents;
import org.civitas.sharing.Grant;
import org.civitas.sharing.Sharing;

/**
 * Help that counts: a person accepts an offer, sharing with the case the categories of their data they choose and
 * nothing else; a case worker reads those (each look in the person's access log), records the steps taken and the
 * outcome, the programme the person completed; once the person confirms it, the ledger records a
 * {@code support-completed} event of theirs, which a rule may reward and never punish, and the case shares no more.
 */
public final class SupportCases {

    /** The longest note a case worker records, in characters. */
    public static final int MAX_NOTE = 2_000;

    private final SupportOffers store;
    private final Sharing sharing;
    private final OfficialRecord officials;
    private final Residents residents;
    private final LedgerAppender ledger;
    private final Clock clock;

    public SupportCases(SupportOffers store, Sharing sharing, OfficialRecord officials, Residents residents,
            LedgerAppender ledger, Clock clock) {
        this.store = store;
        this.sharing = sharing;
        this.officials = officials;
        this.residents = residents;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Records {@code person}'s answer to their open offer {@code id}; accepting it shares their events of the
     * categories in {@code share} (perhaps none) with the case. Refuses an offer that is not theirs or not open, and a
     * category that is not one, before anything is recorded.
     */
    public SupportOffer answer(String person, String id, SupportOffer.Status answer, List<String> share) {
        if (mine(person, id).status() != SupportOffer.Status.OPEN || !SupportOffer.Status.OPEN.canBecome(answer)) {
            throw notOpen(id);
        }
        if (answer == SupportOffer.Status.DECLINED && !share.isEmpty()) {
            throw new InvalidInputException("share", "a declined offer shares nothing");
        }
        sharing.checkCategories("share", share);
        Optional<Grant> grant = share.isEmpty() ? Optional.empty()
                : Optional.of(sharing.shareWithCase(person, id, share));
        if (!store.answer(id, person, answer, clock.instant())) {
            grant.ifPresent(answeredMeanwhile -> sharing.revoke(person, answeredMeanwhile.id()));
            throw notOpen(id);
        }
        return mine(person, id);
    }

    private static NotFoundException notOpen(String id) {
        return new NotFoundException("you have no open offer of help with id '" + id + "'");
    }

    /** The open case {@code id}, for a case worker; not found if there is no such case or it is over. */
    public SupportOffer openCase(String id) {
        return store.accepted().stream().filter(accepted -> accepted.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("no open case with id '" + id + "'"));
    }

    /** The categories the person of case {@code offer} shares with it now: what a case worker may read. */
    public Set<String> shared(SupportOffer offer) {
        return sharing.sharedWithCase(offer.person(), offer.id());
    }

    /**
     * Opens to {@code caseWorker} what the person of the open case {@code id} shares with it: the case, and the
     * categories (each look logged for the person and in the official record). Not found if they share nothing.
     */
    public Shared open(Actor caseWorker, String id) {
        SupportOffer offer = openCase(id);
        return new Shared(offer, sharing.openCase(caseWorker, offer.person(), id));
    }

    /** A case and the categories of data its person shares with it. */
    public record Shared(SupportOffer offer, Set<String> categories) {
    }

    /**
     * {@code caseWorker}'s note on an accepted case: a step taken, or the outcome (the programme the person completed),
     * which the person then confirms. An act of the official record.
     */
    public CaseNote note(Actor caseWorker, String id, String kindName, String text) {
        SupportOffer offer = openCase(id);
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
        String what = kind == CaseNote.Kind.STEP ? "a step" : "the outcome";
        officials.record(caseWorker, Act.CASE_NOTED, "recorded " + what + " in a support case (" + offer.kind() + ")",
                Optional.of(offer.person()));
        return recorded;
    }

    /** The notes on {@code person}'s case {@code id}, oldest first: theirs to read. */
    public List<CaseNote> notes(String person, String id) {
        mine(person, id);
        return store.notes(id);
    }

    /**
     * {@code person}'s confirmation that they completed the programme their case's outcome names: the ledger records
     * a {@code support-completed} event, which a rule may reward, and the case is completed.
     */
    public SupportOffer confirmCompletion(String person, String id) {
        SupportOffer offer = mine(person, id);
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
        sharing.endCase(person, id);
        return mine(person, id);
    }

    private SupportOffer mine(String person, String id) {
        return store.offersTo(person).stream().filter(offer -> offer.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("you have no case with id '" + id + "'"));
    }
}
