package org.civitas.store.vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * Every person's events, as projected from the ledger. Projecting an entry twice changes nothing, so a projection
 * can always be redone from any earlier point of the ledger.
 */
public final class VaultStore {

    private static final String PROJECTION = "vault";

    private static final RowMapper<VaultEvent> EVENT = (rows, context) -> new VaultEvent(
            rows.getLong("sequence"),
            rows.getString("person"),
            rows.getString("source"),
            rows.getString("event_id"),
            rows.getString("type"),
            rows.getString("category"),
            rows.getTimestamp("occurred_at").toInstant(),
            rows.getString("jurisdiction"),
            rows.getString("attributes"));

    private final Jdbi jdbi;

    public VaultStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Adds events and records that the ledger is projected up to {@code projectedUpTo} (every entry before it),
     * in one transaction.
     */
    public void project(List<VaultEvent> events, long projectedUpTo) {
        jdbi.useTransaction(handle -> {
            if (!events.isEmpty()) {
                var batch = handle.prepareBatch("INSERT INTO vault_events (sequence, person, source, event_id, type,"
                        + " category, occurred_at, jurisdiction, attributes) VALUES (:sequence, :person, :source,"
                        + " :eventId, :type, :category, :occurredAt, :jurisdiction, :attributes)"
                        + " ON CONFLICT DO NOTHING");
                for (VaultEvent event : events) {
                    batch.bindMethods(event).add();
                }
                batch.execute();
            }
            int updated = handle.createUpdate("UPDATE projections SET position = :position WHERE name = :name")
                    .bind("position", projectedUpTo).bind("name", PROJECTION).execute();
            if (updated == 0) {
                handle.createUpdate("INSERT INTO projections (name, position) VALUES (:name, :position)")
                        .bind("position", projectedUpTo).bind("name", PROJECTION).execute();
            }
        });
    }

    /** How far the ledger is projected: every entry before this sequence number is in the vault. */
    public long projectedUpTo() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT position FROM projections WHERE name = :name")
                .bind("name", PROJECTION)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
    }

    /** One page of {@code person}'s events, newest first. */
    public VaultPage page(String person, VaultQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM vault_events WHERE person = :person");
        query.category().ifPresent(category -> sql.append(" AND category = :category"));
        query.type().ifPresent(type -> sql.append(" AND type = :type"));
        query.from().ifPresent(from -> sql.append(" AND occurred_at >= :from"));
        query.to().ifPresent(to -> sql.append(" AND occurred_at < :to"));
        query.cursor().ifPresent(cursor -> sql.append(
                " AND (occurred_at < :cursorTime OR (occurred_at = :cursorTime AND sequence < :cursorSequence))"));
        sql.append(" ORDER BY occurred_at DESC, sequence DESC LIMIT :limit");
        List<VaultEvent> events = jdbi.withHandle(handle -> {
            Query select = handle.createQuery(sql.toString()).bind("person", person).bind("limit", query.limit() + 1);
            query.category().ifPresent(category -> select.bind("category", category));
            query.type().ifPresent(type -> select.bind("type", type));
            query.from().ifPresent(from -> select.bind("from", from));
            query.to().ifPresent(to -> select.bind("to", to));
            query.cursor().ifPresent(cursor -> select.bind("cursorTime", cursor.occurredAt())
                    .bind("cursorSequence", cursor.sequence()));
            return select.map(EVENT).list();
        });
        if (events.size() <= query.limit()) {
            return new VaultPage(events, Optional.empty());
        }
        List<VaultEvent> page = new ArrayList<>(events.subList(0, query.limit()));
        VaultEvent last = page.get(page.size() - 1);
        return new VaultPage(page, Optional.of(new VaultCursor(last.occurredAt(), last.sequence())));
    }

    /**
     * Hands every event of {@code person} in {@code categories} between {@code from} (inclusive) and {@code to}
     * (exclusive) to {@code visitor}, oldest first, without holding them all in memory.
     */
    public void forEach(String person, List<String> categories, Instant from, Instant to,
            Consumer<VaultEvent> visitor) {
        if (categories.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> handle.createQuery("SELECT * FROM vault_events WHERE person = :person"
                        + " AND category IN (<categories>) AND occurred_at >= :from AND occurred_at < :to"
                        + " ORDER BY occurred_at, sequence")
                .bind("person", person)
                .bindList("categories", categories)
                .bind("from", from)
                .bind("to", to)
                .setFetchSize(1_000)
                .map(EVENT)
                .forEach(visitor));
    }

    /** Every event of {@code person}, oldest first. */
    public void forEach(String person, Consumer<VaultEvent> visitor) {
        jdbi.useHandle(handle -> handle.createQuery(
                        "SELECT * FROM vault_events WHERE person = :person ORDER BY occurred_at, sequence")
                .bind("person", person)
                .setFetchSize(1_000)
                .map(EVENT)
                .forEach(visitor));
    }

    public long count() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM vault_events")
                .mapTo(Long.class).one());
    }
}
