package org.civitas.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in session. Only the SHA-256 of the session token is stored, so the table alone lets no one in.
 *
 * @param csrfToken the token every state-changing request of this session must carry
 */
public record Session(String tokenHash, String username, String csrfToken, Instant createdAt, Instant lastSeenAt) {

    public Session {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }
}
