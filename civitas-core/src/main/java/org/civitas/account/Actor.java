package org.civitas.account;

import java.util.Objects;

/** Who does something: an account's username, and the role it acts in. */
public record Actor(String username, Role role) {

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }
}
