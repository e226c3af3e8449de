package org.civitas.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.civitas.event.Event;
import org.civitas.ledger.LedgerPositions;
import org.junit.jupiter.api.Test;

class ScoreBoardTest {

    @Test
    void anEventThatArrivesLateTakesOverTheWarningAsABatchPassWouldGiveIt() {
        Scorer scorer = ScoringFixture.scorer(ScoringFixture.WARNED_AND_CAPPED);
        List<Event> arrivals = List.of(
                ScoringFixture.event("noon", "p-1", "speeding", "2026-09-10T12:00:00Z"),
                ScoringFixture.event("june", "p-1", "speeding", "2026-06-01T08:00:00Z"),
                ScoringFixture.event("noon-too", "p-1", "speeding", "2026-09-10T12:00:00Z"),
                ScoringFixture.event("noon-three", "p-1", "speeding", "2026-09-10T12:00:00Z"));
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        ScoreBoard board = new ScoreBoard(scorer);

        board.accept(arrivals.get(0), 0);
        assertThat(board.score("p-1", at).contributions().get(0).warning()).isTrue();
        for (int i = 1; i < arrivals.size(); i++) {
            board.accept(arrivals.get(i), i);
        }

        assertThat(board.score("p-1", at).contributions())
                .extracting(contribution -> contribution.event() + "=" + contribution.granted()
                        + (contribution.warning() ? " warning" : ""))
                .containsExactly("june=0 warning", "noon=-6", "noon-too=-6", "noon-three=0");
        ScoringRun run = scorer.start(at);
        arrivals.forEach(run::accept);
        assertThat(board.score("p-1", at)).isEqualTo(run.finish().people().get(0));
    }

    @Test
    void aWhatIfScoresMadeUpEventsBesideTheRealOnesAndKeepsNothing() {
        Scorer scorer = ScoringFixture.scorer(ScoringFixture.WARNED_AND_CAPPED);
        Event june = ScoringFixture.event("june", "p-1", "speeding", "2026-06-01T08:00:00Z");
        List<Event> madeUp = List.of(ScoringFixture.event("noon", "p-1", "speeding", "2026-09-10T12:00:00Z"),
                ScoringFixture.event("dusk", "p-1", "speeding", "2026-09-10T18:00:00Z"));
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        ScoreBoard board = new ScoreBoard(scorer);
        board.accept(june, 0);
        PersonScore before = board.score("p-1", at);

        PersonScore whatIf = board.whatIf("p-1", madeUp, at);

        ScoringRun run = scorer.start(at);
        run.accept(june);
        madeUp.forEach(run::accept);
        assertThat(whatIf).isEqualTo(run.finish().people().get(0));
        assertThat(whatIf.score()).isLessThan(before.score());
        assertThat(board.score("p-1", at)).isEqualTo(before);
    }

    @Test
    void rescoringTakesBackWhatTheBoardTookOfEachChainAndNothingItHasNotReachedYet() {
        Scorer scorer = ScoringFixture.scorer(ScoringFixture.WARNED_AND_CAPPED);
        Event first = ScoringFixture.event("first", "p-1", "speeding", "2026-06-01T08:00:00Z");
        Event second = ScoringFixture.event("second", "p-2", "speeding", "2026-06-01T08:00:00Z");
        Event notYet = ScoringFixture.event("not-yet", "p-2", "speeding", "2026-07-01T08:00:00Z");
        long secondAt = LedgerPositions.of(3, 0);
        long notYetAt = LedgerPositions.of(3, 1);
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        ScoreBoard board = new ScoreBoard(scorer);
        board.accept(first, LedgerPositions.of(0, 5));
        board.accept(second, secondAt);
        PersonScore before = board.score("p-2", at);

        List<Long> offered = List.of(LedgerPositions.of(0, 5), secondAt, notYetAt, LedgerPositions.of(1, 0));
        List<Event> events = List.of(first, second, notYet, notYet);
        board.rescore(scorer, (books, taken, into) -> {
            for (int i = 0; i < offered.size(); i++) {
                if (taken.test(offered.get(i))) {
                    into.accept(events.get(i), offered.get(i));
                }
            }
        });

        assertThat(board.score("p-2", at)).as("the entry after the board's place in chain 3 is not its yet")
                .isEqualTo(before);
        assertThat(board.score("p-1", at).contributions()).extracting(Contribution::event).containsExactly("first");
        board.accept(notYet, notYetAt);
        assertThat(board.score("p-2", at).contributions()).extracting(Contribution::event)
                .containsExactly("second", "not-yet");
    }
}
