package org.civitas.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civitas.rules.Effective;
import org.civitas.rules.Rule;
import org.civitas.rules.RuleBook;

/**
 * How an adopted proposal changes its jurisdiction's book, keeping its history: the versions a rule had stay in the
 * book for the events of their time, and the new version takes over at the instant of adoption. A new or harsher
 * penalty takes over only after the charter's notice period; relief with amnesty replaces the old versions
 * altogether, so that it reaches back to past events. A rule of a higher book that a change overrides keeps its
 * versions' time here too, as a copy.
 */
public final class Adoption {

    private Adoption() {
    }

    /**
     * {@code current} once {@code proposal}, checked as {@code proposed}, is adopted at {@code adoptedAt}: a book
     * whose versions of the rule follow each other in time.
     */
    public static RuleBook adopt(RuleBook current, Proposal proposal, ProposalCheck.ProposedBooks proposed,
            Instant adoptedAt) {
        String id = proposal.draft().change().ruleId();
        boolean amnesty = proposal.draft().amnesty();
        Optional<Rule> rule = proposed.rule();
        Optional<Rule> previous = proposed.previous();
        boolean harsher = rule.filter(will -> will.points() < 0
                && (previous.isEmpty() || !relief(previous.get(), will))).isPresent();
        Instant start = harsher ? adoptedAt.plus(current.charter().noticePeriod()) : adoptedAt;
        List<Rule> rules = new ArrayList<>();
        boolean ownVersions = false;
        for (Rule existing : current.rules()) {
            if (!existing.id().equals(id)) {
                rules.add(existing);
                continue;
            }
            ownVersions = true;
            if (!amnesty) {
                endBy(existing, start).ifPresent(rules::add);
            }
        }
        if (!ownVersions && !amnesty && previous.isPresent()) {
            endBy(previous.get(), start).ifPresent(rules::add);
        }
        rule.ifPresent(will -> rules.add(will.withEffective(new Effective(amnesty ? will.effective().from()
                : Optional.of(later(start, will.effective().from())), will.effective().until()))
                .adoptedBy(proposal.id())));
        return current.withRules(rules, current.origin());
    }

    /**
     * Whether {@code will} only relieves what {@code was} asks: the same conduct (its type and condition) costing no
     * more, and, while it costs anything, fading no slower.
     */
    static boolean relief(Rule was, Rule will) {
        boolean sameConduct = was.on().equals(will.on()) && was.when().expression().equals(will.when().expression());
        boolean fadesNoSlower = will.halfLife().isPresent() && (was.halfLife().isEmpty()
                || will.halfLife().get().compareTo(was.halfLife().get()) <= 0);
        return sameConduct && will.points() >= was.points() && will.points() <= 0
                && (will.points() == 0 || fadesNoSlower);
    }

    /** A version that ends by {@code start}: as it is if it already does, cut off at it, or none if it starts later. */
    private static Optional<Rule> endBy(Rule version, Instant start) {
        Effective effective = version.effective();
        if (effective.from().filter(from -> !from.isBefore(start)).isPresent()) {
            return Optional.empty();
        }
        if (effective.until().filter(until -> !until.isAfter(start)).isPresent()) {
            return Optional.of(version);
        }
        return Optional.of(version.withEffective(new Effective(effective.from(), Optional.of(start))));
    }

    private static Instant later(Instant start, Optional<Instant> from) {
        return from.filter(instant -> instant.isAfter(start)).orElse(start);
    }
}
