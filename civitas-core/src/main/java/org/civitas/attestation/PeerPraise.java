package org.civitas.attestation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.civitas.ConflictException;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.event.Attributes;
import org.civitas.event.CivitasEntries;
import org.civitas.event.Event;
import org.civitas.ledger.LedgerAppender;
import org.civitas.residence.Residence;
import org.civitas.residence.Residents;
import org.civitas.rules.AttestationKind;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBooks;

/**
 * Where residents praise each other: a resident attests a good deed by another, of a kind the books where that person
 * lives list; the person confirms it, and only then is it an event in the ledger, which a rule may reward, or declines
 * it, and it is gone. Against gaming: at most {@value #MAX_PER_WEEK} attestations given a week, one per pair in
 * {@link #PAIR_PERIOD}, and two people who praise each other within it count once.
 */
public final class PeerPraise {

    public static final int MAX_PER_WEEK = 3;
    public static final Duration WEEK = Duration.ofDays(7);
    public static final Duration PAIR_PERIOD = Duration.ofDays(30);
    public static final int MAX_NOTE = 500;
    private static final Pattern ATTESTATION_ID = Pattern.compile("[0-9a-f-]{36}");

    private final Attestations attestations;
    private final Residents residents;
    private final Supplier<RuleBooks> books;
    private final LedgerAppender ledger;
    private final Clock clock;

    public PeerPraise(Attestations attestations, Residents residents, Supplier<RuleBooks> books, LedgerAppender ledger,
            Clock clock) {
        this.attestations = attestations;
        this.residents = residents;
        this.books = books;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A kind of good deed, from the catalogue of {@code jurisdiction}'s book. */
    public record Kind(String jurisdiction, String id, String title) {
    }

    /** Every book's catalogue of good deeds, in public. */
    public List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>();
        for (RuleBook book : books.get().all()) {
            for (AttestationKind kind : book.attestations()) {
                kinds.add(new Kind(book.jurisdiction(), kind.id(), kind.title()));
            }
        }
        return kinds;
    }

    /**
     * {@code giver}'s attestation of a good deed by {@code person}, of a kind listed where {@code person} lives; it
     * waits for {@code person} to confirm it.
     */
    public Attestation attest(String giver, String person, String kind, String note) {
        String text = Objects.requireNonNullElse(note, "").strip();
        if (text.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "at most " + MAX_NOTE + " characters, not " + text.length());
        }
        if (person == null || person.isBlank()) {
            throw new InvalidInputException("person", "required: the person whose good deed you attest");
        }
        if (person.equals(giver)) {
            throw new InvalidInputException("person", "a good deed of your own is for someone else to attest");
        }
        if (residents.residenceOf(giver).isEmpty()) {
            throw new InvalidInputException("person", "only residents attest: no registry has recorded where you"
                    + " live");
        }
        Residence home = residents.residenceOf(person).orElseThrow(() -> new InvalidInputException("person",
                "no registry has recorded '" + person + "' as living anywhere"));
        List<String> listed = books.get().lineage(home.jurisdiction()).stream()
                .flatMap(book -> book.attestations().stream()).map(AttestationKind::id).toList();
        if (!listed.contains(kind)) {
            throw new InvalidInputException("kind", "'" + kind + "' is not a kind of good deed where they live;"
                    + " there are " + (listed.isEmpty() ? "none" : String.join(", ", listed)));
        }
        Instant now = clock.instant();
        if (attestations.givenSince(giver, now.minus(WEEK)) >= MAX_PER_WEEK) {
            throw new ConflictException("you have given " + MAX_PER_WEEK + " attestations in the past 7 days, as"
                    + " many as anyone may");
        }
        if (attestations.givenTo(giver, person, now.minus(PAIR_PERIOD))) {
            throw new ConflictException("you have attested a good deed of theirs in the past 30 days; one a month"
                    + " per person is the most");
        }
        Attestation attestation = new Attestation(UUID.randomUUID().toString(), giver, person, home.jurisdiction(),
                kind, text, now, Optional.empty(), false);
        attestations.create(attestation);
        return attestation;
    }

    /** The attestations {@code person} gave or was given, newest first: they exist for those two alone. */
    public List<Attestation> involving(String person) {
        return attestations.involving(person);
    }

    /**
     * {@code person}'s answer to an attestation of them: confirmed, it is recorded in the ledger (unless they had
     * praised the giver within {@link #PAIR_PERIOD} already, so that the pair counts once); declined, it is deleted
     * and leaves no trace. Returns the confirmed attestation, or empty for one declined.
     */
    public Optional<Attestation> answer(String person, String id, boolean confirm) {
        Attestation attestation = Optional.of(id).filter(given -> ATTESTATION_ID.matcher(given).matches())
                .flatMap(attestations::find).filter(found -> found.person().equals(person))
                .orElseThrow(() -> new NotFoundException("no attestation of you with id '" + id + "'"));
        if (attestation.confirmed()) {
            throw new ConflictException("you have confirmed this attestation already");
        }
        if (!confirm) {
            if (!attestations.delete(id)) {
                throw new ConflictException("this attestation was answered meanwhile");
            }
            return Optional.empty();
        }
        Instant now = clock.instant();
        boolean counted = !attestations.counted(person, attestation.giver(), now.minus(PAIR_PERIOD));
        if (counted) {
            ledger.append(List.of(new Event("attestation-" + id, CivitasEntries.ATTESTATIONS, person,
                    CivitasEntries.ATTESTATION_CONFIRMED, now, attestation.jurisdiction(),
                    Attributes.of(Map.of("kind", attestation.kind())))));
        }
        if (!attestations.confirm(id, now, counted)) {
            throw new ConflictException("this attestation was answered meanwhile");
        }
        return attestations.find(id);
    }
}
