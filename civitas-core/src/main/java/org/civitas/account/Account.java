package org.civitas.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone who can log in, until an administrator disables the account. A citizen's account belongs to a person (whose
 * events are in the ledger); other roles belong to no person.
 *
 * @param passwordHash the password's Argon2id hash in PHC string form
 */
public record Account(String username, String passwordHash, Role role, Optional<String> person, Instant createdAt,
        Optional<Instant> disabledAt) {

    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(disabledAt, "disabledAt");
        if (role == Role.CITIZEN && person.isEmpty()) {
            throw new IllegalArgumentException("a citizen's account belongs to a person: " + username);
        }
    }

    /** A new account, not disabled. */
    public Account(String username, String passwordHash, Role role, Optional<String> person, Instant createdAt) {
        this(username, passwordHash, role, person, createdAt, Optional.empty());
    }

    /** Whether the account may sign in: it has not been disabled. */
    public boolean enabled() {
        return disabledAt.isEmpty();
    }
}
