package org.civitas.store.vault;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The UTC days a read of a person's vault may cover, each bound optional. The days only narrow the search in SQL;
 * every event is checked against the exact instants after. So a bound is only ever widened, never narrowed, to fit
 * the days every database here can bind (PostgreSQL's dates run from 4713 BC to 5874897 AD): an instant from a
 * request, however far out, never fails a query.
 */
record DaySpan(Optional<LocalDate> earliest, Optional<LocalDate> latest) {

    private static final long FIRST_BINDABLE = LocalDate.of(-4712, 1, 1).toEpochDay();
    private static final long LAST_BINDABLE = LocalDate.of(5_874_897, 12, 31).toEpochDay();
    private static final long SECONDS_PER_DAY = 86_400;

    /** The days from that of {@code from} to that of {@code to}, both included, either bound optional. */
    static DaySpan of(Optional<Instant> from, Optional<Instant> to) {
        return new DaySpan(from.flatMap(DaySpan::lowerBound), to.flatMap(DaySpan::upperBound));
    }

    /** The UTC day of {@code instant}, as a vault batch records it. */
    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Optional<LocalDate> lowerBound(Instant from) {
        long day = Math.floorDiv(from.getEpochSecond(), SECONDS_PER_DAY);
        return day < FIRST_BINDABLE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(Math.min(day,
                LAST_BINDABLE)));
    }

    private static Optional<LocalDate> upperBound(Instant to) {
        long day = Math.floorDiv(to.getEpochSecond(), SECONDS_PER_DAY);
        return day > LAST_BINDABLE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(Math.max(day,
                FIRST_BINDABLE)));
    }

    /**
     * Up to {@code limit} of the days in this span on which {@code person} has events, beyond {@code beyond} (a day
     * already read), newest or oldest first. However far apart the days, this is one query: reading a vault costs
     * what it holds, not the calendar between its events.
     */
    List<LocalDate> days(Handle handle, String person, Optional<LocalDate> beyond, boolean newestFirst, int limit) {
        StringBuilder sql = new StringBuilder("SELECT DISTINCT event_day FROM vault_batches WHERE person = :person");
        earliest.ifPresent(day -> sql.append(" AND event_day >= :earliest"));
        latest.ifPresent(day -> sql.append(" AND event_day <= :latest"));
        beyond.ifPresent(day -> sql.append(newestFirst ? " AND event_day < :beyond" : " AND event_day > :beyond"));
        sql.append(" ORDER BY event_day ").append(newestFirst ? "DESC" : "ASC").append(" LIMIT :limit");
        Query query = handle.createQuery(sql.toString()).bind("person", person).bind("limit", limit);
        earliest.ifPresent(day -> query.bind("earliest", day));
        latest.ifPresent(day -> query.bind("latest", day));
        beyond.ifPresent(day -> query.bind("beyond", day));
        return query.mapTo(LocalDate.class).list();
    }
}
