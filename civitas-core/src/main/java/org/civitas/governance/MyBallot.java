package org.civitas.governance;

import java.util.Objects;

/** A voter's own ballot, shown to them alone: its tracker and what it says. */
public record MyBallot(String tracker, Choice choice) {

    public MyBallot {
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(choice, "choice");
    }
}
