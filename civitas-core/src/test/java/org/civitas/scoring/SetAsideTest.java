package org.civitas.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.civitas.scoring.ScoringFixture.book;
import static org.civitas.scoring.ScoringFixture.event;
import static org.civitas.scoring.ScoringFixture.scorer;

import java.time.Instant;
import java.util.Map;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.junit.jupiter.api.Test;

/** An event whose attributes a rule needs but cannot read counts for no one, and the others are scored as ever. */
class SetAsideTest {

    /** One rule that takes every cleanup, one that reads its attributes. */
    private static final Scorer SCORER = scorer(book("""
              - id: civic.cleanup
                title: Clean-up
                category: civic
                on: cleanup
                points: 3
              - id: civic.long-cleanup
                title: A long clean-up
                category: civic
                on: cleanup
                when: 'event.attributes.hours > 3'
                points: 5
            """));
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");

    /** {"hours":…} holding ED A0 80, the UTF-8 form of a lone surrogate: no JSON parser reads it. */
    private static Event unreadable(String id, String person) {
        byte[] json = {'{', '"', 'h', 'o', 'u', 'r', 's', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"',
            '}'};
        return new Event(id, "src", person, "cleanup", Instant.parse("2026-05-01T10:00:00Z"), "lakeside",
                Attributes.ofValidatedJson(json));
    }

    private static Event readable(String id, String person) {
        return event(id, person, "cleanup", "2026-05-01T10:00:00Z", Map.of("hours", 4));
    }

    @Test
    void theScoreBoardSetsTheEventAsideWholeAndScoresTheNext() {
        ScoreBoard board = new ScoreBoard(SCORER);

        assertThat(board.accept(readable("c-1", "p-1"), 0)).containsExactly("civic.cleanup", "civic.long-cleanup");
        assertThat(board.accept(unreadable("c-2", "p-2"), 1)).isEmpty();
        assertThat(board.accept(readable("c-3", "p-2"), 2)).hasSize(2);

        assertThat(board.score("p-1", AT).score()).isEqualTo(1008.0);
        assertThat(board.score("p-2", AT).score()).as("c-2 gave nothing, not even the first rule's 3")
                .isEqualTo(1008.0);
        assertThat(board.setAsideCount()).isOne();
        assertThat(board.setAside()).singleElement().satisfies(entry -> {
            assertThat(entry.sequence()).isOne();
            assertThat(entry.reason()).startsWith("cannot be scored: attributes are not valid JSON");
        });
    }

    @Test
    void aScoringRunScoresNothingOfAnEventItCannotScoreAndGoesOn() {
        ScoringRun run = SCORER.start(AT);

        run.accept(readable("c-1", "p-1"));
        assertThatThrownBy(() -> run.accept(unreadable("c-2", "p-2"))).hasMessageContaining("not valid JSON");
        run.accept(readable("c-3", "p-3"));
        ScoreSheet sheet = run.finish();

        assertThat(sheet.people()).extracting(PersonScore::person, PersonScore::score)
                .containsExactly(tuple("p-1", 1008.0), tuple("p-2", 1000.0), tuple("p-3", 1008.0));
    }
}
