package org.civitas.store.sessions;

import java.time.Instant;
import java.util.Optional;
import org.civitas.account.Session;
import org.civitas.account.Sessions;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Sessions, by the hash of their token. */
public final class SessionStore implements Sessions {

    private static final RowMapper<Session> SESSION = (rows, context) -> new Session(
            rows.getString("token_hash"),
            rows.getString("username"),
            rows.getString("csrf_token"),
            rows.getTimestamp("created_at").toInstant(),
            rows.getTimestamp("last_seen_at").toInstant());

    private final Jdbi jdbi;

    public SessionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void create(Session session) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO sessions"
                        + " (token_hash, username, csrf_token, created_at, last_seen_at)"
                        + " VALUES (:tokenHash, :username, :csrfToken, :createdAt, :lastSeenAt)")
                .bindMethods(session)
                .execute());
    }

    @Override
    public Optional<Session> find(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM sessions WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash)
                .map(SESSION)
                .findOne());
    }

    @Override
    public void touch(String tokenHash, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE sessions SET last_seen_at = :at WHERE token_hash = :tokenHash")
                .bind("at", at)
                .bind("tokenHash", tokenHash)
                .execute());
    }

    @Override
    public void delete(String tokenHash) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM sessions WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash)
                .execute());
    }

    @Override
    public int deleteIdleSince(Instant cutoff) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM sessions WHERE last_seen_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute());
    }
}
