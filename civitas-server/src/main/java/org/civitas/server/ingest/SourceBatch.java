package org.civitas.server.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.civitas.event.Event;
import org.civitas.event.EventLine;
import org.civitas.event.LineError;
import org.civitas.event.NameCache;
import org.civitas.event.NdjsonReader;
import org.civitas.privacy.PersonalDataSeal;
import org.civitas.store.sources.RegisteredSource;

/**
 * Reads a stretch of a source's batch: takes each event the source may send, its personal-only attributes sealed,
 * and refuses, with its line, an event in another source's name, of a type the source did not register, or in a
 * jurisdiction that has no rule book. One reads one stretch, on one thread.
 */
final class SourceBatch implements NdjsonReader.StretchReader<List<Event>> {

    private final RegisteredSource source;
    private final Set<String> jurisdictions;
    private final PersonalDataSeal seal;
    private final List<Event> events = new ArrayList<>();
    private final List<LineError> refused = new ArrayList<>();

    SourceBatch(RegisteredSource source, Set<String> jurisdictions, PersonalDataSeal seal) {
        this.source = source;
        this.jurisdictions = jurisdictions;
        this.seal = seal;
    }

    @Override
    public void line(EventLine line, long lineNumber) {
        event(line.toEvent(NameCache.forThisThread()), lineNumber);
    }

    @Override
    public void event(Event event, long lineNumber) {
        if (!event.source().equals(source.name())) {
            refuse(lineNumber, "source", "must be '" + source.name() + "', the source this key belongs to, not '"
                    + event.source() + "'");
        } else if (source.type(event.type()).isEmpty()) {
            refuse(lineNumber, "type", "source '" + source.name() + "' did not register type '" + event.type()
                    + "'; it registered " + source.types().stream().map(type -> "'" + type.type() + "'").toList());
        } else if (!jurisdictions.contains(event.jurisdiction())) {
            refuse(lineNumber, "jurisdiction", "'" + event.jurisdiction() + "' has no rule book here; known are "
                    + jurisdictions.stream().sorted().map(name -> "'" + name + "'").toList());
        } else {
            events.add(seal.seal(event));
        }
    }

    private void refuse(long line, String field, String reason) {
        refused.add(new LineError(line, field, reason));
    }

    @Override
    public List<Event> result() {
        return events;
    }

    @Override
    public List<LineError> refused() {
        return refused;
    }
}
