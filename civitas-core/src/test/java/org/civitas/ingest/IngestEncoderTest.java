package org.civitas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.event.EventParser;
import org.civitas.event.LineError;
import org.civitas.ledger.AppendResult;
import org.civitas.ledger.FileLedger;
import org.civitas.privacy.PersonalDataSeal;
import org.civitas.privacy.PersonalKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestEncoderTest {

    private static final Map<String, String> CATEGORIES = Map.of("web-visit", "browsing", "speeding", "traffic");

    /** Plain lines and lines that are not (an escaped name, an instant with an offset), sealed and not. */
    private static final String TEXT = String.join("\n",
            line("w-1", "p-1", "web-visit", "2026-10-01T10:00:00Z", ",\"attributes\":{\"site\":\"clinic.example\"}"),
            line("s-1", "p-1", "speeding", "2026-10-01T10:05:00Z", ",\"attributes\":{\"kmh\":62.5}"),
            line("w-2", "p-\\u00e9", "web-visit", "2026-10-01T10:06:00Z", ",\"attributes\":{\"site\":\"b\"}"),
            line("w-3", "p-2", "web-visit", "2026-10-01T12:07:00+02:00", ",\"attributes\":{\"t\":\"Z\u00fcrich\"}"),
            line("w-4", "p-2", "web-visit", "2026-10-01T10:08:00.5Z", ""),
            "{\"id\":\"broken\"",
            line("s-2", "p-\\u00e9", "speeding", "2026-10-01T10:09:00Z", ""),
            line("w-1", "p-1", "web-visit", "2026-10-01T11:00:00Z", ",\"attributes\":{\"site\":\"again\"}")) + "\n";

    @TempDir
    Path data;

    private static String line(String id, String person, String type, String at, String attributes) {
        return "{\"id\":\"" + id + "\",\"source\":\"src\",\"person\":\"" + person + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + at + "\",\"jurisdiction\":\"lakeside\"" + attributes + "}";
    }

    private PersonalDataSeal seal() {
        return new PersonalDataSeal(PersonalKeys.open(data), (source, type) -> CATEGORIES.getOrDefault(type, "x"),
                Set.of("browsing"));
    }

    @Test
    void linesReadInPlaceReachTheLedgerAsTheirEventsWouldSealedOrNot() {
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        PersonalDataSeal seal = seal();
        List<LineError> errors = new ArrayList<>();
        AppendResult appended;
        try (FileLedger ledger = FileLedger.open(data)) {
            IngestEncoder encoder = IngestEncoder.into(ledger, seal).get();
            EventParser.parseLines(text, 0, text.length, 1, encoder, errors);
            appended = ledger.append(encoder.result());
        }
        List<Event> events = new ArrayList<>();
        EventParser.parseLines(text, 0, text.length, 1, events, new ArrayList<>());

        assertThat(errors).extracting(LineError::line).containsExactly(6L);
        assertThat(appended).isEqualTo(new AppendResult(6, 1, 0));
        List<Event> stored = new ArrayList<>();
        FileLedger.read(data, (sequence, event) -> stored.add(event));
        assertThat(stored).hasSize(6);
        for (int i = 0; i < stored.size(); i++) {
            Event entry = stored.get(i);
            Event event = events.get(i);
            assertThat(withoutAttributes(entry)).isEqualTo(withoutAttributes(event));
            boolean personal = event.type().equals("web-visit");
            assertThat(entry.attributes().isSealed()).as(event.id()).isEqualTo(personal);
            assertThat(seal.open(entry.source(), entry.id(), entry.person(), entry.attributes().toJson()))
                    .as(event.id()).contains(event.attributes().toJson());
        }
    }

    @Test
    void aSealedLineOpensOnlyAsItsOwnEvent() {
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        PersonalDataSeal seal = seal();
        try (FileLedger ledger = FileLedger.open(data)) {
            IngestEncoder encoder = IngestEncoder.into(ledger, seal).get();
            EventParser.parseLines(text, 0, text.length, 1, encoder, new ArrayList<>());
            ledger.append(encoder.result());
        }
        List<Event> stored = new ArrayList<>();
        FileLedger.read(data, (sequence, event) -> stored.add(event));
        Event visit = stored.get(0);

        String sealed = visit.attributes().toJson();
        assertThat(seal.open("src", "w-1", "p-1", sealed)).contains("{\"site\":\"clinic.example\"}");
        assertThat(seal.open("src", "w-9", "p-1", sealed)).isEmpty();
        assertThat(seal.open("other", "w-1", "p-1", sealed)).isEmpty();
    }

    private static Event withoutAttributes(Event event) {
        return new Event(event.id(), event.source(), event.person(), event.type(), event.occurredAt(),
                event.jurisdiction(), Attributes.EMPTY);
    }
}
