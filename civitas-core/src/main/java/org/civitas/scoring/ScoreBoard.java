package org.civitas.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.LongPredicate;
import org.civitas.event.Event;
import org.civitas.ledger.LedgerPositions;

/**
 * Everyone's score, kept up to date as events arrive, for a running server. It remembers which rules each person's
 * events matched; a score is then worked out for whatever instant is asked, decay and caps included, in
 * microseconds. Events are added by one thread at a time, in ledger order; scores may be read from any thread.
 */
public final class ScoreBoard {

    private static final Match[] NO_MATCHES = new Match[0];

    /** How many set-aside entries the board names; beyond that it only counts them. */
    public static final int MAX_NAMED = 1_000;

    /** Finds the matches of the events taken; replaced, with every match, when the books change. */
    private volatile RuleMatcher matcher;
    /** Matches made-up events, so that they count in no statistics of the real ones. */
    private volatile RuleMatcher whatIfMatcher;
    private volatile Map<String, Match[]> matchesByPerson = new ConcurrentHashMap<>();
    /** The board holds every entry of each chain before this position. Guarded by this. */
    private long[] takenUpTo = new long[1];
    private final Map<Long, SetAside> setAside = new ConcurrentSkipListMap<>();
    private final AtomicLong setAsideCount = new AtomicLong();

    public ScoreBoard(Scorer scorer) {
        this.matcher = new RuleMatcher(Objects.requireNonNull(scorer, "scorer"));
        this.whatIfMatcher = new RuleMatcher(scorer);
    }

    /**
     * Adds an event from the ledger; {@code sequence} is its place there. Returns the ids of the rules it matched,
     * in rule book order. An event that cannot be scored (a rule needs its attributes, and they cannot be read) is
     * set aside whole: it counts for no one, {@link #setAside()} names it, and the board goes on with the next.
     */
    public synchronized List<String> accept(Event event, long sequence) {
        take(sequence);
        List<Match> matched = new ArrayList<>(2);
        try {
            Optional<Amendment> amendment = Amendment.of(event);
            if (amendment.isPresent()) {
                amend(matchesByPerson, event.person(), amendment.get(), matcher, sequence);
                return List.of();
            }
            matcher.match(event, sequence, matched::add);
        } catch (RuntimeException e) {
            // Scoring is pure computation over the event, so what fails here fails for this event alone.
            include(event.person(), sequence);
            setAside(sequence, "cannot be scored: " + e.getMessage());
            return List.of();
        }
        matchesByPerson.merge(event.person(), matched.toArray(NO_MATCHES), ScoreBoard::concat);
        return matched.stream().map(match -> match.slot().rule.id()).toList();
    }

    /** Records that the ledger entry at {@code sequence} counts for no one, and why: it cannot be read, say. */
    public synchronized void setAside(long sequence, String reason) {
        take(sequence);
        setAsideCount.incrementAndGet();
        if (setAside.size() < MAX_NAMED) {
            setAside.put(sequence, new SetAside(sequence, reason));
        }
    }

    /** The entries set aside, in ledger order: the first {@value #MAX_NAMED} of them. */
    public List<SetAside> setAside() {
        return List.copyOf(setAside.values());
    }

    /** How many entries were set aside in all. */
    public long setAsideCount() {
        return setAsideCount.get();
    }

    /** Counts {@code person} in for the event at {@code sequence}, which no rule reads. */
    public synchronized void include(String person, long sequence) {
        take(sequence);
        matchesByPerson.putIfAbsent(person, NO_MATCHES);
    }

    private void take(long position) {
        int chain = LedgerPositions.chainOf(position);
        if (chain >= takenUpTo.length) {
            takenUpTo = Arrays.copyOf(takenUpTo, chain + 1);
        }
        takenUpTo[chain] = Math.max(takenUpTo[chain], position + 1);
    }

    /** Whether the board holds the entry at {@code position}. */
    private boolean took(long position) {
        int chain = LedgerPositions.chainOf(position);
        return chain < takenUpTo.length && position < takenUpTo[chain];
    }

    /** Hands the events of the ledger the board took back, each chain's in order, to be matched again. */
    @FunctionalInterface
    public interface Replay {

        /**
         * Hands {@code into} every event at a position {@code taken} accepts, of a type {@code scorer} reads where it
         * happened, with its position.
         */
        void replay(Scorer scorer, LongPredicate taken, BiConsumer<Event, Long> into);
    }

    /**
     * Matches every event taken so far again, under {@code scorer}'s books: after the books change, each score is
     * what scoring the whole ledger under the new books gives. Scores read meanwhile are the old ones; events arrive
     * again once it is done.
     */
    public synchronized void rescore(Scorer scorer, Replay replay) {
        RuleMatcher fresh = new RuleMatcher(scorer);
        Map<String, Match[]> matches = new ConcurrentHashMap<>();
        matchesByPerson.keySet().forEach(person -> matches.put(person, NO_MATCHES));
        replay.replay(scorer, this::took, (event, sequence) -> {
            List<Match> matched = new ArrayList<>(2);
            try {
                Optional<Amendment> amendment = Amendment.of(event);
                if (amendment.isPresent()) {
                    amend(matches, event.person(), amendment.get(), fresh, sequence);
                    return;
                }
                fresh.match(event, sequence, matched::add);
            } catch (RuntimeException e) {
                setAside(sequence, "cannot be scored: " + e.getMessage());
                return;
            }
            matches.merge(event.person(), matched.toArray(NO_MATCHES), ScoreBoard::concat);
        });
        matcher = fresh;
        whatIfMatcher = new RuleMatcher(scorer);
        matchesByPerson = matches;
    }

    /** Whether any event of {@code person} has been seen. */
    public boolean knows(String person) {
        return matchesByPerson.containsKey(person);
    }

    /** How many people have been seen. */
    public int people() {
        return matchesByPerson.size();
    }

    /** {@code person}'s score at {@code at}: 1000 for someone with no scored events. */
    public PersonScore score(String person, Instant at) {
        return PersonScoring.score(person, Arrays.asList(matchesByPerson.getOrDefault(person, NO_MATCHES)), at);
    }

    /**
     * What {@code person}'s score at {@code at} would be if {@code hypothetical} events were theirs too, after their
     * real ones: the score and every contribution, the made-up ones among them, by exactly the rules that score. The
     * board keeps nothing of them.
     */
    public PersonScore whatIf(String person, List<Event> hypothetical, Instant at) {
        List<Match> matches = new ArrayList<>(Arrays.asList(matchesByPerson.getOrDefault(person, NO_MATCHES)));
        RuleMatcher made = whatIfMatcher;
        synchronized (made) {
            long order = Long.MAX_VALUE - hypothetical.size();
            for (Event event : hypothetical) {
                if (!event.person().equals(person)) {
                    throw new IllegalArgumentException("a what-if of " + person + " holds an event of someone else");
                }
                made.match(event, order++, matches::add);
            }
        }
        return PersonScoring.score(person, matches, at);
    }

    /** {@code person}'s score at every {@code step} from {@code from} to {@code to}, both included. */
    public List<ScorePoint> history(String person, Instant from, Instant to, Duration step) {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("a history needs a positive step, not " + step);
        }
        List<Match> matches = Arrays.asList(matchesByPerson.getOrDefault(person, NO_MATCHES));
        List<ScorePoint> points = new ArrayList<>();
        for (Instant at = from; !at.isAfter(to); at = at.plus(step)) {
            points.add(new ScorePoint(at, PersonScoring.score(person, matches, at).roundedScore()));
        }
        return points;
    }

    /**
     * Hands everyone's score at {@code at} to {@code visitor}, with the jurisdiction of their latest scored event up to
     * then (empty for someone with none).
     */
    public void forEachScore(Instant at, BiConsumer<PersonScore, Optional<String>> visitor) {
        matchesByPerson.forEach((person, matches) -> visitor.accept(
                PersonScoring.score(person, Arrays.asList(matches), at), latestJurisdiction(matches, at)));
    }

    private static Optional<String> latestJurisdiction(Match[] matches, Instant at) {
        Match latest = null;
        for (Match match : matches) {
            boolean counts = !match.occurredAt().isAfter(at);
            if (counts && (latest == null || match.occurredAt().isAfter(latest.occurredAt()))) {
                latest = match;
            }
        }
        return latest == null ? Optional.empty() : Optional.of(latest.slot().jurisdiction);
    }

    /** Per rule, the events its condition could not be evaluated for. */
    public synchronized Map<String, Long> evaluationErrors() {
        return matcher.evaluationErrors();
    }

    private static void amend(Map<String, Match[]> matches, String person, Amendment amendment, RuleMatcher matcher,
            long sequence) {
        Match[] known = matches.getOrDefault(person, NO_MATCHES);
        matches.put(person, Amending.amend(Arrays.asList(known), amendment, matcher, sequence).toArray(NO_MATCHES));
    }

    private static Match[] concat(Match[] known, Match[] added) {
        if (added.length == 0) {
            return known;
        }
        Match[] all = Arrays.copyOf(known, known.length + added.length);
        System.arraycopy(added, 0, all, known.length, added.length);
        return all;
    }
}
