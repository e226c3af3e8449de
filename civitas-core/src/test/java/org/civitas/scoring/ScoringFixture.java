package org.civitas.scoring;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civitas.constitution.Constitution;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.event.EventKey;
import org.civitas.rules.RuleBookLoader;
import org.civitas.rules.RuleBooks;

/** Rule books from YAML text and events in one line each, for scoring tests. */
final class ScoringFixture {

    private static final RuleBookLoader LOADER = new RuleBookLoader(Constitution.standard());

    /** A speeding penalty, capped, that warns first: the book the tests of warnings share. */
    static final String WARNED_AND_CAPPED = book("""
              - id: traffic.speeding
                title: Speeding
                category: traffic
                on: speeding
                points: -6
                halfLife: P90D
                cap: { points: 12, per: P30D }
                warnFirst: P365D
            """);

    private ScoringFixture() {
    }

    static Scorer scorer(String yaml) {
        return new Scorer(new RuleBooks(List.of(LOADER.read("test.yaml", yaml))));
    }

    static Event event(String id, String person, String type, String at, Map<String, ?> attributes) {
        return new Event(id, "src", person, type, Instant.parse(at), "lakeside", Attributes.of(attributes));
    }

    static Event event(String id, String person, String type, String at) {
        return event(id, person, type, at, Map.of());
    }

    /** Scores {@code events} at {@code at}, counting each source and id once, the first time. */
    static ScoreSheet score(Scorer scorer, String at, List<Event> events) {
        ScoringRun run = scorer.start(Instant.parse(at));
        Set<EventKey> seen = new HashSet<>();
        for (Event event : events) {
            if (seen.add(event.key())) {
                run.accept(event);
            }
        }
        return run.finish();
    }

    static PersonScore scoreOf(ScoreSheet sheet, String person) {
        return sheet.people().stream().filter(score -> score.person().equals(person)).findFirst().orElseThrow();
    }

    static String book(String rules) {
        return "jurisdiction: lakeside\ntimezone: Europe/Berlin\nrules:\n" + rules;
    }
}
