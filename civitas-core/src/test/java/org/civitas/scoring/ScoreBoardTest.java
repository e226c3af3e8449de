package org.civitas.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civitas.city.CityGenerator;
import org.civitas.city.DemoCity;
import org.civitas.constitution.Constitution;
import org.civitas.event.Event;
import org.civitas.rules.RuleBookLoader;
import org.junit.jupiter.api.Test;

class ScoreBoardTest {

    private static final Scorer SCORER = new Scorer(DemoCity.ruleBooks(new RuleBookLoader(Constitution.standard())));

    private static List<Event> city() {
        List<Event> events = new ArrayList<>();
        new CityGenerator(new CityGenerator.Settings(300, 60, 9, CityGenerator.DEFAULT_UNTIL)).generate(events::add);
        return events;
    }

    @Test
    void givesTheScoresAScoringRunGivesAtAnyInstant() {
        List<Event> events = city();
        ScoreBoard board = new ScoreBoard(SCORER);
        for (int i = 0; i < events.size(); i++) {
            board.accept(events.get(i), i);
        }

        for (Instant at : List.of(CityGenerator.DEFAULT_UNTIL, CityGenerator.DEFAULT_UNTIL.minus(Duration.ofDays(20)),
                CityGenerator.DEFAULT_UNTIL.plus(Duration.ofDays(400)))) {
            ScoringRun run = SCORER.start(at);
            events.forEach(run::accept);
            for (PersonScore expected : run.finish().people()) {
                assertThat(board.score(expected.person(), at)).as("%s at %s", expected.person(), at)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void tellsWhichRulesAnEventMatchedAndTracesAPersonsHistory() {
        ScoreBoard board = new ScoreBoard(SCORER);
        Event late = ScoringFixture.event("ut-1", "p-1", "bill-payment", "2026-05-01T10:00:00Z",
                Map.of("daysLate", 40));

        assertThat(board.accept(late, 0)).containsExactly("obligations.bill-paid-late");
        assertThat(board.knows("p-1")).isTrue();
        assertThat(board.knows("p-2")).isFalse();
        List<ScorePoint> history = board.history("p-1", Instant.parse("2026-04-30T00:00:00Z"),
                Instant.parse("2026-08-02T00:00:00Z"), Duration.ofDays(31));
        assertThat(history).extracting(ScorePoint::score).containsExactly(1000.0, 992.04, 993.73, 995.06);
        assertThat(board.score("stranger", Instant.now()).score()).isEqualTo(1000.0);
    }

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
}
