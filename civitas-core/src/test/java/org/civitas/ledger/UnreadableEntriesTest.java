package org.civitas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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

/**
 * Entries that are sound in the chain but cannot be read as events, as older versions let some in: every reader
 * hands them out as such, with their place and the reason, and goes on to the next.
 */
class UnreadableEntriesTest {

    /** {"site":"…"} holding ED A0 80, the UTF-8 form of a lone surrogate, which is not well-formed UTF-8. */
    static final byte[] LONE_SURROGATE = {'{', '"', 's', 'i', 't', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0,
        (byte) 0x80, '"', '}'};

    @TempDir
    Path data;

    private static Event event(int n, Attributes attributes) {
        return new Event("ev-" + n, "src", "p-" + n, "web-visit", Instant.parse("2026-01-01T00:00:00Z")
                .plusSeconds(n), "lakeside", attributes);
    }

    private static Event event(int n) {
        return event(n, Attributes.of(Map.of("n", n)));
    }

    private void appendWithAnIllFormedSecondEntry() {
        try (FileLedger ledger = FileLedger.open(data)) {
            ledger.append(List.of(event(0), event(1, Attributes.ofValidatedJson(LONE_SURROGATE.clone())), event(2)));
        }
    }

    @Test
    void aReadHandsOutAnEntryWithIllFormedAttributesAsUnreadableAndReadsOn() {
        appendWithAnIllFormedSecondEntry();
        List<Long> read = new ArrayList<>();
        List<UnreadableEntry> unreadable = new ArrayList<>();

        long entries = FileLedger.read(data, (sequence, event) -> read.add(sequence), unreadable::add);

        assertThat(entries).isEqualTo(3);
        assertThat(read).containsExactly(0L, 2L);
        assertThat(unreadable).singleElement().satisfies(entry -> {
            assertThat(entry.sequence()).isEqualTo(1);
            assertThat(entry.reason())
                    .isEqualTo("attributes: not well-formed UTF-8 (byte 9 of 14 is 0xED, which cannot stand there)");
            assertThat(entry.envelope()).hasValue(new UnreadableEntry.Envelope("src", "ev-1", "p-1", "web-visit",
                    "lakeside", Instant.parse("2026-01-01T00:00:01Z")));
        });
    }

    @Test
    void aReadThatWasNotToldWhatToDoWithAnUnreadableEntryNamesIt() {
        appendWithAnIllFormedSecondEntry();

        assertThatThrownBy(() -> FileLedger.read(data, (sequence, event) -> { }))
                .isInstanceOf(UnreadableEntryException.class)
                .hasMessageStartingWith("ledger entry 1: attributes: not well-formed UTF-8");
    }

    @Test
    void aTailHandsOutAnUnreadableEntryInItsPlaceAndFollowsOn() throws IOException {
        appendWithAnIllFormedSecondEntry();
        List<Long> handed = new ArrayList<>();
        try (FileLedger ledger = FileLedger.open(data); LedgerTail tail = ledger.tail(0)) {
            int polled = tail.poll(10, (sequence, event) -> handed.add(sequence),
                    entry -> handed.add(-entry.sequence()));
            ledger.append(List.of(event(3)));
            polled += tail.poll(10, (sequence, event) -> handed.add(sequence), entry -> handed.add(-entry.sequence()));

            assertThat(polled).isEqualTo(4);
            assertThat(tail.position()).isEqualTo(4);
        }
        assertThat(handed).containsExactly(0L, -1L, 2L, 3L);
    }

    @Test
    void verifyNamesUnreadableEntriesYetFindsTheChainIntact() {
        appendWithAnIllFormedSecondEntry();

        Verification verification = FileLedger.verify(data);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.readable()).isFalse();
        assertThat(verification.unreadableCount()).isEqualTo(1);
        assertThat(verification.unreadable()).extracting(UnreadableEntry::sequence).containsExactly(1L);
    }

    @Test
    void verifyNamesAttributesThatAreNotOneJsonObject() {
        try (FileLedger ledger = FileLedger.open(data)) {
            ledger.append(List.of(event(0, json("{\"a\":1} {\"b\":2}")), event(1, json("[1,2]")),
                    event(2, json("{\"a\":")), event(3, json("{\"fine\":true}"))));
        }

        Verification verification = FileLedger.verify(data);

        assertThat(verification.unreadable()).extracting(UnreadableEntry::reason).containsExactly(
                "attributes: more than one JSON value", "attributes: not a JSON object",
                "attributes: not valid JSON (Unexpected end-of-input within/between Object entries)");
        assertThat(verification.unreadable()).allSatisfy(entry -> assertThat(entry.envelope()).isPresent());
    }

    private static Attributes json(String text) {
        return Attributes.ofValidatedJson(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void opensALedgerHoldingPayloadsThatAreNoEventsAndAppendsAfterThem() throws IOException {
        LedgerFiles.writeLedger(data, List.of(EventCodec.encode(event(0)), new byte[] {EventCodec.KIND_EVENT},
                new byte[] {EventCodec.KIND_EVENT, 0, 9, 's'}, new byte[] {7, 1, 2, 3}, EventCodec.encode(event(4))));

        try (FileLedger ledger = FileLedger.open(data)) {
            assertThat(ledger.append(List.of(event(4), event(5))).accepted()).as("event 4 is a duplicate").isOne();
        }
        List<UnreadableEntry> unreadable = new ArrayList<>();
        List<Long> read = new ArrayList<>();
        FileLedger.read(data, (sequence, event) -> read.add(sequence), unreadable::add);

        assertThat(read).containsExactly(0L, 4L, 5L);
        assertThat(unreadable).extracting(UnreadableEntry::toString).containsExactly(
                "entry 1: payload: ends early (it needs 2 more bytes at byte 1 of 1)",
                "entry 2: payload: ends early (it needs 9 more bytes at byte 3 of 4)",
                "entry 3: payload: not an event (its kind is 7)");
        assertThat(unreadable).allSatisfy(entry -> assertThat(entry.envelope()).isEmpty());
        assertThat(FileLedger.verify(data).unreadableCount()).isEqualTo(3);
    }
}
