package org.civitas.dispute;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.civitas.ConflictException;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.NotPermittedException;
import org.civitas.access.AccessLog;
import org.civitas.access.AccessRecord;
import org.civitas.account.Actor;
import org.civitas.account.Role;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.event.EventKey;
import org.civitas.ledger.LedgerAppender;
import org.civitas.officials.Act;
import org.civitas.officials.OfficialRecord;
import org.civitas.scoring.Amendment;
import org.civitas.scoring.Contribution;
import org.civitas.scoring.ScoreBoard;

/**
 * Where a person disputes one of their points and gets a human review with a deadline that runs in their favour.
 * Opening a dispute records an entry in the ledger that makes the event count nothing; the source may answer within
 * {@link #ANSWER_PERIOD}; two reviewers decide independently, and when they disagree the person's side wins; a
 * dispute nobody decides by its deadline resolves as removed. The outcome is an entry in the ledger too, so that
 * every pass over it ({@code civitas score --data}, {@code verify}) honours it.
 */
public final class DisputeDesk {

    /** How long reviewers have to decide. */
    public static final Duration REVIEW_PERIOD = Duration.ofDays(30);
    /** How long they have when the person gives evidence. */
    public static final Duration REVIEW_PERIOD_WITH_EVIDENCE = Duration.ofDays(45);
    /** How long the source has to answer. */
    public static final Duration ANSWER_PERIOD = Duration.ofDays(5);
    /** How many reviewers decide a dispute. */
    public static final int REVIEWERS = 2;
    public static final int MAX_REASON = 2_000;
    public static final int MAX_EVIDENCE = 10_000;
    private static final Pattern DISPUTE_ID = Pattern.compile("[0-9a-f-]{36}");

    private final Disputes disputes;
    private final DisputedEvents events;
    private final ScoreBoard scores;
    private final LedgerAppender ledger;
    private final AccessLog accessLog;
    private final OfficialRecord officials;
    private final Clock clock;

    public DisputeDesk(Disputes disputes, DisputedEvents events, ScoreBoard scores, LedgerAppender ledger,
            AccessLog accessLog, OfficialRecord officials, Clock clock) {
        this.disputes = disputes;
        this.events = events;
        this.scores = scores;
        this.ledger = ledger;
        this.accessLog = accessLog;
        this.officials = officials;
        this.clock = clock;
    }

    /**
     * Opens {@code person}'s dispute about their event {@code eventId} of {@code source} (which may be left empty if
     * no other of their points has an event of that id), which must have given them a point: from the moment the
     * ledger records the dispute, the event counts nothing until it resolves.
     */
    public synchronized Dispute open(String person, String source, String eventId, String reason, String evidence) {
        String why = text("reason", reason, MAX_REASON, true);
        String added = text("evidence", evidence, MAX_EVIDENCE, false);
        Instant now = clock.instant();
        List<Contribution> points = scores.score(person, now).contributions().stream()
                .filter(contribution -> contribution.event().equals(eventId)
                        && (source.isEmpty() || contribution.source().equals(source)))
                .toList();
        if (points.stream().map(Contribution::source).distinct().count() > 1) {
            throw new InvalidInputException("source", "events of id '" + eventId + "' came from "
                    + String.join(" and ", points.stream().map(Contribution::source).distinct().toList())
                    + "; say which one you dispute");
        }
        EventKey event = new EventKey(points.isEmpty() ? source : points.get(0).source(), eventId);
        DisputedEvent disputed = points.stream().findFirst()
                .flatMap(point -> events.find(person, event, point.occurredAt()))
                .orElseThrow(() -> new NotFoundException("you have no point for event '" + eventId + "'"
                        + (source.isEmpty() ? "" : " of " + source) + "; dispute an event that gave you one"));
        Dispute dispute = new Dispute(UUID.randomUUID().toString(), person, event, disputed.type(),
                disputed.occurredAt(), disputed.jurisdiction(), why, added, DisputeState.OPEN, now,
                now.plus(added.isEmpty() ? REVIEW_PERIOD : REVIEW_PERIOD_WITH_EVIDENCE), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty());
        requireNoEarlierDispute(person, event, now);
        disputes.open(dispute);
        try {
            record(dispute, new Amendment(Amendment.Kind.DISPUTED, event, dispute.id(), Optional.empty()), now);
        } catch (RuntimeException e) {
            disputes.forget(dispute.id());
            throw e;
        }
        return dispute;
    }

    /**
     * A person disputes an event once, and once more within {@link #REVIEW_PERIOD} of its source's reinstating it with
     * new evidence.
     */
    private void requireNoEarlierDispute(String person, EventKey event, Instant now) {
        Optional<Dispute> latest = disputes.of(person).stream().filter(earlier -> earlier.event().equals(event))
                .findFirst();
        if (latest.isEmpty()) {
            return;
        }
        Optional<Instant> reinstated = latest.get().reinstatement().map(SourceAnswer::answeredAt);
        if (reinstated.isEmpty()) {
            throw new ConflictException("you have disputed event '" + event.id() + "' of " + event.source()
                    + " already; see its dispute on your page");
        }
        if (now.isAfter(reinstated.get().plus(REVIEW_PERIOD))) {
            throw new ConflictException("its source reinstated event '" + event.id() + "' on " + reinstated.get()
                    + "; a new dispute could be opened for " + REVIEW_PERIOD.toDays() + " days after that");
        }
    }

    /**
     * {@code source}'s reinstatement, with new evidence, of its event that a dispute removed: the event counts again
     * from the moment the ledger records it, and its person, who sees the evidence on their disputes, may dispute it
     * once more within {@link #REVIEW_PERIOD}.
     */
    public synchronized Dispute reinstate(String source, String id, String evidence) {
        String text = text("evidence", evidence, MAX_EVIDENCE, true);
        Dispute dispute = find(id);
        if (!dispute.event().source().equals(source)) {
            throw new NotFoundException("no dispute with id '" + id + "' about an event of yours");
        }
        if (dispute.state() != DisputeState.REMOVED) {
            throw new ConflictException("only an event a dispute removed can be reinstated; this dispute is "
                    + dispute.state().id());
        }
        Instant now = clock.instant();
        record(dispute, new Amendment(Amendment.Kind.REINSTATED, dispute.event(), dispute.id(), Optional.empty()),
                now);
        disputes.reinstate(id, new SourceAnswer(text, now));
        return find(id);
    }

    /**
     * {@code person}'s evidence added to their open dispute: reviewers then have {@link #REVIEW_PERIOD_WITH_EVIDENCE}
     * from its opening.
     */
    public synchronized Dispute addEvidence(String person, String id, String evidence) {
        Dispute dispute = unresolvedOf(person, id);
        String added = text("evidence", evidence, MAX_EVIDENCE, true);
        String all = dispute.evidence().isEmpty() ? added : dispute.evidence() + "\n\n" + added;
        if (all.length() > MAX_EVIDENCE) {
            throw new InvalidInputException("evidence", "at most " + MAX_EVIDENCE + " characters in all; this"
                    + " dispute holds " + dispute.evidence().length() + " already");
        }
        return withEvidence(dispute, all);
    }

    /** {@code person}'s dispute {@code id}, if it is theirs and not yet resolved; refused otherwise. */
    public Dispute unresolvedOf(String person, String id) {
        Dispute dispute = Optional.of(find(id)).filter(found -> found.person().equals(person))
                .orElseThrow(() -> new NotFoundException("you have no dispute with id '" + id + "'"));
        if (dispute.state().isFinal()) {
            throw new ConflictException("this dispute was resolved already: " + dispute.state().id());
        }
        return dispute;
    }

    /**
     * {@code dispute} with its evidence now {@code evidence}, the person having added some: reviewers then have
     * {@link #REVIEW_PERIOD_WITH_EVIDENCE} from its opening.
     */
    private synchronized Dispute withEvidence(Dispute dispute, String evidence) {
        Instant deadline = dispute.openedAt().plus(REVIEW_PERIOD_WITH_EVIDENCE);
        if (!disputes.addEvidence(dispute.id(), evidence, deadline.isAfter(dispute.deadline()) ? deadline
                : dispute.deadline())) {
            throw new ConflictException("this dispute was resolved meanwhile");
        }
        return find(dispute.id());
    }

    /** {@code person}'s disputes, newest first. */
    public List<Dispute> of(String person) {
        settle();
        return disputes.of(person);
    }

    /** The disputes about events of {@code source}, newest first: what the source is told of. */
    public List<Dispute> about(String source) {
        settle();
        return disputes.about(source);
    }

    /** The open disputes, the nearest deadline first: what reviewers work on. */
    public List<Dispute> open() {
        settle();
        return disputes.open();
    }

    /** A dispute, without its event. */
    public Dispute get(String id) {
        settle();
        return find(id);
    }

    /** A dispute and the event it is about, as its person's vault keeps it (if it still does). */
    public record Review(Dispute dispute, Optional<DisputedEvent> event) {
    }

    /**
     * A dispute with its event, for {@code reviewer} to decide: the look at the person's event is in their access log
     * and the official record before the event is handed over.
     */
    public Review review(Actor reviewer, String id) {
        requireReviewer(reviewer);
        settle();
        Dispute dispute = find(id);
        accessLog.record(new AccessRecord(dispute.person(), reviewer.username(), reviewer.role().label(),
                "the event under dispute, " + dispute.event(), "reviewing dispute " + dispute.id(), Optional.empty(),
                clock.instant()));
        officials.record(reviewer, Act.DISPUTE_REVIEWED, "looked at an event under dispute",
                Optional.of(dispute.person()));
        return new Review(dispute, events.find(dispute.person(), dispute.event(), dispute.occurredAt()));
    }

    /** Per source, how many of its events were disputed and how many of those removed: public statistics. */
    public List<SourceDisputes> countBySource() {
        settle();
        return disputes.countBySource();
    }

    /** {@code source}'s answer to a dispute about one of its events, within {@link #ANSWER_PERIOD} of its opening. */
    public Dispute answer(String source, String id, String answer) {
        String text = text("answer", answer, MAX_EVIDENCE, true);
        Dispute dispute = find(id);
        if (!dispute.event().source().equals(source)) {
            throw new NotFoundException("no dispute with id '" + id + "' about an event of yours");
        }
        Instant now = clock.instant();
        if (now.isAfter(dispute.openedAt().plus(ANSWER_PERIOD))) {
            throw new ConflictException("a source answers within " + ANSWER_PERIOD.toDays() + " days of the"
                    + " dispute's opening; that was " + dispute.openedAt().plus(ANSWER_PERIOD));
        }
        if (!disputes.answer(id, new SourceAnswer(text, now))) {
            throw new ConflictException("you have answered this dispute already");
        }
        return find(id);
    }

    /**
     * {@code reviewer}'s decision about a dispute, with its reason ({@code corrected}: for a correction, the event's
     * attributes as corrected). Once {@value #REVIEWERS} reviewers have decided, the dispute resolves: as they both
     * decided, or, if they disagree, as the one more in the person's favour decided.
     */
    public Dispute decide(Actor reviewer, String id, Outcome outcome, String reason,
            Optional<Map<String, Object>> corrected) {
        requireReviewer(reviewer);
        String why = text("reason", reason, MAX_REASON, true);
        if (corrected.isPresent() != (outcome == Outcome.CORRECTED)) {
            throw new InvalidInputException("attributes", outcome == Outcome.CORRECTED
                    ? "required for a correction: the event's attributes as corrected, a JSON object"
                    : "only a correction gives attributes");
        }
        settle();
        Dispute dispute = find(id);
        if (dispute.state().isFinal()) {
            throw new ConflictException("this dispute was resolved already: " + dispute.state().id());
        }
        if (dispute.decidedBy(reviewer.username())) {
            throw new ConflictException("you have decided this dispute already; a second reviewer decides too");
        }
        Decision decision = new Decision(reviewer.username(), reviewer.badge(), outcome, why,
                corrected.map(values -> Attributes.of(values).toJson()), clock.instant());
        if (!disputes.decide(id, decision)) {
            throw new ConflictException("you have decided this dispute already, or it was resolved meanwhile");
        }
        officials.record(reviewer, Act.DISPUTE_DECIDED, "decided a dispute: " + outcome.id(),
                Optional.of(dispute.person()));
        Dispute decided = find(id);
        if (decided.decisions().size() >= REVIEWERS) {
            resolve(decided, decided.decisions(), decision.decidedAt());
        }
        return find(id);
    }

    /** Resolves as removed every open dispute whose deadline has passed; returns how many. */
    public synchronized int settle() {
        Instant now = clock.instant();
        int settled = 0;
        for (Dispute dispute : disputes.due(now)) {
            record(dispute, new Amendment(Amendment.Kind.REMOVED, dispute.event(), dispute.id(), Optional.empty()),
                    dispute.deadline());
            settled += disputes.resolve(dispute.id(), DisputeState.REMOVED, dispute.deadline()) ? 1 : 0;
        }
        return settled;
    }

    /**
     * Records in the ledger what the reviewers' decisions come to, then resolves the dispute so: the ledger keeps one
     * outcome per dispute whatever happens in between.
     */
    private synchronized void resolve(Dispute dispute, List<Decision> decisions, Instant at) {
        Decision decisive = decisive(decisions);
        Optional<Event> correction = decisive.corrected().map(json -> new Event(dispute.event().id(),
                dispute.event().source(), dispute.person(), dispute.type(), dispute.occurredAt(),
                dispute.jurisdiction(), Attributes.ofValidatedJson(json.getBytes(StandardCharsets.UTF_8))));
        record(dispute, new Amendment(decisive.outcome().amendment(), dispute.event(), dispute.id(), correction),
                at);
        disputes.resolve(dispute.id(), decisive.outcome().state(), at);
    }

    /**
     * The decision that counts: the one more in the person's favour (removed over corrected over upheld); two
     * corrections that differ are a disagreement the person wins, so the event is removed.
     */
    static Decision decisive(List<Decision> decisions) {
        Decision first = decisions.get(0);
        Decision second = decisions.get(1);
        if (first.outcome() == Outcome.CORRECTED && second.outcome() == Outcome.CORRECTED
                && !first.corrected().equals(second.corrected())) {
            return new Decision(second.reviewer(), second.badge(), Outcome.REMOVED, "the reviewers corrected the"
                    + " event differently", Optional.empty(), second.decidedAt());
        }
        return first.outcome().compareTo(second.outcome()) >= 0 ? first : second;
    }

    private void record(Dispute dispute, Amendment amendment, Instant at) {
        ledger.append(List.of(amendment.entry(dispute.person(), dispute.jurisdiction(), at)));
    }

    static void requireReviewer(Actor actor) {
        if (actor.role() != Role.REVIEWER) {
            throw new NotPermittedException("only reviewers review disputes");
        }
    }

    private Dispute find(String id) {
        if (!DISPUTE_ID.matcher(id).matches()) {
            throw new NotFoundException("no dispute with id '" + id + "'");
        }
        return disputes.find(id).orElseThrow(() -> new NotFoundException("no dispute with id '" + id + "'"));
    }

    private static String text(String field, String value, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            throw new InvalidInputException(field, "required: say why, in plain text");
        }
        if (text.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters, not " + text.length());
        }
        return text;
    }
}
