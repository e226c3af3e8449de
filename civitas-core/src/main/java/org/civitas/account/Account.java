package org.civitas.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone who can log in. A citizen's account belongs to a person (whose events are in the ledger); other roles
 * belong to no person.
 *
 * @param passwordHash the password's Argon2id hash in PHC string form
 */
public record Account(String username, String passwordHash, Role role, Optional<String> person, Instant createdAt) {

    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(createdAt, "createdAt");
        if (role == Role.CITIZEN && person.isEmpty()) {
            throw new IllegalArgumentException("a citizen's account belongs to a person: " + username);
        }
    }
}
