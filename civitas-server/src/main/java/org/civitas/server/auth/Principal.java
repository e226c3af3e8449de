package org.civitas.server.auth;

import java.util.Objects;
import java.util.Optional;
import org.civitas.account.Actor;
import org.civitas.account.Role;

/** Who is making a request: a logged-in account, with its role and, for a citizen, their person. */
public record Principal(String username, Role role, Optional<String> person, String csrfToken, String tokenHash) {

    public Principal {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(tokenHash, "tokenHash");
    }

    /** The account acting, in its role. */
    public Actor actor() {
        return new Actor(username, role);
    }
}
