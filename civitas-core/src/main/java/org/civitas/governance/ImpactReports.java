package org.civitas.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.civitas.ConflictException;
import org.civitas.ledger.LedgerHistory;
import org.civitas.residence.Residents;
import org.civitas.rules.RuleBooks;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.Scorer;

/**
 * The impact of each proposal, published before anyone votes: the real history of the year before it was submitted,
 * replayed from the ledger under the books in force and under the books as the proposal would make them, with the
 * engine that scores, and the change counted by the districts people live in. Each proposal is replayed once, as
 * soon as it opens or when its impact is first asked for, whichever comes first, and its report kept in the archive,
 * with every person's score before and after, which each person sees of themselves alone. A kept impact stays what it
 * was when published, after the books change and across restarts.
 */
public final class ImpactReports {

    /** How much history an impact covers: the year before the proposal. */
    public static final Duration WINDOW = Duration.ofDays(365);

    private final LedgerHistory history;
    private final Legislation legislation;
    private final ProposalCheck check;
    private final Residents residents;
    private final ImpactArchive archive;
    /** A lock for each proposal whose impact was asked for: a few bytes each, kept for the server's life. */
    private final Map<String, Object> replaying = new ConcurrentHashMap<>();
    /** Works out impacts ahead of the first reader, one at a time, on a thread that never keeps the JVM alive. */
    private final ExecutorService ahead = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "impact-reports");
        thread.setDaemon(true);
        return thread;
    });

    public ImpactReports(LedgerHistory history, Legislation legislation, ProposalCheck check, Residents residents,
            ImpactArchive archive) {
        this.history = history;
        this.legislation = legislation;
        this.check = check;
        this.residents = residents;
        this.archive = archive;
    }

    /** Starts working out the impact of a proposal that just opened, so that its first reader need not wait. */
    public void prepare(Proposal proposal) {
        ahead.execute(() -> {
            try {
                impactOf(proposal);
            } catch (RuntimeException e) {
                // A reader asking for it later learns why; nothing waits for this.
            }
        });
    }

    public Impact impactOf(Proposal proposal) {
        return archive.impact(proposal.id()).orElseGet(() -> replay(proposal));
    }

    /** What the proposal would do to {@code person}'s score: nothing, for someone the window does not score. */
    public PersonalImpact impactOn(Proposal proposal, String person) {
        impactOf(proposal);
        return archive.impactOn(proposal.id(), person).orElse(new PersonalImpact(PersonScore.BASE,
                PersonScore.BASE, 0));
    }

    /**
     * Replays a proposal once: a reader asking while it is replayed waits for it, and never replays it too. Other
     * proposals' readers do not wait.
     */
    private Impact replay(Proposal proposal) {
        synchronized (replaying.computeIfAbsent(proposal.id(), id -> new Object())) {
            return archive.impact(proposal.id()).orElseGet(() -> replayed(proposal));
        }
    }

    /** The proposal's impact, worked out from the ledger and kept. */
    private Impact replayed(Proposal proposal) {
        RuleBooks current = legislation.inForce();
        ProposalCheck.Outcome outcome = check.check(proposal.draft(), current, proposal.submittedAt());
        if (outcome.proposed().isEmpty()) {
            throw new ConflictException("the books in force changed since this proposal was submitted, and it no"
                    + " longer applies to them: " + outcome.problems());
        }
        Instant to = proposal.submittedAt();
        ImpactSimulation.Result result = ImpactSimulation.replay(history, new Scorer(current),
                new Scorer(outcome.proposed().get().books()), to.minus(WINDOW), to, unreadable -> { });
        Map<String, PersonalImpact> people = new HashMap<>();
        result.before().people().forEach(score -> people.put(score.person(),
                new PersonalImpact(score.roundedScore(), score.roundedScore(), 0)));
        result.after().people().forEach(score -> people.computeIfPresent(score.person(), (person, was) ->
                new PersonalImpact(was.before(), score.roundedScore(),
                        Math.round((score.roundedScore() - was.before()) * 100) / 100.0)));
        Impact impact = result.impact().withDistricts(byDistrict(people));
        archive.keep(proposal.id(), impact, people);
        return impact;
    }

    /** The change in each district where people live, among the people the window scores. */
    private List<Impact.District> byDistrict(Map<String, PersonalImpact> people) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Double> changes = new HashMap<>();
        residents.districts().forEach((person, district) -> {
            PersonalImpact impact = people.get(person);
            if (impact != null) {
                counts.computeIfAbsent(district, any -> new long[1])[0]++;
                changes.merge(district, impact.change(), Double::sum);
            }
        });
        List<Impact.District> districts = new ArrayList<>();
        counts.forEach((district, count) -> districts.add(Impact.District.of(district, count[0],
                changes.get(district))));
        return districts;
    }
}
