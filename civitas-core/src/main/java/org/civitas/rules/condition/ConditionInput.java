package org.civitas.rules.condition;

import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Map;
import java.util.Objects;
import org.civitas.event.Event;

/**
 * What a condition sees of one event: the event itself and the context a rule book adds ({@code ctx.hour} and
 * {@code ctx.weekday} in the book's time zone, {@code ctx.jurisdiction}). One input is reused for event after event
 * on one thread; the local time and the attribute map are worked out only if a condition asks for them.
 */
public final class ConditionInput {

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final ZoneRules zone;
    private final String jurisdiction;
    private Event event;
    private Map<String, Object> attributes;
    private long localEpochSecond = UNKNOWN;

    public ConditionInput(ZoneId zone, String jurisdiction) {
        this.zone = zone.getRules();
        this.jurisdiction = Objects.requireNonNull(jurisdiction, "jurisdiction");
    }

    /** Points this input at {@code next}; returns this input. */
    public ConditionInput on(Event next) {
        this.event = next;
        this.attributes = null;
        this.localEpochSecond = UNKNOWN;
        return this;
    }

    public Event event() {
        return event;
    }

    public Map<String, Object> attributes() {
        Map<String, Object> parsed = attributes;
        if (parsed == null) {
            parsed = event.attributes().asMap();
            attributes = parsed;
        }
        return parsed;
    }

    /** The hour of the day, 0 to 23, at which the event occurred, in the rule book's time zone. */
    public long hour() {
        return Math.floorMod(localEpochSecond(), 86_400L) / 3_600L;
    }

    /** The day of the week, 1 = Monday to 7 = Sunday, on which the event occurred, in the rule book's time zone. */
    public long weekday() {
        long epochDay = Math.floorDiv(localEpochSecond(), 86_400L);
        return Math.floorMod(epochDay + 3, 7L) + 1;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    private long localEpochSecond() {
        if (localEpochSecond == UNKNOWN) {
            localEpochSecond = event.occurredAt().getEpochSecond()
                    + zone.getOffset(event.occurredAt()).getTotalSeconds();
        }
        return localEpochSecond;
    }
}
