package org.civitas.ndjson;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.civitas.event.Instants;

/**
 * When an event may have occurred to be taken in: from {@link #EARLIEST} on, and no later than {@code latest}. Events
 * a door receives may lie at most {@link #AHEAD} after the time they are received (clocks drift, time zones are
 * misread); nothing the system keeps lies before 1900. An instant outside is refused with its line, so no one can
 * record an event decades away, whose place in a calendar-ordered vault or in a score's decay no one could live with.
 */
public record OccurrenceWindow(Instant earliest, Instant latest) {

    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    /** How far after its receipt an event may say it occurred. */
    public static final Duration AHEAD = Duration.ofDays(1);

    /** Any instant of a four-digit year from 1900: for files scored offline, where no time of receipt applies. */
    public static final OccurrenceWindow RECORDED = new OccurrenceWindow(EARLIEST,
            Instant.parse("9999-12-31T23:59:59.999999999Z"));

    public OccurrenceWindow {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("a window ends after it starts: " + earliest + " to " + latest);
        }
    }

    /** The window of events received at {@code now}. */
    public static OccurrenceWindow receivedAt(Instant now) {
        return new OccurrenceWindow(EARLIEST, now.plus(AHEAD));
    }

    /** Whether the instant {@code epochSecond} + {@code nano} lies in the window. */
    public boolean contains(long epochSecond, int nano) {
        return compare(epochSecond, nano, earliest) >= 0 && compare(epochSecond, nano, latest) <= 0;
    }

    public boolean contains(Instant instant) {
        return contains(instant.getEpochSecond(), instant.getNano());
    }

    /** Why {@code instant}, which lies outside, is refused. */
    String refusal(Instant instant) {
        return instant.isBefore(earliest)
                ? Instants.format(instant) + " is before " + earliest + ", the earliest an event may have occurred"
                : Instants.format(instant) + " is after " + latest + ": an event may say it occurred at most "
                        + AHEAD.toHours() + " hours after it is received";
    }

    private static int compare(long epochSecond, int nano, Instant bound) {
        int bySecond = Long.compare(epochSecond, bound.getEpochSecond());
        return bySecond != 0 ? bySecond : Integer.compare(nano, bound.getNano());
    }
}
