package org.civitas.account;

import java.time.Instant;
import java.util.Optional;

/** Where sessions are kept, by the hash of their token. */
public interface Sessions {

    void create(Session session);

    Optional<Session> find(String tokenHash);

    /** Records that the session was used at {@code at}. */
    void touch(String tokenHash, Instant at);

    void delete(String tokenHash);

    /** Removes sessions idle since before {@code cutoff}; returns how many. */
    int deleteIdleSince(Instant cutoff);
}
