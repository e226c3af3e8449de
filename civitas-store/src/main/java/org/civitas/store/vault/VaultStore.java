package org.civitas.store.vault;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.civitas.vault.SetAsideEntry;
import org.civitas.vault.Vault;
import org.civitas.vault.VaultEvent;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Every person's events, as projected from the ledger: stored a batch per person and day, so reading a person's
 * month is a few rows. Each projection records, in the same transaction, how far the ledger is projected, so no entry
 * is projected twice and a projection can always resume where it stopped.
 */
public final class VaultStore implements Vault {

    /** The chain of the file ledger, the one an embedded server follows. */
    private static final String FILE_LEDGER = "ledger";
    /** Each read takes the batches of this many of a person's days that hold events, however far apart. */
    private static final int DAYS_PER_READ = 32;

    /** A batch's JSON stays well under the column's million characters; a busy day takes several batches. */
    private static final int MAX_BATCH_CHARS = 500_000;
    private static final Comparator<VaultEvent> NEWEST_FIRST = Comparator.comparing(VaultEvent::occurredAt)
            .thenComparingLong(VaultEvent::sequence).reversed();
    private static final Comparator<VaultEvent> OLDEST_FIRST = NEWEST_FIRST.reversed();

    private final Jdbi jdbi;
    private final EventOpener opener;
    private final String chain;

    /** A vault that hands out attributes as they are stored. */
    public VaultStore(Jdbi jdbi) {
        this(jdbi, EventOpener.AS_STORED);
    }

    /** A vault that hands out every event through {@code opener}, projected from the file ledger. */
    public VaultStore(Jdbi jdbi, EventOpener opener) {
        this(jdbi, opener, FILE_LEDGER);
    }

    private VaultStore(Jdbi jdbi, EventOpener opener, String chain) {
        this.jdbi = jdbi;
        this.opener = opener;
        this.chain = chain;
    }

    @Override
    public VaultStore following(String chain) {
        return new VaultStore(jdbi, opener, chain);
    }

    /**
     * Adds events (in ledger order) and records that the ledger is now projected up to {@code projectedUpTo}, in one
     * transaction. Events before the recorded position are already in the vault and are skipped, so projecting the
     * same entries twice changes nothing.
     */
    public void project(List<VaultEvent> events, long projectedUpTo) {
        project(events, List.of(), projectedUpTo);
    }

    @Override
    public void project(List<VaultEvent> events, List<SetAsideEntry> setAside, long projectedUpTo) {
        jdbi.useTransaction(handle -> {
            long position = handle.createQuery("SELECT position FROM projections WHERE name = :name FOR UPDATE")
                    .bind("name", chain).mapTo(Long.class).findOne().orElse(-1L);
            insertBatches(handle, events.stream().filter(event -> event.sequence() >= position).toList());
            SetAsideEntries.insert(handle, setAside, position);
            if (position < 0) {
                handle.createUpdate("INSERT INTO projections (name, position) VALUES (:name, :position)")
                        .bind("position", projectedUpTo).bind("name", chain).execute();
            } else if (projectedUpTo > position) {
                handle.createUpdate("UPDATE projections SET position = :position WHERE name = :name")
                        .bind("position", projectedUpTo).bind("name", chain).execute();
            }
        });
    }

    @Override
    public boolean takeIn(long sequence, VaultEvent projected) {
        return jdbi.inTransaction(handle -> {
            if (!SetAsideEntries.lockWaiting(handle, sequence)) {
                return false;
            }
            insertBatches(handle, List.of(projected));
            SetAsideEntries.remove(handle, sequence);
            return true;
        });
    }

    @Override
    public boolean recordUnreadable(long sequence, String reason, Optional<VaultEvent> placeholder, Instant at) {
        return jdbi.inTransaction(handle -> {
            if (!SetAsideEntries.lockWaiting(handle, sequence)) {
                return false;
            }
            insertBatches(handle, placeholder.stream().toList());
            SetAsideEntries.markUnreadable(handle, sequence, reason, at);
            return true;
        });
    }

    @Override
    public List<SetAsideEntry> waitingForRepair(int limit) {
        return new SetAsideEntries(jdbi).waiting(limit);
    }

    @Override
    public boolean liesInTheData(Throwable failure) {
        return WriteFailures.liesInTheData(failure);
    }

    private static void insertBatches(Handle handle, List<VaultEvent> events) {
        Map<String, List<VaultEvent>> groups = new LinkedHashMap<>();
        for (VaultEvent event : events) {
            String personAndDay = event.person() + '\u0000' + DaySpan.dayOf(event.occurredAt());
            groups.computeIfAbsent(personAndDay, key -> new ArrayList<>()).add(event);
        }
        if (groups.isEmpty()) {
            return;
        }
        var insert = handle.prepareBatch("INSERT INTO vault_batches (person, event_day, first_sequence,"
                + " event_count, events) VALUES (:person, :day, :first, :count, :events)");
        for (List<VaultEvent> group : groups.values()) {
            for (List<VaultEvent> batch : VaultJson.fitting(group, MAX_BATCH_CHARS)) {
                VaultEvent first = batch.get(0);
                insert.bind("person", first.person())
                        .bind("day", DaySpan.dayOf(first.occurredAt()))
                        .bind("first", first.sequence())
                        .bind("count", batch.size())
                        .bind("events", VaultJson.write(batch))
                        .add();
            }
        }
        insert.execute();
    }

    /** An event just projected, as its reader is to see it (for live feeds, which do not read the vault back). */
    public VaultEvent opened(VaultEvent stored) {
        return opener.open(stored);
    }

    @Override
    public long projectedUpTo() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT position FROM projections WHERE name = :name")
                .bind("name", chain)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
    }

    /** One page of {@code person}'s events, newest first. */
    public VaultPage page(String person, VaultQuery query) {
        return page(person, query, category -> true);
    }

    /** One page of {@code person}'s events in the categories {@code visible} accepts, newest first. */
    public VaultPage page(String person, VaultQuery query, Predicate<String> visible) {
        Predicate<VaultEvent> wanted = event -> visible.test(event.category())
                && query.category().map(event.category()::equals).orElse(true)
                && query.type().map(event.type()::equals).orElse(true)
                && query.from().map(from -> !event.occurredAt().isBefore(from)).orElse(true)
                && query.to().map(to -> event.occurredAt().isBefore(to)).orElse(true)
                && query.cursor().map(cursor -> before(event, cursor)).orElse(true);
        Optional<Instant> latest = query.to();
        if (query.cursor().isPresent() && latest.map(query.cursor().get().occurredAt()::isBefore).orElse(true)) {
            latest = Optional.of(query.cursor().get().occurredAt());
        }
        DaySpan span = DaySpan.of(query.from(), latest);
        List<VaultEvent> found = new ArrayList<>(query.limit() + 1);
        jdbi.useHandle(handle -> {
            Optional<LocalDate> before = Optional.empty();
            while (found.size() <= query.limit()) {
                List<LocalDate> days = span.days(handle, person, before, true, DAYS_PER_READ);
                if (days.isEmpty()) {
                    return;
                }
                List<VaultEvent> window = read(handle, person, days.get(days.size() - 1), days.get(0));
                window.removeIf(wanted.negate());
                window.sort(NEWEST_FIRST);
                found.addAll(window);
                before = Optional.of(days.get(days.size() - 1));
            }
        });
        if (found.size() <= query.limit()) {
            return new VaultPage(found, Optional.empty());
        }
        List<VaultEvent> page = found.subList(0, query.limit());
        VaultEvent last = page.get(page.size() - 1);
        return new VaultPage(page, Optional.of(new VaultCursor(last.occurredAt(), last.sequence())));
    }

    /**
     * Hands every event of {@code person} in {@code categories} between {@code from} (inclusive) and {@code to}
     * (exclusive) to {@code visitor}, oldest first, a few weeks' worth of the days that hold events at a time.
     */
    public void forEach(String person, List<String> categories, Instant from, Instant to,
            Consumer<VaultEvent> visitor) {
        forEach(person, Optional.of(from), Optional.of(to), event -> categories.contains(event.category()), visitor);
    }

    /** {@code person}'s event of {@code source} and {@code id}, which occurred at {@code at}, if the vault holds it. */
    public Optional<VaultEvent> find(String person, String source, String id, Instant at) {
        List<VaultEvent> found = new ArrayList<>(1);
        forEach(person, Optional.of(at), Optional.of(at.plusNanos(1)),
                event -> event.source().equals(source) && event.eventId().equals(id), found::add);
        return found.stream().findFirst().map(this::opened);
    }

    /** Every event of {@code person}, oldest first. */
    public void forEach(String person, Consumer<VaultEvent> visitor) {
        forEach(person, Optional.empty(), Optional.empty(), event -> true, visitor);
    }

    private void forEach(String person, Optional<Instant> from, Optional<Instant> to, Predicate<VaultEvent> wanted,
            Consumer<VaultEvent> visitor) {
        DaySpan span = DaySpan.of(from, to);
        jdbi.useHandle(handle -> {
            Optional<LocalDate> after = Optional.empty();
            while (true) {
                List<LocalDate> days = span.days(handle, person, after, false, DAYS_PER_READ);
                if (days.isEmpty()) {
                    return;
                }
                List<VaultEvent> window = read(handle, person, days.get(0), days.get(days.size() - 1));
                window.removeIf(event -> !wanted.test(event)
                        || from.map(event.occurredAt()::isBefore).orElse(false)
                        || to.map(end -> !event.occurredAt().isBefore(end)).orElse(false));
                window.sort(OLDEST_FIRST);
                window.forEach(visitor);
                after = Optional.of(days.get(days.size() - 1));
            }
        });
    }

    /** How many events the vault holds, everyone's together. */
    public long count() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COALESCE(SUM(event_count), 0) FROM vault_batches")
                .mapTo(Long.class).one());
    }

    private List<VaultEvent> read(Handle handle, String person, LocalDate first, LocalDate last) {
        List<VaultEvent> events = new ArrayList<>();
        handle.createQuery(
                        "SELECT events FROM vault_batches WHERE person = :person"
                                + " AND event_day BETWEEN :first AND :last")
                .bind("person", person)
                .bind("first", first)
                .bind("last", last)
                .mapTo(byte[].class)
                .forEach(bytes -> VaultJson.read(person, bytes).forEach(event -> events.add(opener.open(event))));
        return events;
    }

    private static boolean before(VaultEvent event, VaultCursor cursor) {
        int byTime = event.occurredAt().compareTo(cursor.occurredAt());
        return byTime < 0 || (byTime == 0 && event.sequence() < cursor.sequence());
    }


}
