package org.civitas.governance;

import java.util.List;
import java.util.Objects;

/**
 * A closed vote in public: every ballot by its tracker, so each voter can find theirs and anyone can recount, and the
 * tally the charter judged.
 */
public record Board(List<Ballot> ballots, Tally tally) {

    public Board {
        ballots = List.copyOf(ballots);
        Objects.requireNonNull(tally, "tally");
    }
}
