package org.civitas.scoring;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns the rules one person's events matched into contributions and a score: a rule with {@code warnFirst} only warns
 * of an offence when no earlier one is remembered, caps limit what a rule grants within a sliding window, and decay
 * halves a grant's worth every half-life. An event under dispute counts nothing, and is no offence that a later one
 * could follow or a cap could count, until its dispute ends. Everything is decided in scoring order
 * ({@link Match#compareByTime}), however the matches arrived, so a server that learns of an event late gives the same
 * score as a pass over the whole input.
 */
final class PersonScoring {

    private static final double FADED = 0.5;

    private PersonScoring() {
    }

    /**
     * The person's score at {@code at}; {@code matches} may come in any order and is not changed. Matches of events
     * after {@code at} do not count yet.
     */
    static PersonScore score(String person, List<Match> matches, Instant at) {
        List<Match> sorted = new ArrayList<>(matches.size());
        for (Match match : matches) {
            if (!match.occurredAt().isAfter(at) && !match.removed()) {
                sorted.add(match);
            }
        }
        sorted.sort(Match::compareByTime);
        Map<RuleSlot, CapWindow> windows = new HashMap<>();
        Map<RuleSlot, Instant> lastOffences = new HashMap<>();
        List<Contribution> contributions = new ArrayList<>(sorted.size());
        double score = PersonScore.BASE;
        for (Match match : sorted) {
            RuleSlot slot = match.slot();
            Contribution contribution;
            if (match.disputed()) {
                contribution = contribution(match, 0, OptionalLong.empty(), at);
            } else if (slot.warnsFirst() && warns(match, lastOffences)) {
                contribution = contribution(match, 0, OptionalLong.of(slot.rule.points()), at);
            } else {
                long granted = slot.rule.points();
                if (slot.capped()) {
                    granted = windows.computeIfAbsent(slot, CapWindow::new).grant(match.occurredAt(), granted);
                }
                contribution = contribution(match, granted, OptionalLong.empty(), at);
            }
            score += contribution.worth();
            contributions.add(contribution);
        }
        return new PersonScore(person, score, contributions);
    }

    /**
     * Whether {@code match} is a warning: no earlier offence against its rule is remembered. Either way it is now the
     * latest offence; matches come in scoring order, so the one it replaces is the latest before it.
     */
    private static boolean warns(Match match, Map<RuleSlot, Instant> lastOffences) {
        Instant previous = lastOffences.put(match.slot(), match.occurredAt());
        return previous == null || !match.slot().remembers(previous, match.occurredAt());
    }

    private static Contribution contribution(Match match, long granted, OptionalLong nextOffencePoints, Instant at) {
        RuleSlot slot = match.slot();
        double worth = granted;
        Optional<Instant> fades = Math.abs(granted) < FADED ? Optional.of(match.occurredAt()) : Optional.empty();
        if (slot.decays()) {
            double ageSeconds = (at.getEpochSecond() - match.occurredAt().getEpochSecond())
                    + (at.getNano() - match.occurredAt().getNano()) / 1e9;
            worth = granted * Math.pow(2.0, -ageSeconds / slot.halfLifeSeconds);
            if (fades.isEmpty()) {
                double secondsToHalfPoint = slot.halfLifeSeconds * (Math.log(Math.abs(granted) / FADED) / Math.log(2));
                fades = Optional.of(match.occurredAt().plusSeconds((long) Math.ceil(secondsToHalfPoint)));
            }
        }
        return new Contribution(match.event(), match.source(), match.occurredAt(), slot.jurisdiction, slot.rule.id(),
                slot.rule.version(), slot.rule.title(), slot.rule.category(), granted, nextOffencePoints, worth, fades,
                slot.rule.adoptedBy(), match.occurredIn(), match.disputed());
    }

    /** One rule's grants to one person, in time order, with the part still inside the cap's window. */
    private static final class CapWindow {

        private final RuleSlot slot;
        private final Deque<Instant> times = new ArrayDeque<>();
        private final Deque<Long> amounts = new ArrayDeque<>();
        private long used;

        CapWindow(RuleSlot slot) {
            this.slot = slot;
        }

        /** What an event at {@code time} is granted of {@code points}: the rest of the window's allowance. */
        long grant(Instant time, long points) {
            Instant windowStart = time.minus(slot.capWindow);
            while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
                times.removeFirst();
                used -= amounts.removeFirst();
            }
            long granted = Long.signum(points) * Math.min(Math.abs(points), Math.max(0, slot.capPoints - used));
            times.addLast(time);
            amounts.addLast(Math.abs(granted));
            used += Math.abs(granted);
            return granted;
        }
    }
}
