package org.civitas.store.grants;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.civitas.sharing.Grant;
import org.civitas.sharing.Grants;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The grants people gave. Read afresh on every look at shared data, so that a revocation takes effect on the very
 * next request, on every server.
 */
public final class GrantStore implements Grants {

    private static final RowMapper<Grant> GRANT = (rows, context) -> {
        Timestamp revoked = rows.getTimestamp("revoked_at");
        String categories = rows.getString("categories");
        return new Grant(rows.getString("id"), rows.getString("person"), rows.getString("party"),
                categories.isEmpty() ? List.of() : Arrays.asList(categories.split(",")),
                rows.getBoolean("score"), rows.getString("purpose"), rows.getTimestamp("created_at").toInstant(),
                rows.getTimestamp("expires_at").toInstant(), Optional.ofNullable(revoked).map(Timestamp::toInstant));
    };

    private final Jdbi jdbi;

    public GrantStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void create(Grant grant) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO grants"
                        + " (id, person, party, categories, score, purpose, created_at, expires_at, revoked_at)"
                        + " VALUES (:id, :person, :party, :categories, :score, :purpose, :createdAt, :expiresAt,"
                        + " :revokedAt)")
                .bind("id", grant.id())
                .bind("person", grant.person())
                .bind("party", grant.party())
                .bind("categories", String.join(",", grant.categories()))
                .bind("score", grant.score())
                .bind("purpose", grant.purpose())
                .bind("createdAt", grant.createdAt())
                .bind("expiresAt", grant.expiresAt())
                .bind("revokedAt", grant.revokedAt().orElse(null))
                .execute());
    }

    @Override
    public List<Grant> givenBy(String person) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM grants WHERE person = :person ORDER BY created_at DESC, id")
                .bind("person", person)
                .map(GRANT)
                .list());
    }

    @Override
    public List<Grant> activeFor(String party, Instant at) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM grants WHERE party = :party"
                        + " AND revoked_at IS NULL AND expires_at > :at ORDER BY created_at DESC, id")
                .bind("party", party)
                .bind("at", at)
                .map(GRANT)
                .list());
    }

    @Override
    public List<Grant> active(String person, String party, Instant at) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM grants WHERE person = :person"
                        + " AND party = :party AND revoked_at IS NULL AND expires_at > :at"
                        + " ORDER BY created_at DESC, id")
                .bind("person", person)
                .bind("party", party)
                .bind("at", at)
                .map(GRANT)
                .list());
    }

    @Override
    public boolean revoke(String id, String person, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE grants SET revoked_at = :at"
                        + " WHERE id = :id AND person = :person AND revoked_at IS NULL")
                .bind("at", at)
                .bind("id", id)
                .bind("person", person)
                .execute()) == 1;
    }
}
