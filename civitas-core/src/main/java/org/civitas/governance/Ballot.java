package org.civitas.governance;

import java.util.Objects;

/** One ballot on the board: its random tracker, which only its voter knows is theirs, and its choice. */
public record Ballot(String tracker, Choice choice) {

    public Ballot {
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(choice, "choice");
    }
}
