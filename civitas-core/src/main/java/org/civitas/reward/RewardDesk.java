package org.civitas.reward;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.civitas.ConflictException;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.NotPermittedException;
import org.civitas.officials.Act;
import org.civitas.officials.OfficialRecord;
import org.civitas.privacy.PersonalKeys;
import org.civitas.residence.Residence;
import org.civitas.residence.Residents;
import org.civitas.rules.Reward;
import org.civitas.rules.Rule;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBooks;
import org.civitas.rules.condition.Eligibility;
import org.civitas.scoring.Contribution;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.ScoreBoard;

/**
 * Where rewards are claimed and redeemed. Each jurisdiction's book lists its rewards in public; a resident of it (or of
 * a jurisdiction below it) for whom a reward's condition holds claims a token, once a {@link #CLAIM_PERIOD}, that
 * names the reward and an expiry and nothing of them; the reward's provider checks and spends the token, once.
 * Whether someone is eligible is worked out for that person alone, when they ask: there is no list of who is.
 */
public final class RewardDesk {

    /** How long a claimed token is good for. */
    public static final Duration TOKEN_LIFETIME = Duration.ofDays(14);
    /** A person claims each reward at most once in each period of this length. */
    public static final Duration CLAIM_PERIOD = Duration.ofDays(30);
    /** The category of the keys that make a person's claim markers. */
    public static final String KEY_CATEGORY = "rewards";

    private final Redemptions redemptions;
    private final RewardKeys keys;
    private final PersonalKeys personalKeys;
    private final Residents residents;
    private final Supplier<RuleBooks> books;
    private final ScoreBoard scores;
    private final OfficialRecord officials;
    private final Eligibility eligibility = new Eligibility();
    private final Clock clock;

    public RewardDesk(Redemptions redemptions, RewardKeys keys, PersonalKeys personalKeys, Residents residents,
            Supplier<RuleBooks> books, ScoreBoard scores, OfficialRecord officials, Clock clock) {
        this.redemptions = redemptions;
        this.keys = keys;
        this.personalKeys = personalKeys;
        this.residents = residents;
        this.books = books;
        this.scores = scores;
        this.officials = officials;
        this.clock = clock;
    }

    /** A reward, and the jurisdiction whose book offers it. */
    public record Offered(String jurisdiction, Reward reward) {
    }

    /** What a claim gives: the token's text, for the provider, and what it says. */
    public record Claim(String token, ClaimToken says) {
    }

    /** What a redeemed token was for. */
    public record Redeemed(String jurisdiction, Reward reward) {
    }

    /** Every jurisdiction's rewards, in public. */
    public List<Offered> catalogue() {
        List<Offered> offered = new ArrayList<>();
        for (RuleBook book : books.get().all()) {
            book.rewards().forEach(reward -> offered.add(new Offered(book.jurisdiction(), reward)));
        }
        return offered;
    }

    /** The public key each jurisdiction signs its tokens with, by jurisdiction. */
    public Map<String, String> publicKeys() {
        Map<String, String> byJurisdiction = new HashMap<>();
        books.get().all().stream().filter(book -> !book.rewards().isEmpty())
                .forEach(book -> byJurisdiction.put(book.jurisdiction(), keys.publicKey(book.jurisdiction())));
        return byJurisdiction;
    }

    /** The rewards {@code person} may claim now: worked out for them alone. */
    public List<Offered> eligibleFor(String person) {
        Optional<Residence> home = residents.residenceOf(person);
        if (home.isEmpty()) {
            return List.of();
        }
        Standing standing = standing(scores.score(person, clock.instant()));
        List<Offered> eligible = new ArrayList<>();
        for (RuleBook book : books.get().lineage(home.get().jurisdiction())) {
            for (Reward reward : book.rewards()) {
                if (standing.meets(reward)) {
                    eligible.add(new Offered(book.jurisdiction(), reward));
                }
            }
        }
        return eligible;
    }

    /**
     * A token for {@code person}'s claim of reward {@code rewardId} of {@code jurisdiction}: refused unless they live
     * there (or below), its condition holds for them, and they have not claimed it in this {@link #CLAIM_PERIOD}.
     */
    public Claim claim(String person, String jurisdiction, String rewardId) {
        Offered offered = find(jurisdiction, rewardId);
        Optional<Residence> home = residents.residenceOf(person);
        if (home.isEmpty() || books.get().lineage(home.get().jurisdiction()).stream()
                .noneMatch(book -> book.jurisdiction().equals(jurisdiction))) {
            throw new NotPermittedException("the rewards of " + jurisdiction + " are for the people who live there");
        }
        Instant now = clock.instant();
        if (!standing(scores.score(person, now)).meets(offered.reward())) {
            throw new ConflictException("you are not eligible for '" + rewardId + "' now: it asks "
                    + offered.reward().eligible());
        }
        long period = now.getEpochSecond() / CLAIM_PERIOD.toSeconds();
        String marker = personalKeys.pseudonym(person, KEY_CATEGORY, jurisdiction + "/" + rewardId + "/" + period);
        if (!redemptions.claim(marker, now)) {
            throw new ConflictException("you have claimed '" + rewardId + "' already; you may claim it again from "
                    + Instant.ofEpochSecond((period + 1) * CLAIM_PERIOD.toSeconds()));
        }
        ClaimToken token = new ClaimToken(jurisdiction, rewardId, UUID.randomUUID().toString(),
                now.plus(TOKEN_LIFETIME));
        return new Claim(token.text(keys.sign(jurisdiction, token.payload())), token);
    }

    /**
     * {@code provider}'s check of a token, which spends it: refused if it is not a token its jurisdiction signed, if
     * the reward is another provider's, if it expired, or if it was spent before.
     */
    public Redeemed redeem(String provider, String text) {
        ClaimToken.Signed signed = ClaimToken.read(text).orElseThrow(() -> new InvalidInputException("token",
                "not a claim token: a token is two base64url parts joined by a dot"));
        ClaimToken token = signed.token();
        Offered offered = catalogue().stream().filter(candidate -> candidate.jurisdiction()
                .equals(token.jurisdiction()) && candidate.reward().id().equals(token.reward())).findFirst()
                .orElseThrow(() -> new InvalidInputException("token", "it names no reward any book offers"));
        if (!keys.verifies(token.jurisdiction(), token.payload(), signed.signature())) {
            throw new InvalidInputException("token", "its signature is not " + token.jurisdiction() + "'s");
        }
        if (!offered.reward().provider().equals(provider)) {
            throw new NotPermittedException("'" + token.reward() + "' is given by " + offered.reward().provider()
                    + ", not by " + provider);
        }
        Instant now = clock.instant();
        if (now.isAfter(token.expires())) {
            throw new ConflictException("this token expired at " + token.expires());
        }
        if (!redemptions.spend(token.nonce(), token.jurisdiction(), token.reward(), provider, now)) {
            throw new ConflictException("this token was spent already; each is good once");
        }
        officials.recordBySource(provider, Act.REWARD_REDEEMED, "redeemed a claim token for '" + token.reward()
                + "' of " + token.jurisdiction());
        return new Redeemed(token.jurisdiction(), offered.reward());
    }

    private Offered find(String jurisdiction, String rewardId) {
        return catalogue().stream().filter(offered -> offered.jurisdiction().equals(jurisdiction)
                && offered.reward().id().equals(rewardId)).findFirst()
                .orElseThrow(() -> new NotFoundException("no reward '" + rewardId + "' in " + jurisdiction));
    }

    /** What a reward's condition reads of a person: their score, and per rule id their points and its count. */
    private record Standing(Eligibility eligibility, double score, Map<String, Double> points,
            Map<String, Long> count) {

        boolean meets(Reward reward) {
            return eligibility.holds(reward.eligible(), score, points, count);
        }
    }

    /** {@code score}'s standing: every rule id of the books counts, at 0 if it gave the person nothing. */
    private Standing standing(PersonScore score) {
        Map<String, Double> points = new HashMap<>();
        Map<String, Long> count = new HashMap<>();
        for (RuleBook book : books.get().all()) {
            for (Rule rule : book.rules()) {
                points.put(rule.id(), 0.0);
                count.put(rule.id(), 0L);
            }
        }
        for (Contribution contribution : score.contributions()) {
            points.merge(contribution.rule(), contribution.worth(), Double::sum);
            count.merge(contribution.rule(), 1L, Long::sum);
        }
        return new Standing(eligibility, score.score(), points, count);
    }
}
