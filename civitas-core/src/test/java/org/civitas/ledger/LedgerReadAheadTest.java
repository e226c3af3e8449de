package org.civitas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading ahead hands out exactly what a plain read does, in the same order, across many batches. */
class LedgerReadAheadTest {

    private static final FileLedger.Selection SPEEDING_IN_LAKESIDE = (jurisdiction, type) ->
            jurisdiction.equals("lakeside") && type.equals("speeding");

    @TempDir
    Path data;

    private static Event event(int n) {
        Attributes attributes = n % 997 == 5 ? Attributes.ofValidatedJson(UnreadableEntriesTest.LONE_SURROGATE.clone())
                : Attributes.of(Map.of("n", n));
        return new Event("ev-" + n, "src", "p-" + n % 37, n % 3 == 0 ? "speeding" : "web-visit",
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n), n % 5 == 0 ? "riverton" : "lakeside",
                attributes);
    }

    /** Everything a read hands out, in order, as text. */
    private static List<String> heard(ReadOf read) {
        List<String> heard = new ArrayList<>();
        long entries = read.read(SPEEDING_IN_LAKESIDE, (sequence, event) -> heard.add(sequence + " " + event),
                (sequence, person) -> heard.add(sequence + " person " + person),
                entry -> heard.add(entry.sequence() + " unreadable " + entry));
        heard.add("entries " + entries);
        return heard;
    }

    @FunctionalInterface
    private interface ReadOf {
        long read(FileLedger.Selection selection, FileLedger.EventVisitor selected, FileLedger.PersonVisitor others,
                FileLedger.UnreadableVisitor unreadable);
    }

    @Test
    void itHandsOutWhatAPlainReadHandsOut() {
        try (FileLedger ledger = FileLedger.open(data)) {
            List<Event> events = new ArrayList<>();
            for (int n = 0; n < 20_000; n++) {
                events.add(event(n));
            }
            ledger.append(events);
        }
        List<String> plain = heard((selection, selected, others, unreadable) -> FileLedger.read(data, selection,
                selected, others, unreadable));

        List<String> ahead;
        try (LedgerReadAhead reading = LedgerReadAhead.start(data)) {
            ahead = heard(reading::read);
        }

        assertThat(plain).hasSize(20_001).anyMatch(line -> line.contains(" unreadable "))
                .anyMatch(line -> line.contains(" person ")).anyMatch(line -> line.contains("speeding"));
        assertThat(ahead).isEqualTo(plain);
    }

    @Test
    void aDamagedFrameStopsTheReadAsItStopsAPlainRead() throws Exception {
        try (FileLedger ledger = FileLedger.open(data)) {
            ledger.append(List.of(event(0), event(1), event(2)));
        }
        LedgerFiles.flipByte(LedgerFiles.segments(data).get(0), 1);

        try (LedgerReadAhead reading = LedgerReadAhead.start(data)) {
            assertThatThrownBy(() -> heard(reading::read)).isInstanceOf(LedgerDamagedException.class)
                    .hasMessageContaining("entry 1 was altered or damaged");
        }
    }

    @Test
    void aReaderLeftBehindStopsWhenClosed() {
        try (FileLedger ledger = FileLedger.open(data)) {
            List<Event> events = new ArrayList<>();
            for (int n = 0; n < 200_000; n++) {
                events.add(new Event("ev-" + n, "src", "p", "web-visit", Instant.EPOCH.plusSeconds(n), "lakeside",
                        Attributes.ofValidatedJson("{}".getBytes(StandardCharsets.UTF_8))));
            }
            ledger.append(events);
        }
        LedgerReadAhead reading = LedgerReadAhead.start(data);
        assertThatThrownBy(() -> reading.read((jurisdiction, type) -> true, (sequence, event) -> {
            throw new IllegalStateException("the caller gives up");
        }, (sequence, person) -> { }, FileLedger.UnreadableVisitor.REFUSE)).hasMessage("the caller gives up");

        reading.close();

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals(
                "ledger-read-ahead"));
    }
}
