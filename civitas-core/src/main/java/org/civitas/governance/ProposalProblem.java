package org.civitas.governance;

import java.util.Objects;

/**
 * One thing wrong with a proposal: a field of what was sent ({@code change.rule.points},
 * {@code scenarios[0].points}), or a clause of the constitution or charter it breaks ({@code binding},
 * {@code ex-post-facto}), and why.
 *
 * @param about the field or the clause
 * @param clause whether {@code about} names a clause rather than a field
 */
public record ProposalProblem(String about, boolean clause, String message) {

    public ProposalProblem {
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(message, "message");
    }

    public static ProposalProblem field(String field, String message) {
        return new ProposalProblem(field, false, message);
    }

    public static ProposalProblem clause(String clause, String message) {
        return new ProposalProblem(clause, true, message);
    }

    @Override
    public String toString() {
        return about + ": " + message;
    }
}
