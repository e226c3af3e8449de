package org.civitas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.ledger.FileLedger;
import org.civitas.ndjson.EventParser;
import org.civitas.ndjson.LineError;
import org.civitas.ndjson.NdjsonReader;
import org.civitas.ndjson.OccurrenceWindow;
import org.civitas.privacy.PersonalDataSeal;
import org.civitas.privacy.PersonalKeys;
import org.civitas.source.SourceCatalogue;
import org.civitas.source.SourceRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeTest {

    private static final SourceRegistration SRC = new SourceRegistration("src",
            Map.of("web-visit", "browsing", "speeding", "traffic"));
    private static final SourceCatalogue SOURCES = SourceCatalogue.of(List.of(SRC,
            new SourceRegistration("bank", Map.of("bill-payment", "obligations"))));
    private static final Instant RECEIVED = Instant.parse("2026-10-02T00:00:00Z");

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
        return line("src", id, person, type, at, "lakeside", attributes);
    }

    private static String line(String source, String id, String person, String type, String at,
            String jurisdiction, String attributes) {
        return "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"person\":\"" + person + "\",\"type\":\""
                + type + "\",\"occurredAt\":\"" + at + "\",\"jurisdiction\":\"" + jurisdiction + "\"" + attributes
                + "}";
    }

    private PersonalDataSeal seal() {
        return new PersonalDataSeal(PersonalKeys.open(data), SOURCES::category, Set.of("browsing"));
    }

    private IntakeReport take(String text, Admission admission, NdjsonReader reader, long commitEveryBytes)
            throws IOException {
        try (FileLedger ledger = FileLedger.open(data)) {
            return new Intake(ledger, seal()).take(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    reader, admission, commitEveryBytes, Intake.Progress.NONE);
        }
    }

    private static NdjsonReader onThisThread() {
        return NdjsonReader.onThisThread(OccurrenceWindow.receivedAt(RECEIVED));
    }

    private List<Event> ledger() {
        List<Event> stored = new ArrayList<>();
        FileLedger.read(data, (sequence, event) -> stored.add(event));
        return stored;
    }

    @Test
    void linesReadInPlaceReachTheLedgerAsTheirEventsWouldSealedOrNot() throws IOException {
        IntakeReport report = take(TEXT, Admission.inAnyJurisdiction(SOURCES), onThisThread(), 0);

        List<Event> events = new ArrayList<>();
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        EventParser.parseLines(text, 0, text.length, 1, events, new ArrayList<>());
        assertThat(report.refused().listed()).extracting(LineError::line).containsExactly(6L);
        assertThat(report.accepted()).isEqualTo(6);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.endSequence()).isEqualTo(6);
        List<Event> stored = ledger();
        assertThat(stored).hasSize(6);
        PersonalDataSeal seal = seal();
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
    void everyThreadingAndCommitGivesTheSameLedger() throws IOException {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            many.append(line("src", "e-" + i, "p-" + (i % 97), i % 3 == 0 ? "web-visit" : "speeding",
                    "2026-10-01T10:00:00Z", "lakeside", ",\"attributes\":{\"n\":" + i + "}")).append('\n');
        }
        IntakeReport parallel = take(many.toString(), Admission.of(SOURCES, List.of("lakeside")),
                new NdjsonReader(2, OccurrenceWindow.receivedAt(RECEIVED)), 1 << 20);
        List<Event> first = ledger();

        Path other = data.resolve("other");
        data = other;
        IntakeReport single = take(many.toString(), Admission.of(SOURCES, List.of("lakeside")), onThisThread(), 0);

        assertThat(parallel.accepted()).isEqualTo(single.accepted()).isEqualTo(30_000);
        assertThat(ledger()).extracting(IntakeTest::withoutAttributes)
                .isEqualTo(first.stream().map(IntakeTest::withoutAttributes).toList());
    }

    @Test
    void aSealedLineOpensOnlyAsItsOwnEvent() throws IOException {
        take(TEXT, Admission.inAnyJurisdiction(SOURCES), onThisThread(), 0);
        Event visit = ledger().get(0);

        String sealed = visit.attributes().toJson();
        PersonalDataSeal seal = seal();
        assertThat(seal.open("src", "w-1", "p-1", sealed)).contains("{\"site\":\"clinic.example\"}");
        assertThat(seal.open("src", "w-9", "p-1", sealed)).isEmpty();
        assertThat(seal.open("other", "w-1", "p-1", sealed)).isEmpty();
    }

    @Test
    void whatTheAdmissionDoesNotTakeIsRefusedWithItsLineAndTheRestKept() throws IOException {
        String text = String.join("\n",
                line("src", "a", "p-1", "speeding", "2026-10-01T10:00:00Z", "lakeside", ""),
                line("nobody", "b", "p-1", "speeding", "2026-10-01T10:00:00Z", "lakeside", ""),
                line("src", "c", "p-1", "jaywalking", "2026-10-01T10:00:00Z", "lakeside", ""),
                line("src", "d", "p-1", "speeding", "2026-10-01T10:00:00Z", "atlantis", ""),
                line("bank", "e", "p-1", "bill-payment", "2026-10-01T10:00:00Z", "lakeside", ""),
                "{\"id\":\"f\",\"source\":\"src\",\"person\":\"p-\\u00e9\",\"type\":\"jaywalking\","
                        + "\"occurredAt\":\"2026-10-01T10:00:00Z\",\"jurisdiction\":\"lakeside\"}") + "\n";

        IntakeReport report = take(text, Admission.of(SOURCES, List.of("lakeside", "riverton")), onThisThread(), 0);

        assertThat(report.refused().listed()).extracting(LineError::message).containsExactly(
                "line 2: source: 'nobody' is not a registered source; registered are ['bank', 'src']",
                "line 3: type: source 'src' did not register type 'jaywalking'; it registered ['speeding',"
                        + " 'web-visit']",
                "line 4: jurisdiction: 'atlantis' has no rule book here; known are ['lakeside', 'riverton']",
                "line 6: type: source 'src' did not register type 'jaywalking'; it registered ['speeding',"
                        + " 'web-visit']");
        assertThat(ledger()).extracting(Event::id).containsExactly("a", "e");
    }

    @Test
    void aSignedBatchTakesOnlyItsOwnSourcesEvents() throws IOException {
        String text = line("src", "a", "p-1", "speeding", "2026-10-01T10:00:00Z", "lakeside", "") + "\n"
                + line("bank", "b", "p-1", "bill-payment", "2026-10-01T10:00:00Z", "lakeside", "") + "\n";

        IntakeReport report = take(text, Admission.signedBy(SRC, List.of("lakeside")), onThisThread(), 0);

        assertThat(report.refused().listed()).extracting(LineError::message).containsExactly(
                "line 2: source: must be 'src', the source this key belongs to, not 'bank'");
        assertThat(ledger()).extracting(Event::id).containsExactly("a");
    }

    private static Event withoutAttributes(Event event) {
        return new Event(event.id(), event.source(), event.person(), event.type(), event.occurredAt(),
                event.jurisdiction(), Attributes.EMPTY);
    }
}
