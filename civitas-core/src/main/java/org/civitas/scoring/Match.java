package org.civitas.scoring;

import java.time.Instant;
import org.civitas.event.EventKey;

/**
 * A rule applied to an event; {@code order} is the event's position in its input, which breaks ties in time,
 * {@code occurredIn} the jurisdiction where it happened, and {@code standing} what disputes have made of it.
 */
record Match(RuleSlot slot, String event, String source, Instant occurredAt, String occurredIn, long order,
        Standing standing) {

    /** What disputes have made of a match: it counts, it is disputed (and counts nothing for now), or removed. */
    enum Standing { COUNTS, DISPUTED, REMOVED }

    Match(RuleSlot slot, String event, String source, Instant occurredAt, String occurredIn, long order) {
        this(slot, event, source, occurredAt, occurredIn, order, Standing.COUNTS);
    }

    boolean of(EventKey key) {
        return event.equals(key.id()) && source.equals(key.source());
    }

    boolean disputed() {
        return standing == Standing.DISPUTED;
    }

    boolean removed() {
        return standing == Standing.REMOVED;
    }

    Match standing(Standing now) {
        return new Match(slot, event, source, occurredAt, occurredIn, order, now);
    }

    static int compareByTime(Match a, Match b) {
        int byTime = a.occurredAt.compareTo(b.occurredAt);
        if (byTime != 0) {
            return byTime;
        }
        int byOrder = Long.compare(a.order, b.order);
        return byOrder != 0 ? byOrder : Integer.compare(a.slot.index, b.slot.index);
    }
}
