package org.civitas.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civitas.constitution.Constitution;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.rules.RuleBookLoader;
import org.civitas.rules.RuleBooks;
import org.civitas.validation.Issue;
import org.civitas.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A nation, its cities: rules inherited, overridden, and binding ones that no city may override. */
class JurisdictionTreeTest {

    private static final RuleBookLoader LOADER = new RuleBookLoader(Constitution.standard());

    private static final String NATION = """
            jurisdiction: vale
            timezone: Europe/Berlin
            rules:
              - id: traffic.speeding
                title: Speeding
                category: traffic
                on: speeding
                points: -6
                halfLife: P90D
                cap: { points: 6, per: P30D }
                binding: true
              - id: civic.cleanup
                title: Joining a clean-up
                category: civic
                on: cleanup
                points: 2
            """;

    private static final String LAKESIDE = """
            jurisdiction: lakeside
            parent: vale
            timezone: Europe/Berlin
            rules:
              - id: civic.cleanup
                version: 2
                title: Joining a clean-up of the lake
                category: civic
                on: cleanup
                points: 5
            """;

    private static final String RIVERTON = """
            jurisdiction: riverton
            parent: vale
            timezone: Europe/Berlin
            rules:
              - id: civic.ferry-volunteer
                title: Volunteering on the ferry
                category: civic
                on: volunteering
                points: 3
            """;

    @TempDir
    Path folder;

    private RuleBooks load(String... books) throws IOException {
        for (int i = 0; i < books.length; i++) {
            Files.writeString(folder.resolve("book-" + i + ".yaml"), books[i]);
        }
        return LOADER.load(folder);
    }

    private static Event event(String id, String type, String jurisdiction, String at) {
        return new Event(id, "src", "p-1", type, Instant.parse(at), jurisdiction, Attributes.of(Map.of()));
    }

    private static PersonScore score(Scorer scorer, List<Event> events) {
        ScoringRun run = scorer.start(Instant.parse("2026-11-01T00:00:00Z"));
        events.forEach(run::accept);
        return run.finish().people().get(0);
    }

    @Test
    void anEventIsScoredByTheRulesOfItsJurisdictionAndOfEveryJurisdictionAboveIt() throws IOException {
        Scorer scorer = new Scorer(load(NATION, LAKESIDE, RIVERTON));

        PersonScore score = score(scorer, List.of(
                event("a", "cleanup", "lakeside", "2026-10-01T10:00:00Z"),
                event("b", "cleanup", "riverton", "2026-10-01T10:00:00Z"),
                event("c", "volunteering", "riverton", "2026-10-01T10:00:00Z"),
                event("d", "volunteering", "lakeside", "2026-10-01T10:00:00Z")));

        assertThat(score.contributions()).extracting(
                contribution -> contribution.event() + ":" + contribution.rule() + "@" + contribution.ruleVersion()
                        + "=" + contribution.granted())
                .containsExactlyInAnyOrder("a:civic.cleanup@2=5", "b:civic.cleanup@1=2", "c:civic.ferry-volunteer@1=3");
    }

    @Test
    void aRuleInheritedByTwoCitiesIsOneRuleItsCapCountedAcrossBoth() throws IOException {
        Scorer scorer = new Scorer(load(NATION, LAKESIDE, RIVERTON));

        PersonScore score = score(scorer, List.of(
                event("s-1", "speeding", "lakeside", "2026-10-01T10:00:00Z"),
                event("s-2", "speeding", "riverton", "2026-10-02T10:00:00Z")));

        assertThat(score.contributions()).extracting(Contribution::granted).containsExactly(-6L, 0L);
    }

    @Test
    void aCityCannotOverrideABindingRuleNorHangBelowANationWithoutABook() {
        String overriding = LAKESIDE.replace("id: civic.cleanup", "id: traffic.speeding");

        assertThatThrownBy(() -> load(NATION, overriding, RIVERTON.replace("parent: vale", "parent: atlantis")))
                .isInstanceOf(ValidationException.class)
                .satisfies(refused -> assertThat(((ValidationException) refused).issues()).extracting(Issue::toString)
                        .containsExactlyInAnyOrder(
                                folder.resolve("book-1.yaml") + ": rule 'traffic.speeding': overrides the binding rule"
                                        + " of vale, which holds in every jurisdiction below it",
                                folder.resolve("book-2.yaml") + ": parent: there is no rule book for jurisdiction"
                                        + " 'atlantis'"));
    }

    @Test
    void noJurisdictionMayLieBelowItself() {
        assertThatThrownBy(() -> load(NATION.replace("timezone:", "parent: lakeside\ntimezone:"), LAKESIDE))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("parent: the jurisdiction lies below itself: vale in lakeside in vale");
    }
}
