package org.civitas.store.vault;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civitas.vault.SetAsideEntry;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The ledger entries the vault's projection set aside: written by {@link VaultStore}, in the transaction that moves
 * its position past them; read here, for health checks and for {@code civitas repair}.
 */
public final class SetAsideEntries {

    private static final RowMapper<SetAsideEntry> ENTRY = (rows, context) -> new SetAsideEntry(
            rows.getLong("sequence"), Optional.ofNullable(rows.getString("person")), rows.getString("reason"),
            SetAsideEntry.State.valueOf(rows.getString("state")), rows.getTimestamp("set_aside_at").toInstant());

    /**
     * How many set-aside entries there are, by state.
     *
     * @param waiting set aside, waiting for a repair
     * @param unreadable recorded by a repair as entries that cannot be read
     */
    public record Counts(long waiting, long unreadable) {
    }

    private final Jdbi jdbi;

    public SetAsideEntries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The first {@code limit} entries waiting for a repair, in ledger order. */
    public List<SetAsideEntry> waiting(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM set_aside_entries WHERE state = :state"
                        + " ORDER BY sequence LIMIT :limit")
                .bind("state", SetAsideEntry.State.SET_ASIDE.name())
                .bind("limit", limit)
                .map(ENTRY)
                .list());
    }

    /** The entry at {@code sequence}, if it was set aside. */
    public Optional<SetAsideEntry> find(long sequence) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM set_aside_entries WHERE sequence = :sequence")
                .bind("sequence", sequence)
                .map(ENTRY)
                .findOne());
    }

    public Counts counts() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COALESCE(SUM(CASE WHEN state = :waiting THEN 1"
                        + " ELSE 0 END), 0) AS waiting, COALESCE(SUM(CASE WHEN state = :unreadable THEN 1 ELSE 0 END),"
                        + " 0) AS unreadable FROM set_aside_entries")
                .bind("waiting", SetAsideEntry.State.SET_ASIDE.name())
                .bind("unreadable", SetAsideEntry.State.UNREADABLE.name())
                .map((rows, context) -> new Counts(rows.getLong("waiting"), rows.getLong("unreadable")))
                .one());
    }

    /** Which of {@code sequences} a repair recorded as entries that cannot be read. */
    public Set<Long> unreadableAmong(Collection<Long> sequences) {
        if (sequences.isEmpty()) {
            return Set.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT sequence FROM set_aside_entries"
                        + " WHERE state = :state AND sequence IN (<sequences>)")
                .bind("state", SetAsideEntry.State.UNREADABLE.name())
                .bindList("sequences", List.copyOf(sequences))
                .mapTo(Long.class)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Records {@code entries} as set aside, those at or after {@code position} only: the rest were recorded before. */
    static void insert(Handle handle, List<SetAsideEntry> entries, long position) {
        var insert = handle.prepareBatch("INSERT INTO set_aside_entries (sequence, person, reason, state,"
                + " set_aside_at) VALUES (:sequence, :person, :reason, :state, :at)");
        int added = 0;
        for (SetAsideEntry entry : entries) {
            if (entry.sequence() >= position) {
                insert.bind("sequence", entry.sequence())
                        .bind("person", entry.person().orElse(null))
                        .bind("reason", entry.reason())
                        .bind("state", entry.state().name())
                        .bind("at", entry.at())
                        .add();
                added++;
            }
        }
        if (added > 0) {
            insert.execute();
        }
    }

    /**
     * Locks the entry at {@code sequence} for a repair, if it is still waiting for one: two repairs at once must not
     * both project it.
     */
    static boolean lockWaiting(Handle handle, long sequence) {
        return handle.createQuery("SELECT state FROM set_aside_entries WHERE sequence = :sequence FOR UPDATE")
                .bind("sequence", sequence)
                .mapTo(String.class)
                .findOne()
                .filter(SetAsideEntry.State.SET_ASIDE.name()::equals)
                .isPresent();
    }

    static void remove(Handle handle, long sequence) {
        handle.createUpdate("DELETE FROM set_aside_entries WHERE sequence = :sequence").bind("sequence", sequence)
                .execute();
    }

    static void markUnreadable(Handle handle, long sequence, String reason, Instant at) {
        handle.createUpdate("UPDATE set_aside_entries SET state = :state, reason = :reason, set_aside_at = :at"
                        + " WHERE sequence = :sequence")
                .bind("state", SetAsideEntry.State.UNREADABLE.name())
                .bind("reason", SetAsideEntry.fitting(reason))
                .bind("at", at)
                .bind("sequence", sequence)
                .execute();
    }
}
