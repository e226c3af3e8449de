package org.civitas.officials;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One act of an official, as the public sees it.
 *
 * @param id the act's own id
 * @param badge the official's badge number
 * @param reason why, as the official or the act gives it
 * @param concerning the person the act concerns, as a pseudonym of this act alone; empty if it concerns no one
 */
public record OfficialAct(String id, Instant at, String role, String badge, Act act, String reason,
        Optional<String> concerning) {

    public OfficialAct {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(badge, "badge");
        Objects.requireNonNull(act, "act");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(concerning, "concerning");
    }
}
