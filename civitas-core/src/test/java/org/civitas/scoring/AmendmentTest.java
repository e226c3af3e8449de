package org.civitas.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.CivitasException;
import org.civitas.event.Attributes;
import org.civitas.event.CivitasEntries;
import org.civitas.event.Event;
import org.civitas.event.EventKey;
import org.junit.jupiter.api.Test;

/**
 * Disputes reach every score through the ledger: while one is open the event counts nothing and is no offence that
 * warns or caps a later one; upheld, it counts again; corrected, it counts as corrected; removed, never again. The
 * score board, fed entry by entry or matched again after the books change, gives what a pass over the ledger gives.
 */
class AmendmentTest {

    private static final String BOOK = ScoringFixture.book("""
              - id: traffic.speeding
                title: Speeding
                category: traffic
                on: speeding
                when: 'event.attributes.kmhOver > 10'
                points: -6
                halfLife: P90D
                warnFirst: P365D
            """);
    private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");
    private static final Event JUNE = ScoringFixture.event("june", "p-1", "speeding", "2026-06-01T08:00:00Z",
            Map.of("kmhOver", 30));
    private static final Event JULY = ScoringFixture.event("july", "p-1", "speeding", "2026-07-01T08:00:00Z",
            Map.of("kmhOver", 25));

    private static Event amendment(Amendment.Kind kind, Event target, Optional<Event> correction) {
        return new Amendment(kind, target.key(), "d-" + target.id(), correction).entry(target.person(),
                target.jurisdiction(), Instant.parse("2026-08-01T00:00:00Z"));
    }

    private static Event opened(Event target) {
        return amendment(Amendment.Kind.DISPUTED, target, Optional.empty());
    }

    private static Event resolved(Amendment.Kind kind, Event target) {
        return amendment(kind, target, Optional.empty());
    }

    private static Event corrected(Event target, Map<String, ?> attributes) {
        return new Amendment(Amendment.Kind.CORRECTED, target.key(), "d-" + target.id(), Optional.of(new Event(
                target.id(), target.source(), target.person(), target.type(), target.occurredAt(),
                target.jurisdiction(), Attributes.of(attributes)))).entry(target.person(), target.jurisdiction(),
                Instant.parse("2026-08-02T00:00:00Z"));
    }

    /** Each contribution as event=granted, "(disputed)" or "(warning)" beside it. */
    private static List<String> scored(List<Event> ledger) {
        PersonScore score = ScoringFixture.scoreOf(ScoringFixture.score(ScoringFixture.scorer(BOOK), AT.toString(),
                ledger), "p-1");
        List<String> shown = new ArrayList<>();
        for (Contribution contribution : score.contributions()) {
            shown.add(contribution.event() + "=" + contribution.granted() + (contribution.disputed() ? " (disputed)"
                    : contribution.warning() ? " (warning)" : ""));
        }
        assertThat(new ScoreBoardFed(ledger).score()).as("the score board agrees").isEqualTo(score);
        return shown;
    }

    @Test
    void aDisputedEventCountsNothingAndWarnsOfNothingWhileItsDisputeIsOpen() {
        assertThat(scored(List.of(JUNE, JULY))).containsExactly("june=0 (warning)", "july=-6");

        assertThat(scored(List.of(JUNE, JULY, opened(JUNE)))).as("July's offence is now the first")
                .containsExactly("june=0 (disputed)", "july=0 (warning)");
    }

    @Test
    void anUpheldEventCountsAgainAsItWas() {
        assertThat(scored(List.of(JUNE, JULY, opened(JULY), resolved(Amendment.Kind.UPHELD, JULY))))
                .containsExactly("june=0 (warning)", "july=-6");
    }

    @Test
    void aRemovedEventNeverCountsAgain() {
        assertThat(scored(List.of(JUNE, JULY, opened(JUNE), resolved(Amendment.Kind.REMOVED, JUNE))))
                .containsExactly("july=0 (warning)");
    }

    @Test
    void aRemovedEventThatItsSourceReinstatesCountsAgain() {
        assertThat(scored(List.of(JUNE, JULY, opened(JUNE), resolved(Amendment.Kind.REMOVED, JUNE),
                resolved(Amendment.Kind.REINSTATED, JUNE)))).containsExactly("june=0 (warning)", "july=-6");
    }

    @Test
    void aCorrectedEventCountsAsCorrected() {
        assertThat(scored(List.of(JUNE, JULY, opened(JULY), corrected(JULY, Map.of("kmhOver", 5)))))
                .as("5 km/h over matches no rule").containsExactly("june=0 (warning)");
        assertThat(scored(List.of(JUNE, opened(JUNE), corrected(JUNE, Map.of("kmhOver", 12)), JULY)))
                .containsExactly("june=0 (warning)", "july=-6");
    }

    @Test
    void anEntryThatClaimsToBeAnAmendmentButIsNotReadableCountsForNoOne() {
        Event forged = new Event("x", CivitasEntries.SOURCE, "p-1", CivitasEntries.DISPUTE_RESOLVED, AT, "lakeside",
                Attributes.of(Map.of("dispute", "d", "source", "src", "event", "june", "outcome", "forgiven")));
        ScoreBoard board = new ScoreBoard(ScoringFixture.scorer(BOOK));

        assertThatThrownBy(() -> Amendment.of(forged)).isInstanceOf(CivitasException.class)
                .hasMessageContaining("upheld, corrected or removed");
        board.accept(JUNE, 0);
        board.accept(forged, 1);
        assertThat(board.setAside()).singleElement().satisfies(aside -> assertThat(aside.sequence()).isEqualTo(1));
        assertThat(Amendment.of(JUNE)).isEmpty();
    }

    @Test
    void anAmendmentReadsBackFromItsEntry() {
        Event entry = corrected(JUNE, Map.of("kmhOver", 12));

        Amendment read = Amendment.of(entry).orElseThrow();

        assertThat(read.kind()).isEqualTo(Amendment.Kind.CORRECTED);
        assertThat(read.target()).isEqualTo(new EventKey("src", "june"));
        assertThat(read.correction().orElseThrow().attributes().asMap()).isEqualTo(Map.of("kmhOver", 12L));
        assertThat(read.correction().orElseThrow().occurredAt()).isEqualTo(JUNE.occurredAt());
        assertThat(entry.source()).isEqualTo(CivitasEntries.SOURCE);
    }

    /** A score board fed the ledger entry by entry, and one that matched it all again under the same books. */
    private record ScoreBoardFed(List<Event> ledger) {

        PersonScore score() {
            Scorer scorer = ScoringFixture.scorer(BOOK);
            ScoreBoard fed = new ScoreBoard(scorer);
            for (int i = 0; i < ledger.size(); i++) {
                fed.accept(ledger.get(i), i);
            }
            ScoreBoard rescored = new ScoreBoard(scorer);
            rescored.include("p-1", ledger.size() - 1);
            rescored.rescore(scorer, (books, taken, into) -> {
                for (int i = 0; taken.test(i); i++) {
                    into.accept(ledger.get(i), (long) i);
                }
            });
            assertThat(rescored.score("p-1", AT)).isEqualTo(fed.score("p-1", AT));
            return fed.score("p-1", AT);
        }
    }
}
