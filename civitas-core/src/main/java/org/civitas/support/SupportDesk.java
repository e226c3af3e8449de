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
import org.civitas.NotFoundException;
import org.civitas.access.AccessLog;
import org.civitas.access.AccessRecord;
import org.civitas.account.Actor;
import org.civitas.account.Role;
import org.civitas.officials.Act;
import org.civitas.officials.OfficialRecord;
import org.civitas.scoring.Contribution;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.ScoreBoard;

/**
 * Offers help to people whose score fell below the {@value PersonScore#BASE} everyone starts with, and routes the
 * offers they accept to the case workers. An offer names the help that fits what lowered the score most (debt advice
 * for obligations, say); only the person sees it until they accept it, and a declined offer is not made again for
 * {@link #QUIET_AFTER_AN_OFFER}. The score decides nothing here: it only starts a question the person answers.
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
    private final Clock clock;

    public SupportDesk(SupportOffers store, ScoreBoard scores, AccessLog accessLog, OfficialRecord officials,
            Clock clock) {
        this.store = store;
        this.scores = scores;
        this.accessLog = accessLog;
        this.officials = officials;
        this.clock = clock;
    }

    /**
     * Opens an offer for everyone whose score is below the base and who has had none lately; returns how many. One
     * sweep at a time, so that no one is offered the same help twice.
     */
    public synchronized int offerHelp() {
        Instant now = clock.instant();
        Set<String> offeredLately = store.peopleWithOffersSince(now.minus(QUIET_AFTER_AN_OFFER));
        List<SupportOffer> offers = new ArrayList<>();
        scores.forEachScore(now, (score, jurisdiction) -> {
            if (score.score() < PersonScore.BASE && !offeredLately.contains(score.person())) {
                offers.add(offerFor(score, now));
            }
        });
        store.open(offers);
        return offers.size();
    }

    private static SupportOffer offerFor(PersonScore score, Instant now) {
        Map<String, Double> lostByCategory = new HashMap<>();
        for (Contribution contribution : score.contributions()) {
            if (contribution.worth() < 0) {
                lostByCategory.merge(contribution.category(), -contribution.worth(), Double::sum);
            }
        }
        String category = lostByCategory.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse("");
        String kind = HELP_BY_CATEGORY.getOrDefault(category, GENERAL_HELP);
        String reason = String.format(Locale.ROOT, "Your score is %.2f, below the %d everyone starts with%s."
                + " If you like, a case worker can help; nothing happens unless you accept.", score.score(),
                PersonScore.BASE, category.isEmpty() ? "" : ", mostly from " + category);
        return new SupportOffer(UUID.randomUUID().toString(), score.person(), kind, reason, now,
                SupportOffer.Status.OPEN, Optional.empty());
    }

    public List<SupportOffer> offersTo(String person) {
        return store.offersTo(person);
    }

    /** Records the person's answer to their open offer; refuses an offer that is not theirs or not open. */
    public SupportOffer answer(String person, String offer, SupportOffer.Status answer) {
        if (!SupportOffer.Status.OPEN.canBecome(answer) || !store.answer(offer, person, answer, clock.instant())) {
            throw new NotFoundException("you have no open offer of help with id '" + offer + "'");
        }
        return store.offersTo(person).stream().filter(o -> o.id().equals(offer)).findFirst().orElseThrow();
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
