package org.civitas.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.civitas.scoring.ScoringFixture.book;
import static org.civitas.scoring.ScoringFixture.event;
import static org.civitas.scoring.ScoringFixture.score;
import static org.civitas.scoring.ScoringFixture.scoreOf;
import static org.civitas.scoring.ScoringFixture.scorer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.civitas.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CapWindowTest {

    private static final String CAPPED = book("""
              - id: traffic.crossing
                title: Crossing on red
                category: traffic
                on: red-light-crossing
                points: -6
                halfLife: P60D
                cap: { points: 12, per: P7D }
            """);

    private static List<Long> granted(ScoreSheet sheet) {
        return scoreOf(sheet, "p-1").contributions().stream().map(Contribution::granted).toList();
    }

    @Test
    void aCapLimitsWhatOneRuleGrantsWithinItsWindow() {
        ScoreSheet sheet = score(scorer(CAPPED), "2026-06-01T00:00:00Z", List.of(
                event("e1", "p-1", "red-light-crossing", "2026-05-01T10:00:00Z"),
                event("e2", "p-1", "red-light-crossing", "2026-05-02T10:00:00Z"),
                event("e3", "p-1", "red-light-crossing", "2026-05-03T10:00:00Z"),
                event("e4", "p-1", "red-light-crossing", "2026-05-08T10:00:00Z")));

        assertThat(granted(sheet)).containsExactly(-6L, -6L, 0L, -6L);
    }

    @Test
    void anEventExactlyOneWindowLaterNoLongerSeesTheEarlierGrant() {
        ScoreSheet sheet = score(scorer(CAPPED), "2026-06-01T00:00:00Z", List.of(
                event("e1", "p-1", "red-light-crossing", "2026-05-01T10:00:00Z"),
                event("e2", "p-1", "red-light-crossing", "2026-05-01T10:00:00Z"),
                event("e3", "p-1", "red-light-crossing", "2026-05-08T09:59:59Z"),
                event("e4", "p-1", "red-light-crossing", "2026-05-08T10:00:00Z")));

        assertThat(granted(sheet)).containsExactly(-6L, -6L, 0L, -6L);
    }

    @Test
    void tiesInTimeAreGrantedInInputOrder() {
        ScoreSheet sheet = score(scorer(CAPPED.replace("points: -6", "points: -5")), "2026-06-01T00:00:00Z",
                List.of(event("b", "p-1", "red-light-crossing", "2026-05-01T10:00:00Z"),
                        event("a", "p-1", "red-light-crossing", "2026-05-01T10:00:00Z"),
                        event("c", "p-1", "red-light-crossing", "2026-05-01T10:00:00Z")));

        assertThat(scoreOf(sheet, "p-1").contributions())
                .extracting(contribution -> contribution.event() + "=" + contribution.granted())
                .containsExactly("b=-5", "a=-5", "c=-2");
    }

    @Test
    void aWindowIsExactTimeEvenAcrossADaylightSavingChange() {
        // Seven days of 24 hours: the local clock shows an hour less, but the window ends exactly 168 hours on.
        ScoreSheet sheet = score(scorer(CAPPED), "2026-12-01T00:00:00Z", List.of(
                event("e1", "p-1", "red-light-crossing", "2026-10-22T12:00:00Z"),
                event("e2", "p-1", "red-light-crossing", "2026-10-22T12:00:00Z"),
                event("e3", "p-1", "red-light-crossing", "2026-10-29T11:59:59Z"),
                event("e4", "p-1", "red-light-crossing", "2026-10-29T12:00:00Z")));

        assertThat(granted(sheet)).containsExactly(-6L, -6L, 0L, -6L);
    }

    @Test
    void eachPersonHasTheirOwnWindow() {
        ScoreSheet sheet = score(scorer(CAPPED), "2026-06-01T00:00:00Z", List.of(
                event("e1", "p-1", "red-light-crossing", "2026-05-01T10:00:00Z"),
                event("e2", "p-1", "red-light-crossing", "2026-05-01T10:00:00Z"),
                event("e3", "p-2", "red-light-crossing", "2026-05-01T10:00:00Z")));

        assertThat(scoreOf(sheet, "p-2").contributions().get(0).granted()).isEqualTo(-6);
    }

    /** Random histories, capped points decayed: the engine against a direct reading of the semantics. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void capsAndDecayMatchADirectReadingOfTheRules(long seed) {
        Random random = new Random(seed);
        long points = -(1 + random.nextInt(9));
        long cap = 1 + random.nextInt(25);
        Duration window = Duration.ofHours(1 + random.nextInt(24 * 10));
        Duration halfLife = Duration.ofHours(1 + random.nextInt(24 * 60));
        Scorer scorer = scorer(book("""
                  - id: r
                    title: R
                    category: traffic
                    on: x
                    points: %d
                    halfLife: PT%dH
                    cap: { points: %d, per: PT%dH }
                """.formatted(points, halfLife.toHours(), cap, window.toHours())));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long offsetMinutes = random.nextInt(5) == 0 && !events.isEmpty()
                    ? Duration.between(start, events.get(random.nextInt(events.size())).occurredAt()).toMinutes()
                            + (random.nextBoolean() ? window.toMinutes() : 0)
                    : random.nextInt(60 * 24 * 90);
            events.add(event("e" + i, "p-" + random.nextInt(3), "x", start.plusSeconds(offsetMinutes * 60).toString()));
        }
        Instant at = start.plus(Duration.ofDays(100));

        ScoreSheet sheet = score(scorer, at.toString(), events);

        for (PersonScore person : sheet.people()) {
            assertThat(person.score()).as(person.person())
                    .isCloseTo(directScore(events, person.person(), points, cap, window, halfLife, at), within(1e-9));
        }
    }

    /** The semantics as written, in the most obvious way, quadratic and all. */
    private static double directScore(List<Event> events, String person, long points, long cap, Duration window,
            Duration halfLife, Instant at) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).person().equals(person) && !events.get(i).occurredAt().isAfter(at)) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer, Instant>comparing(i -> events.get(i).occurredAt()).thenComparing(i -> i));
        List<Instant> times = new ArrayList<>();
        List<Long> grants = new ArrayList<>();
        double score = 1000;
        for (int i : order) {
            Instant t = events.get(i).occurredAt();
            long used = 0;
            for (int j = 0; j < times.size(); j++) {
                if (times.get(j).isAfter(t.minus(window)) && !times.get(j).isAfter(t)) {
                    used += Math.abs(grants.get(j));
                }
            }
            long granted = Long.signum(points) * Math.min(Math.abs(points), Math.max(0, cap - used));
            times.add(t);
            grants.add(granted);
            double age = Duration.between(t, at).getSeconds();
            score += granted * Math.pow(2, -age / halfLife.getSeconds());
        }
        return score;
    }
}
