package org.civitas.scoring;

import java.time.Instant;

/**
 * A rule applied to an event; {@code order} is the event's position in its input, which breaks ties in time, and
 * {@code occurredIn} the jurisdiction where it happened.
 */
record Match(RuleSlot slot, String event, String source, Instant occurredAt, String occurredIn, long order) {

    static int compareByTime(Match a, Match b) {
        int byTime = a.occurredAt.compareTo(b.occurredAt);
        if (byTime != 0) {
            return byTime;
        }
        int byOrder = Long.compare(a.order, b.order);
        return byOrder != 0 ? byOrder : Integer.compare(a.slot.index, b.slot.index);
    }
}
