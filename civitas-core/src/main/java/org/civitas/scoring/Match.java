package org.civitas.scoring;

import java.time.Instant;
import org.civitas.event.EventKey;

/**
 * A rule applied to an event; {@code order} is the event's position in its input, which breaks ties in time,
 * {@code occurredIn} the jurisdiction where it happened, and {@code disputed} whether a dispute about the event is
 * open, so that it counts nothing for now.
 */
record Match(RuleSlot slot, String event, String source, Instant occurredAt, String occurredIn, long order,
        boolean disputed) {

    Match(RuleSlot slot, String event, String source, Instant occurredAt, String occurredIn, long order) {
        this(slot, event, source, occurredAt, occurredIn, order, false);
    }

    boolean of(EventKey key) {
        return event.equals(key.id()) && source.equals(key.source());
    }

    Match disputed(boolean open) {
        return new Match(slot, event, source, occurredAt, occurredIn, order, open);
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
