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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.civitas.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WarnFirstTest {

    private static final String WARNED = book("""
              - id: traffic.speeding
                title: Speeding
                category: traffic
                on: speeding
                when: 'event.attributes.kmhOver >= 10'
                points: -6
                halfLife: P90D
                warnFirst: P365D
            """);


    private static Event speeding(String id, String at) {
        return event(id, "p-1", "speeding", at, Map.of("kmhOver", 15));
    }

    private static List<String> outcomes(ScoreSheet sheet) {
        return scoreOf(sheet, "p-1").contributions().stream()
                .map(contribution -> contribution.event() + "=" + (contribution.warning() ? "warning"
                        : String.valueOf(contribution.granted())))
                .toList();
    }

    @Test
    void aFirstOffenceIsAWarningAndTheNextWithinThePeriodCosts() {
        ScoreSheet sheet = score(scorer(WARNED), "2026-06-01T08:00:00Z", List.of(
                speeding("e1", "2026-03-01T08:00:00Z"),
                speeding("e2", "2026-06-01T08:00:00Z")));

        Contribution warning = scoreOf(sheet, "p-1").contributions().get(0);
        assertThat(warning.warning()).isTrue();
        assertThat(warning.granted()).isZero();
        assertThat(warning.worth()).isZero();
        assertThat(warning.nextOffencePoints()).isEqualTo(OptionalLong.of(-6));
        Contribution penalty = scoreOf(sheet, "p-1").contributions().get(1);
        assertThat(penalty.warning()).isFalse();
        assertThat(penalty.nextOffencePoints()).isEmpty();
        assertThat(penalty.granted()).isEqualTo(-6);
        assertThat(scoreOf(sheet, "p-1").score()).isEqualTo(994.0);
    }

    @Test
    void offencesExactlyOnePeriodApartBothWarnAndOneSecondLessCosts() {
        ScoreSheet apart = score(scorer(WARNED), "2026-11-01T00:00:00Z", List.of(
                speeding("e1", "2025-06-01T00:00:00Z"),
                speeding("e2", "2026-06-01T00:00:00Z")));
        ScoreSheet closer = score(scorer(WARNED), "2026-11-01T00:00:00Z", List.of(
                speeding("e1", "2025-06-01T00:00:01Z"),
                speeding("e2", "2026-06-01T00:00:00Z")));

        assertThat(outcomes(apart)).containsExactly("e1=warning", "e2=warning");
        assertThat(outcomes(closer)).containsExactly("e1=warning", "e2=-6");
    }

    @Test
    void aWarningUsesNoCap() {
        ScoreSheet sheet = score(scorer(ScoringFixture.WARNED_AND_CAPPED), "2026-11-01T00:00:00Z", List.of(
                speeding("e1", "2026-09-10T12:00:00Z"),
                speeding("e2", "2026-09-10T12:00:00Z"),
                speeding("e3", "2026-09-10T12:00:00Z"),
                speeding("e4", "2026-09-11T12:00:00Z")));

        assertThat(outcomes(sheet)).containsExactly("e1=warning", "e2=-6", "e3=-6", "e4=0");
    }

    @Test
    void tiesAtOneInstantAreTakenInInputOrder() {
        ScoreSheet sheet = score(scorer(ScoringFixture.WARNED_AND_CAPPED), "2026-11-01T00:00:00Z", List.of(
                speeding("b", "2026-09-10T12:00:00Z"),
                speeding("c", "2026-09-10T12:00:00Z"),
                speeding("a", "2026-09-10T12:00:00Z")));

        assertThat(outcomes(sheet)).containsExactly("b=warning", "c=-6", "a=-6");
    }

    @Test
    void warningsAndPenaltiesBothCountAsEarlierOffences() {
        ScoreSheet sheet = score(scorer(WARNED), "2027-06-01T00:00:00Z", List.of(
                speeding("warned", "2025-01-01T00:00:00Z"),
                speeding("warned-again", "2026-01-02T00:00:00Z"),
                speeding("after-a-warning", "2026-12-01T00:00:00Z"),
                speeding("after-a-penalty", "2027-05-01T00:00:00Z")));

        // The last comes more than a year after the second warning, but within a year of the penalty before it.
        assertThat(outcomes(sheet))
                .containsExactly("warned=warning", "warned-again=warning", "after-a-warning=-6", "after-a-penalty=-6");
    }

    @Test
    void onlyMatchingEventsUpToTheScoringInstantAreOffences() {
        ScoreSheet sheet = score(scorer(WARNED), "2026-06-01T00:00:00Z", List.of(
                event("slow", "p-1", "speeding", "2026-05-01T08:00:00Z", Map.of("kmhOver", 5)),
                speeding("later", "2026-06-02T08:00:00Z"),
                speeding("first", "2026-05-02T08:00:00Z"),
                speeding("first", "2026-05-02T08:00:00Z"),
                speeding("second", "2026-05-03T08:00:00Z")));

        assertThat(outcomes(sheet)).containsExactly("first=warning", "second=-6");
    }

    @Test
    void eachPersonAndEachRuleHasItsOwnWarning() {
        Scorer scorer = scorer(WARNED + """
              - id: traffic.parking
                title: Parking on a cycle lane
                category: traffic
                on: parking
                points: -3
                halfLife: P30D
                warnFirst: P30D
            """);

        ScoreSheet sheet = score(scorer, "2026-11-01T00:00:00Z", List.of(
                speeding("e1", "2026-10-01T08:00:00Z"),
                event("e2", "p-1", "parking", "2026-10-02T08:00:00Z"),
                event("e3", "p-2", "speeding", "2026-10-03T08:00:00Z", Map.of("kmhOver", 15))));

        assertThat(outcomes(sheet)).containsExactly("e1=warning", "e2=warning");
        assertThat(scoreOf(sheet, "p-2").contributions().get(0).warning()).isTrue();
    }

    /** Random histories of a capped rule that warns first: the engine against a direct reading of the semantics. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void warningsCapsAndDecayMatchADirectReadingOfTheRules(long seed) {
        Random random = new Random(seed);
        long points = -(1 + random.nextInt(9));
        long cap = 1 + random.nextInt(25);
        Duration window = Duration.ofHours(1 + random.nextInt(24 * 10));
        Duration warnFirst = Duration.ofHours(1 + random.nextInt(24 * 20));
        Duration halfLife = Duration.ofHours(1 + random.nextInt(24 * 60));
        Scorer scorer = scorer(book("""
                  - id: r
                    title: R
                    category: traffic
                    on: x
                    points: %d
                    halfLife: PT%dH
                    cap: { points: %d, per: PT%dH }
                    warnFirst: PT%dH
                """.formatted(points, halfLife.toHours(), cap, window.toHours(), warnFirst.toHours())));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Event> events = new ArrayList<>();
        Map<String, List<Instant>> timesByPerson = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            String person = "p-" + random.nextInt(10);
            List<Instant> own = timesByPerson.computeIfAbsent(person, ignored -> new ArrayList<>());
            // Often exactly one period (or one cap window, or no time at all) after one of the person's own events.
            Instant time = random.nextInt(3) == 0 && !own.isEmpty()
                    ? own.get(random.nextInt(own.size())).plus(List.of(warnFirst, window, Duration.ZERO)
                            .get(random.nextInt(3)))
                    : start.plusSeconds(60L * random.nextInt(60 * 24 * 120));
            own.add(time);
            events.add(event("e" + i, person, "x", time.toString()));
        }
        Instant at = start.plus(Duration.ofDays(100));

        ScoreSheet sheet = score(scorer, at.toString(), events);

        for (PersonScore person : sheet.people()) {
            assertThat(person.score()).as(person.person()).isCloseTo(
                    directScore(events, person.person(), points, cap, window, warnFirst, halfLife, at), within(1e-9));
        }
    }

    /** The semantics as written, in the most obvious way, quadratic and all. */
    private static double directScore(List<Event> events, String person, long points, long cap, Duration window,
            Duration warnFirst, Duration halfLife, Instant at) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).person().equals(person) && !events.get(i).occurredAt().isAfter(at)) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer, Instant>comparing(i -> events.get(i).occurredAt()).thenComparing(i -> i));
        List<Instant> offences = new ArrayList<>();
        List<Instant> grantTimes = new ArrayList<>();
        List<Long> grants = new ArrayList<>();
        double score = 1000;
        for (int i : order) {
            Instant t = events.get(i).occurredAt();
            boolean warning = true;
            for (Instant earlier : offences) {
                if (earlier.isAfter(t.minus(warnFirst))) {
                    warning = false;
                }
            }
            offences.add(t);
            if (warning) {
                continue;
            }
            long used = 0;
            for (int j = 0; j < grantTimes.size(); j++) {
                if (grantTimes.get(j).isAfter(t.minus(window))) {
                    used += Math.abs(grants.get(j));
                }
            }
            long granted = Long.signum(points) * Math.min(Math.abs(points), Math.max(0, cap - used));
            grantTimes.add(t);
            grants.add(granted);
            score += granted * Math.pow(2, -Duration.between(t, at).getSeconds() / (double) halfLife.getSeconds());
        }
        return score;
    }
}
