package org.civitas.account;

import java.util.Locale;
import java.util.Objects;
import org.civitas.Tokens;

/** Who does something: an account's username, and the role it acts in. */
public record Actor(String username, Role role) {

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    /**
     * The badge number the public knows this official by, the same for all their acts: the role's initial and the
     * first eight hex digits of the SHA-256 of the username, so that it names no one and each official has their own.
     */
    public String badge() {
        return role.label().substring(0, 1).toUpperCase(Locale.ROOT) + "-" + Tokens.sha256(username).substring(0, 8);
    }
}
