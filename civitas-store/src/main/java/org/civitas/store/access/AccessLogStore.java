package org.civitas.store.access;

import java.util.List;
import java.util.Optional;
import org.civitas.access.AccessLog;
import org.civitas.access.AccessRecord;
import org.jdbi.v3.core.Jdbi;

/** The access log in the database. */
public final class AccessLogStore implements AccessLog {

    private final Jdbi jdbi;

    public AccessLogStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(AccessRecord record) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO access_log"
                        + " (person, actor, actor_role, what, purpose, grant_id, at)"
                        + " VALUES (:person, :actor, :actorRole, :what, :purpose, :grantId, :at)")
                .bind("person", record.person())
                .bind("actor", record.actor())
                .bind("actorRole", record.actorRole())
                .bind("what", record.what())
                .bind("purpose", record.purpose())
                .bind("grantId", record.grantId().orElse(null))
                .bind("at", record.at())
                .execute());
    }

    @Override
    public List<AccessRecord> of(String person, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM access_log WHERE person = :person"
                        + " ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("person", person)
                .bind("limit", limit)
                .map((rows, context) -> new AccessRecord(rows.getString("person"), rows.getString("actor"),
                        rows.getString("actor_role"), rows.getString("what"), rows.getString("purpose"),
                        Optional.ofNullable(rows.getString("grant_id")), rows.getTimestamp("at").toInstant()))
                .list());
    }
}
