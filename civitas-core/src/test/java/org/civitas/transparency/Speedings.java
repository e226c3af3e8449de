package org.civitas.transparency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civitas.event.Attributes;
import org.civitas.event.Event;

/** Events to fill a ledger with: speedings {@code e-from} to {@code e-(to - 1)}, a second apart, of three people. */
final class Speedings {

    private Speedings() {
    }

    static List<Event> numbered(int from, int to) {
        List<Event> events = new ArrayList<>();
        for (int n = from; n < to; n++) {
            events.add(new Event("e-" + n, "city-traffic", "p-" + (n % 3), "speeding",
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n), "lakeside", Attributes.of(Map.of("n", n))));
        }
        return events;
    }
}
