package org.civitas.governance;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.civitas.ConflictException;
import org.civitas.InvalidInputException;

/**
 * Where a proposal stands. A draft opens once it has no problems; an open proposal collects supports until it
 * reaches its threshold and goes to a vote, or its debate period ends and it expires; a vote adopts or rejects it.
 * A proposal whose vote carried lapses instead if the books changed meanwhile so that its change no longer applies
 * (another adopted proposal added the rule it adds, say). Its author may withdraw it before the vote. Adopted,
 * rejected, lapsed, withdrawn and expired are final.
 */
public enum ProposalState {
    DRAFT, OPEN, VOTING, ADOPTED, REJECTED, LAPSED, WITHDRAWN, EXPIRED;

    /** The name the API and the pages use: {@code voting}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The states a proposal in this one may move to. */
    public Set<ProposalState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(OPEN, WITHDRAWN);
            case OPEN -> EnumSet.of(VOTING, WITHDRAWN, EXPIRED);
            case VOTING -> EnumSet.of(ADOPTED, REJECTED, LAPSED);
            case ADOPTED, REJECTED, LAPSED, WITHDRAWN, EXPIRED -> EnumSet.noneOf(ProposalState.class);
        };
    }

    public boolean canBecome(ProposalState next) {
        return next().contains(next);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** {@code next}, if a proposal in this state may move there; refused otherwise, naming both states. */
    public ProposalState moveTo(ProposalState next) {
        if (!canBecome(next)) {
            throw new ConflictException("a proposal that is " + id() + " cannot become " + next.id()
                    + (isFinal() ? "; " + id() + " is final" : "; it can become " + alternatives()));
        }
        return next;
    }

    /** The states this one may move to, as a sentence ends: {@code adopted, rejected or lapsed}. */
    private String alternatives() {
        List<String> names = next().stream().map(ProposalState::id).toList();
        int last = names.size() - 1;
        return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " or " + names.get(last);
    }

    /** The state named {@code id}, as the API writes it; refused with the names there are. */
    public static ProposalState of(String id) {
        return Arrays.stream(values()).filter(state -> state.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException("state", "'" + id + "' is not a state of a proposal;"
                        + " there are " + String.join(", ", ids())));
    }

    private static List<String> ids() {
        return Arrays.stream(values()).map(ProposalState::id).toList();
    }
}
