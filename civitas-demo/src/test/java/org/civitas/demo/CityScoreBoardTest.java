package org.civitas.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civitas.constitution.Constitution;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.rules.RuleBookLoader;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.ScoreBoard;
import org.civitas.scoring.ScorePoint;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.ScoringRun;
import org.junit.jupiter.api.Test;

/** The live score board over the demo city agrees with a scoring run over the same events, at any instant. */
class CityScoreBoardTest {

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
        Event late = new Event("ut-1", "lakeside-utilities", "p-1", "bill-payment",
                Instant.parse("2026-05-01T10:00:00Z"), "lakeside", Attributes.of(Map.of("daysLate", 40)));

        assertThat(board.accept(late, 0)).containsExactly("obligations.bill-paid-late");
        assertThat(board.knows("p-1")).isTrue();
        assertThat(board.knows("p-2")).isFalse();
        List<ScorePoint> history = board.history("p-1", Instant.parse("2026-04-30T00:00:00Z"),
                Instant.parse("2026-08-02T00:00:00Z"), Duration.ofDays(31));
        assertThat(history).extracting(ScorePoint::score).containsExactly(1000.0, 992.04, 993.73, 995.06);
        assertThat(board.score("stranger", Instant.parse("2026-08-02T00:00:00Z")).score()).isEqualTo(1000.0);
    }
}
