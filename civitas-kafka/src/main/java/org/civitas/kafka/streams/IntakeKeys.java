package org.civitas.kafka.streams;

import org.civitas.event.Event;

/** The key of an event on the intake topic: its source and id, which no name can run together ('/' is in none). */
public final class IntakeKeys {

    private IntakeKeys() {
    }

    public static String of(Event event) {
        return event.source() + "/" + event.id();
    }
}
