package org.civitas.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.civitas.event.Event;

/**
 * One scoring pass at one instant. Feed it every event once, in input order (duplicates already removed: the same
 * source and id counts once), then ask for the {@link ScoreSheet}. Everyone who appears in the events is scored;
 * events after the instant do not count yet. An {@link Amendment} changes how the earlier event it names counts, at
 * every instant: it corrects the record. Not thread-safe.
 */
public final class ScoringRun {

    private static final List<Match> NO_MATCHES = List.of();

    private final Instant at;
    private final RuleMatcher matcher;
    private final Map<String, List<Match>> matchesByPerson = new HashMap<>();
    /** The matches of the event being scored, kept apart until all its rules are tested: all or none count. */
    private final List<Match> matched = new ArrayList<>(4);
    private long order;

    ScoringRun(Scorer scorer, Instant at) {
        this.at = at;
        this.matcher = new RuleMatcher(scorer);
    }

    /**
     * Counts {@code person} in, with nothing to score: for an event no rule reads ({@link Scorer#readsAny} is false),
     * which need not be decoded whole. Its place in the input still counts.
     */
    public void include(String person) {
        order++;
        matchesByPerson.putIfAbsent(person, NO_MATCHES);
    }

    /**
     * Scores {@code event}. If it cannot be scored (a rule needs its attributes, and they cannot be read), this throws
     * having counted its person in and scored nothing of it, so the caller may set it aside and go on.
     */
    public void accept(Event event) {
        long position = order++;
        matchesByPerson.putIfAbsent(event.person(), NO_MATCHES);
        Optional<Amendment> amendment = Amendment.of(event);
        if (amendment.isPresent()) {
            matchesByPerson.put(event.person(), Amending.amend(matchesByPerson.get(event.person()), amendment.get(),
                    matcher, position));
            return;
        }
        if (event.occurredAt().isAfter(at)) {
            return;
        }
        matched.clear();
        matcher.match(event, position, matched::add);
        if (matched.isEmpty()) {
            return;
        }
        List<Match> matches = matchesByPerson.get(event.person());
        if (matches.isEmpty()) {
            matches = new ArrayList<>(4);
            matchesByPerson.put(event.person(), matches);
        }
        for (int i = 0; i < matched.size(); i++) {
            matches.add(matched.get(i));
        }
    }

    /** Everyone's score, sorted by person. */
    public ScoreSheet finish() {
        TreeMap<String, List<Match>> sorted = new TreeMap<>(matchesByPerson);
        List<PersonScore> people = new ArrayList<>(sorted.size());
        sorted.forEach((person, matches) -> people.add(PersonScoring.score(person, matches, at)));
        return new ScoreSheet(at, people, matcher.evaluationErrors());
    }
}
