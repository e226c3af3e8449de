package org.civitas.officials;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an official did. */
public enum Act {
    /** A reviewer looked at the event under dispute. */
    DISPUTE_REVIEWED,
    /** A reviewer decided a dispute. */
    DISPUTE_DECIDED,
    /** A case worker looked at a case a person accepted help in. */
    CASE_LOOKED,
    /** A case worker recorded a step or the outcome of a case. */
    CASE_NOTED,
    /** An official read what a person shares with them. */
    SHARED_DATA_READ,
    /** An administrator registered a source. */
    SOURCE_REGISTERED,
    /** An administrator gave a source a new key. */
    SOURCE_KEY_ROTATED,
    /** An administrator revoked a source. */
    SOURCE_REVOKED,
    /** An administrator opened an account for an official. */
    ACCOUNT_OPENED,
    /** An administrator disabled an account. */
    ACCOUNT_DISABLED,
    /** A reward's provider spent a claim token. */
    REWARD_REDEEMED,
    /** A jurisdiction's charter opened a vote, its support threshold reached. */
    VOTE_OPENED,
    /** A jurisdiction's charter closed a vote at its deadline. */
    VOTE_CLOSED;

    /** The name the record gives the act: {@code dispute-decided}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The act named {@code id}, if there is one. */
    public static Optional<Act> of(String id) {
        return Arrays.stream(values()).filter(act -> act.id().equals(id)).findFirst();
    }
}
