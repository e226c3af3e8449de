package org.civitas.governance;

import java.time.Instant;
import java.util.Objects;

/**
 * A rule book as an adopted proposal made it, kept in the governance ledger.
 *
 * @param book the book's canonical text ({@link org.civitas.rules.RuleBookText}), its history included
 */
public record BookVersion(String proposal, String jurisdiction, Instant adoptedAt, String book) {

    public BookVersion {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(adoptedAt, "adoptedAt");
        Objects.requireNonNull(book, "book");
    }
}
