package org.civitas.sharing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.Tokens;
import org.civitas.access.AccessLog;
import org.civitas.access.AccessRecord;
import org.civitas.account.Accounts;
import org.civitas.account.Actor;
import org.civitas.account.Role;
import org.civitas.constitution.Constitution;
import org.civitas.constitution.RefusedByConstitutionException;
import org.civitas.event.EventCategories;
import org.civitas.officials.Act;
import org.civitas.officials.OfficialRecord;
import org.civitas.source.SourceCatalogue;

/**
 * Grants: a person shares chosen categories of their data, or their score, with a named account, for a purpose the
 * constitution allows, until an expiry. Nothing is shared by default. A look at shared data is allowed only under a
 * grant active at that moment, and is written to the person's access log before anything is handed over.
 */
public final class Sharing {

    /** The longest a grant may run: a person renews what they still want to share. */
    public static final Duration LONGEST = Duration.ofDays(366);
    /** The purpose of what a person shares with their support case. */
    private static final String SUPPORT = "support";

    private final Grants grants;
    private final Accounts accounts;
    private final Supplier<EventCategories> registered;
    private final Constitution constitution;
    private final AccessLog accessLog;
    private final OfficialRecord officials;
    private final Clock clock;

    /** @param registered the categories of the event types registered now, asked each time they are needed */
    public Sharing(Grants grants, Accounts accounts, Supplier<EventCategories> registered, Constitution constitution,
            AccessLog accessLog, OfficialRecord officials, Clock clock) {
        this.grants = grants;
        this.accounts = accounts;
        this.registered = registered;
        this.constitution = constitution;
        this.accessLog = accessLog;
        this.officials = officials;
        this.clock = clock;
    }

    /** Creates the grant {@code owner} asks for, or refuses it, naming the field and why. */
    public Grant grant(Actor owner, String person, GrantRequest request) {
        Instant now = clock.instant();
        if (request.party().equals(owner.username())) {
            throw new InvalidInputException("party", "you see your own data already; name someone else");
        }
        if (accounts.find(request.party()).isEmpty()) {
            throw new InvalidInputException("party", "there is no account '" + request.party() + "'");
        }
        if (request.categories().isEmpty() && !request.score()) {
            throw new InvalidInputException("categories", "name at least one category, or share the score");
        }
        checkCategories("categories", request.categories());
        constitution.checkPurpose(request.purpose()).ifPresent(breach -> {
            throw new RefusedByConstitutionException("purpose", breach);
        });
        if (!request.expiresAt().isAfter(now) || request.expiresAt().isAfter(now.plus(LONGEST))) {
            throw new InvalidInputException("expiresAt", "must be in the future and at most " + LONGEST.toDays()
                    + " days away");
        }
        Grant grant = new Grant("g_" + Tokens.randomHex(12), person, request.party(), request.categories(),
                request.score(), request.purpose(), now, request.expiresAt(), Optional.empty());
        grants.create(grant);
        return grant;
    }

    /** Refuses, as {@code field}, any of {@code categories} that is not a category data can be in. */
    public void checkCategories(String field, List<String> categories) {
        Set<String> known = categories();
        for (String category : categories) {
            if (!known.contains(category)) {
                throw new InvalidInputException(field, "'" + category + "' is not a category; known: "
                        + String.join(", ", known));
            }
        }
    }

    /**
     * Shares {@code person}'s events of {@code categories} with their support case {@code caseId}, for support, until
     * the case ends (at most {@link #LONGEST}); the person sees and may revoke the grant like any other.
     */
    public Grant shareWithCase(String person, String caseId, List<String> categories) {
        checkCategories("share", categories);
        constitution.checkPurpose(SUPPORT).ifPresent(breach -> {
            throw new RefusedByConstitutionException("share", breach);
        });
        Instant now = clock.instant();
        Grant grant = new Grant("g_" + Tokens.randomHex(12), person, Grant.caseParty(caseId), categories, false,
                SUPPORT, now, now.plus(LONGEST), Optional.empty());
        grants.create(grant);
        return grant;
    }

    /** The categories {@code person} shares with their support case {@code caseId} now. */
    public Set<String> sharedWithCase(String person, String caseId) {
        Set<String> shared = new TreeSet<>();
        grants.active(person, Grant.caseParty(caseId), clock.instant())
                .forEach(grant -> shared.addAll(grant.categories()));
        return shared;
    }

    /** Ends what {@code person} shares with their support case {@code caseId}, once the case is over. */
    public void endCase(String person, String caseId) {
        Instant now = clock.instant();
        grants.active(person, Grant.caseParty(caseId), now).forEach(grant -> grants.revoke(grant.id(), person, now));
    }

    /** Every category data can be in: those sources registered, and every personal-only one. */
    public Set<String> categories() {
        Set<String> known = new TreeSet<>(registered.get().categoryByType().values());
        known.addAll(constitution.personalOnlyCategories());
        known.remove(SourceCatalogue.UNCATEGORISED);
        return known;
    }

    /** Every grant {@code person} gave, newest first. */
    public List<Grant> givenBy(String person) {
        return grants.givenBy(person);
    }

    /** The grants active now that share something with {@code party}. */
    public List<Grant> sharedWith(String party) {
        return grants.activeFor(party, clock.instant());
    }

    /** Revokes a grant {@code person} gave; from the next request on it shares nothing. */
    public void revoke(String person, String id) {
        if (!grants.revoke(id, person, clock.instant())) {
            throw new NotFoundException("you have no active grant '" + id + "'");
        }
    }

    /**
     * Opens {@code person}'s score to {@code reader}: the grant that allows it, after the look is logged. Not found
     * when no active grant does, exactly as if the person did not exist.
     */
    public Grant openScore(Actor reader, String person) {
        Instant now = clock.instant();
        Grant grant = grants.active(person, reader.username(), now).stream().filter(Grant::score).findFirst()
                .orElseThrow(() -> nothingShared(person));
        log(reader, grant, "score", now);
        return grant;
    }

    /**
     * Opens {@code person}'s events to {@code reader}: the categories active grants share with them, after each
     * grant's look is logged. Not found when none shares any.
     */
    public Set<String> openEvents(Actor reader, String person, String what) {
        return open(reader, person, reader.username(), what);
    }

    /**
     * Opens to {@code caseWorker} the events {@code person} shares with their support case {@code caseId}: the
     * categories its grants share, after each grant's look is logged. Not found when they share none.
     */
    public Set<String> openCase(Actor caseWorker, String person, String caseId) {
        return open(caseWorker, person, Grant.caseParty(caseId), "events of their support case");
    }

    private Set<String> open(Actor reader, String person, String party, String what) {
        Instant now = clock.instant();
        List<Grant> covering = grants.active(person, party, now).stream()
                .filter(grant -> !grant.categories().isEmpty()).toList();
        if (covering.isEmpty()) {
            throw nothingShared(person);
        }
        Set<String> visible = new TreeSet<>();
        for (Grant grant : covering) {
            log(reader, grant, what + " in " + String.join(", ", grant.categories()), now);
            visible.addAll(grant.categories());
        }
        return visible;
    }

    /** Logs a look at what a grant shares; an official's look is an act of the official record too. */
    private void log(Actor reader, Grant grant, String what, Instant at) {
        accessLog.record(new AccessRecord(grant.person(), reader.username(), reader.role().label(), what,
                grant.purpose(), Optional.of(grant.id()), at));
        if (reader.role() != Role.CITIZEN) {
            officials.record(reader, Act.SHARED_DATA_READ, "read " + what + ", shared for " + grant.purpose(),
                    Optional.of(grant.person()));
        }
    }

    private static NotFoundException nothingShared(String person) {
        return new NotFoundException("nothing of '" + person + "' is shared with you");
    }
}
