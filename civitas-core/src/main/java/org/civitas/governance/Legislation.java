package org.civitas.governance;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBookText;
import org.civitas.rules.RuleBooks;

/**
 * The rule books in force, and the one way they change: an adopted proposal, recorded in the governance ledger
 * before the books in force change. Whoever must follow the books (the score board) is told of each change.
 */
public final class Legislation {

    private final BookHistory history;
    private final ProposalCheck check;
    private final List<Consumer<RuleBooks>> followers = new CopyOnWriteArrayList<>();
    private volatile RuleBooks inForce;

    /** The books of {@code dataDirectory}: {@code initial}, as the governance ledger there changed them. */
    public Legislation(RuleBooks initial, Path dataDirectory, ProposalCheck check) {
        this.check = Objects.requireNonNull(check, "check");
        this.inForce = BookHistory.inForce(initial, dataDirectory, check.loader());
        this.history = BookHistory.open(dataDirectory);
    }

    public RuleBooks inForce() {
        return inForce;
    }

    /** Tells {@code follower} the books in force each time they change. */
    public void follow(Consumer<RuleBooks> follower) {
        followers.add(follower);
    }

    /**
     * Adopts {@code proposal} at {@code adoptedAt}: records its jurisdiction's new book version, then puts it in
     * force. Returns the new book.
     */
    public synchronized RuleBook adopt(Proposal proposal, Instant adoptedAt) {
        RuleBooks current = inForce;
        ProposalCheck.ProposedBooks proposed = check.check(proposal.draft(), current, proposal.submittedAt())
                .orRefuse();
        RuleBook book = Adoption.adopt(current.forJurisdiction(proposal.jurisdiction()).orElseThrow(), proposal,
                proposed, adoptedAt);
        RuleBooks changed = current.with(book);
        history.record(new BookVersion(proposal.id(), book.jurisdiction(), adoptedAt, RuleBookText.of(book)));
        inForce = changed;
        followers.forEach(follower -> follower.accept(changed));
        return book;
    }

    /** Closes the governance ledger. */
    public void close() {
        history.close();
    }
}
