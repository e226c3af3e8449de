package org.civitas.vault;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A ledger entry the vault's projection did not take in, with its place and why, so that the projection could go on
 * past it.
 *
 * @param sequence the entry's place in the ledger
 * @param person whose entry it is, if that much could be read (and is a name the vault can hold)
 * @param reason why it was set aside, in words
 * @param at when it was set aside
 */
public record SetAsideEntry(long sequence, Optional<String> person, String reason, State state, Instant at) {

    /** The longest reason kept; longer ones are cut. */
    public static final int MAX_REASON_CHARS = 1_000;

    /** The longest name of a person the vault holds: a longer one, from an old ledger, is left out. */
    public static final int MAX_PERSON_CHARS = 256;

    public SetAsideEntry {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        reason = fitting(reason);
        person = person.filter(name -> name.length() <= MAX_PERSON_CHARS);
    }

    /** {@code reason}, cut to {@value #MAX_REASON_CHARS} characters if it is longer. */
    public static String fitting(String reason) {
        return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS - 3) + "...";
    }

    /** A new entry, set aside now. */
    public static SetAsideEntry setAside(long sequence, Optional<String> person, String reason, Instant at) {
        return new SetAsideEntry(sequence, person, reason, State.SET_ASIDE, at);
    }

    /** Where a set-aside entry stands. A repaired entry that could be projected after all leaves the list. */
    public enum State {
        /** Waiting for {@code civitas repair} to project it again. */
        SET_ASIDE,
        /** Repair could not read it either: its person's vault shows it as an entry that could not be read. */
        UNREADABLE
    }

    @Override
    public String toString() {
        return "entry " + sequence + ": " + reason;
    }
}
