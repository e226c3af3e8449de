package org.civitas.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civitas.constitution.Constitution;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.rules.RuleBookLoader;
import org.civitas.rules.RuleBooks;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.ScoreSheet;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.ScoringRun;
import org.junit.jupiter.api.Test;

class ImpactSimulationTest {

    private static final RuleBookLoader LOADER = new RuleBookLoader(Constitution.standard());
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-01T00:00:00Z");

    private static final String CURRENT = """
            jurisdiction: lakeside
            timezone: Europe/Berlin
            rules:
              - id: traffic.speeding
                title: Speeding
                category: traffic
                on: speeding
                points: -6
                halfLife: P90D
                cap: { points: 12, per: P30D }
              - id: civic.cleanup
                title: Joining a clean-up
                category: civic
                on: cleanup
                points: 2
                halfLife: P180D
            """;

    /** Milder speeding, a new version; the clean-up rule as it was. */
    private static final String PROPOSED = CURRENT.replace("    points: -6", "    version: 2\n    points: -4");

    private static Scorer scorer(String book) {
        return new Scorer(new RuleBooks(List.of(LOADER.read("book.yaml", book))));
    }

    /** A random city: some people speed, some clean up, some do both, inside and outside the window. */
    private static List<Event> city(long seed) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String type = random.nextInt(3) == 0 ? "cleanup" : "speeding";
            Instant at = FROM.minus(Duration.ofDays(30)).plusSeconds(random.nextLong(340L * 86_400));
            events.add(new Event("e-" + i, "src", "p-" + random.nextInt(150), type, at, "lakeside",
                    Attributes.of(Map.of())));
        }
        return events;
    }

    private static ImpactSimulation.Result simulate(List<Event> events) {
        ImpactSimulation simulation = new ImpactSimulation(scorer(CURRENT), scorer(PROPOSED), FROM, TO);
        events.forEach(simulation::accept);
        return simulation.finish();
    }

    private static ScoreSheet score(String book, List<Event> events) {
        ScoringRun run = scorer(book).start(TO);
        events.stream().filter(event -> !event.occurredAt().isBefore(FROM) && event.occurredAt().isBefore(TO))
                .forEach(run::accept);
        return run.finish();
    }

    @Test
    void theScoresUnderEachBookAreExactlyWhatScoringTheWindowWithItGives() {
        for (long seed = 1; seed <= 5; seed++) {
            List<Event> events = city(seed);

            ImpactSimulation.Result result = simulate(events);

            assertThat(result.before()).isEqualTo(score(CURRENT, events));
            assertThat(result.after()).isEqualTo(score(PROPOSED, events));
        }
    }

    @Test
    void theReportAddsUpThePeopleTheirChangesAndWhoCrosses1000() {
        List<Event> events = city(7);

        ImpactSimulation.Result result = simulate(events);
        Impact impact = result.impact();

        List<PersonScore> before = result.before().people();
        List<PersonScore> after = result.after().people();
        long affected = 0;
        long crossAbove = 0;
        double total = 0;
        for (int i = 0; i < before.size(); i++) {
            double change = Math.round((after.get(i).roundedScore() - before.get(i).roundedScore()) * 100) / 100.0;
            affected += change != 0 ? 1 : 0;
            total += change;
            crossAbove += before.get(i).roundedScore() < 1000 && after.get(i).roundedScore() >= 1000 ? 1 : 0;
        }
        assertThat(impact.people()).isEqualTo(before.size()).isGreaterThan(100);
        assertThat(impact.affected()).isEqualTo(affected).isPositive();
        assertThat(impact.meanChange()).isCloseTo(total / before.size(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(impact.meanChange()).as("milder speeding raises scores").isPositive();
        assertThat(impact.crossAbove1000()).isEqualTo(crossAbove);
        assertThat(impact.crossBelow1000()).isZero();
        assertThat(impact.bands()).extracting(Impact.Cell::people).filteredOn(people -> people != null)
                .allSatisfy(people -> assertThat(people).isGreaterThanOrEqualTo(Impact.LEAST_PEOPLE_IN_A_CELL));
        long published = impact.bands().stream().filter(band -> band.people() != null)
                .mapToLong(Impact.Cell::people).sum();
        assertThat(published).isLessThanOrEqualTo(impact.people());
        assertThat(impact.matchedEvents()).as("every speeding event in the window, under either version")
                .isEqualTo(events.stream().filter(event -> event.type().equals("speeding")
                        && !event.occurredAt().isBefore(FROM) && event.occurredAt().isBefore(TO)).count());
    }

    @Test
    void aRuleChangedWithoutANewVersionNumberStillCountsAsChanged() {
        List<Event> events = city(11);
        ImpactSimulation simulation = new ImpactSimulation(scorer(CURRENT),
                scorer(CURRENT.replace("    points: -6", "    points: -4")), FROM, TO);
        events.forEach(simulation::accept);

        assertThat(simulation.finish().impact().matchedEvents()).isEqualTo(events.stream()
                .filter(event -> event.type().equals("speeding") && !event.occurredAt().isBefore(FROM)
                        && event.occurredAt().isBefore(TO)).count());
    }

    @Test
    void aCellAboutFewerThanTwentyPeopleIsSuppressed() {
        List<Event> few = city(3).subList(0, 19);

        Impact impact = simulate(few).impact();

        assertThat(impact.people()).isPositive().isLessThan(Impact.LEAST_PEOPLE_IN_A_CELL);
        assertThat(impact.bands()).extracting(Impact.Cell::people).containsOnlyNulls();
        assertThat(impact.before()).extracting(Impact.Cell::people).containsOnlyNulls();
    }
}
