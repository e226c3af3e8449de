package org.civitas.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.civitas.access.AccessLog;
import org.civitas.access.AccessRecord;
import org.civitas.account.Actor;
import org.civitas.account.Role;
import org.civitas.officials.Act;
import org.civitas.officials.OfficialRecord;
import org.civitas.rules.HelpTriggers;
import org.civitas.rules.RuleBooks;
import org.civitas.scoring.Contribution;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.ScoreBoard;

/**
 * Offers help to people when their jurisdiction's charter says (by default, a score below the {@value PersonScore#BASE}
 * everyone starts with; a charter may add a fall of so many points within a period, or a rule matched so many times
 * within one), and routes the offers they accept to the case workers. An offer names the help that fits what lowered
 * the score most (debt advice for obligations, say); only the person sees it until they accept it, and a declined offer
 * is not made again for {@link #QUIET_AFTER_AN_OFFER}. The score decides nothing here: it only starts a question the
 * person answers.
 */
public final class SupportDesk {

    static final Duration QUIET_AFTER_AN_OFFER = Duration.ofDays(90);

    /** The help that fits a category of conduct; anything else gets a general counselling offer. */
    private static final Map<String, String> HELP_BY_CATEGORY = Map.of(
            "obligations", "debt-advice",
            "traffic", "mobility-counselling");
    private static final String GENERAL_HELP = "counselling";

    private final SupportOffers store;
    private final ScoreBoard scores;
    private final AccessLog accessLog;
    private final OfficialRecord officials;
    private final Supplier<RuleBooks> books;
    private final Clock clock;

    public SupportDesk(SupportOffers store, ScoreBoard scores, AccessLog accessLog, OfficialRecord officials,
            Supplier<RuleBooks> books, Clock clock) {
        this.store = store;
        this.scores = scores;
        this.accessLog = accessLog;
        this.officials = officials;
        this.books = books;
        this.clock = clock;
    }

    /**
     * Opens an offer for everyone whom a trigger of their jurisdiction's charter (the jurisdiction of their latest
     * scored event) fires for and who has had none lately; returns how many. One sweep at a time, so that no one is
     * offered the same help twice.
     */
    public synchronized int offerHelp() {
        Instant now = clock.instant();
        Set<String> offeredLately = store.peopleWithOffersSince(now.minus(QUIET_AFTER_AN_OFFER));
        RuleBooks inForce = books.get();
        List<SupportOffer> offers = new ArrayList<>();
        scores.forEachScore(now, (score, jurisdiction) -> {
            if (offeredLately.contains(score.person())) {
                return;
            }
            HelpTriggers help = jurisdiction.flatMap(inForce::forJurisdiction).map(book -> book.charter().help())
                    .orElse(HelpTriggers.DEFAULT);
            triggered(score, help, now).ifPresent(why -> offers.add(offerFor(score, why, now)));
        });
        store.open(offers);
        return offers.size();
    }

    /** Why {@code help} offers {@code score}'s person help now, and in which category of conduct; or empty. */
    private Optional<Trigger> triggered(PersonScore score, HelpTriggers help, Instant now) {
        if (score.score() < help.below()) {
            String threshold = help.below() == PersonScore.BASE ? "the " + PersonScore.BASE + " everyone starts with"
                    : points(help.below()) + ", where your jurisdiction's charter offers help";
            return Optional.of(new Trigger(String.format(Locale.ROOT, "Your score is %.2f, below %s", score.score(),
                    threshold), mostLost(score)));
        }
        if (help.fall().isPresent()) {
            HelpTriggers.Fall fall = help.fall().get();
            double then = scores.score(score.person(), now.minus(fall.within())).score();
            if (then - score.score() >= fall.points()) {
                return Optional.of(new Trigger(String.format(Locale.ROOT, "Your score fell by %.2f points in the"
                        + " past %d days", then - score.score(), fall.within().toDays()), mostLost(score)));
            }
        }
        for (HelpTriggers.Repeated repeated : help.repeated()) {
            List<Contribution> matched = score.contributions().stream()
                    .filter(contribution -> contribution.rule().equals(repeated.rule()) && !contribution.disputed()
                            && contribution.occurredAt().isAfter(now.minus(repeated.within())))
                    .toList();
            if (matched.size() >= repeated.times()) {
                return Optional.of(new Trigger(String.format(Locale.ROOT, "\"%s\" happened %d times in the past"
                        + " %d days", matched.get(0).title(), matched.size(), repeated.within().toDays()),
                        matched.get(0).category()));
            }
        }
        return Optional.empty();
    }

    /** Why an offer is made, and the category of conduct the help should fit ("" for none in particular). */
    private record Trigger(String why, String category) {
    }

    private static String points(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points);
    }

    /** The category of conduct that cost the person most, or "" if none cost anything. */
    private static String mostLost(PersonScore score) {
        Map<String, Double> lostByCategory = new HashMap<>();
        for (Contribution contribution : score.contributions()) {
            if (contribution.worth() < 0) {
                lostByCategory.merge(contribution.category(), -contribution.worth(), Double::sum);
            }
        }
        return lostByCategory.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse("");
    }

    private static SupportOffer offerFor(PersonScore score, Trigger trigger, Instant now) {
        String kind = HELP_BY_CATEGORY.getOrDefault(trigger.category(), GENERAL_HELP);
        String reason = trigger.why() + (trigger.category().isEmpty() ? "" : ", mostly from " + trigger.category())
                + ". If you like, a case worker can help; nothing happens unless you accept.";
        return new SupportOffer(UUID.randomUUID().toString(), score.person(), kind, reason, now,
                SupportOffer.Status.OPEN, Optional.empty());
    }

    public List<SupportOffer> offersTo(String person) {
        return store.offersTo(person);
    }

    /**
     * The cases: accepted offers, each written to its person's access log as read by {@code caseWorker}, acting as
     * {@code role}, and to the official record, before it is returned.
     */
    public List<SupportOffer> cases(String caseWorker, Role role) {
        List<SupportOffer> accepted = store.accepted();
        Instant now = clock.instant();
        for (SupportOffer offer : accepted) {
            accessLog.record(new AccessRecord(offer.person(), caseWorker, role.label(),
                    "support case (" + offer.kind() + ")", "support", Optional.empty(), now));
            officials.record(new Actor(caseWorker, role), Act.CASE_LOOKED, "looked at a support case ("
                    + offer.kind() + ")", Optional.of(offer.person()));
        }
        return accepted;
    }
}
