package org.civitas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civitas.CivitasException;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.event.EventKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileLedgerTest {

    @TempDir
    Path data;

    private static Event event(String source, String id, int n) {
        return new Event(id, source, "p-" + (n % 5), "t-" + (n % 3), Instant.parse("2026-01-01T00:00:00Z")
                .plusSeconds(n * 3_600L), "lakeside", Attributes.of(Map.of("n", n, "name", "Ünïcødé " + n)));
    }

    private static List<Event> events(int from, int to) {
        List<Event> events = new ArrayList<>();
        for (int n = from; n < to; n++) {
            events.add(event("src", "ev-" + n, n));
        }
        return events;
    }

    private List<Event> readAll() {
        List<Event> read = new ArrayList<>();
        FileLedger.read(data, (sequence, event) -> read.add(event));
        return read;
    }

    private Path onlySegment() throws IOException {
        return LedgerFiles.segments(data).get(0);
    }

    private void append(List<Event> events) {
        try (FileLedger ledger = FileLedger.open(data)) {
            ledger.append(events);
        }
    }

    @Test
    void readsBackWhatWasAppendedInOrder() {
        List<Event> events = events(0, 50);
        try (FileLedger ledger = FileLedger.open(data)) {
            assertThat(ledger.append(events.subList(0, 20)).accepted()).isEqualTo(20);
            assertThat(ledger.append(events.subList(20, 50)).accepted()).isEqualTo(30);
            assertThat(ledger.size()).isEqualTo(50);
        }

        assertThat(readAll()).isEqualTo(events);
    }

    @Test
    void keepsSealedAttributesAsTheirBytesAndReadsThemBackSealed() {
        Random random = new Random(7);
        List<Event> events = new ArrayList<>();
        for (int n = 0; n < 2_000; n++) {
            Event plain = event("src", "ev-" + n, n);
            byte[] sealed = new byte[12 + random.nextInt(400) + 16];
            random.nextBytes(sealed);
            events.add(n % 3 == 0 ? plain : new Event(plain.id(), plain.source(), plain.person(), plain.type(),
                    plain.occurredAt(), plain.jurisdiction(), Attributes.sealed("browsing", sealed)));
        }
        try (FileLedger ledger = FileLedger.open(data)) {
            ledger.append(events);
        }

        List<Event> read = readAll();

        assertThat(read).isEqualTo(events);
        assertThat(read.get(1).attributes().isSealed()).isTrue();
        assertThat(read.get(1).attributes().sealedBytes()).isEqualTo(events.get(1).attributes().sealedBytes());
        assertThat(read.get(0).attributes().isSealed()).isFalse();
        assertThat(FileLedger.verify(data).damage()).isEmpty();
    }

    @Test
    void keepsNamesInEveryScriptExactly() {
        List<Event> events = List.of(
                new Event("ev-é", "stadtwerke-zürich", "p-Ødegaard", "café-visit", Instant.parse(
                        "2026-01-01T00:00:00Z"), "genève", Attributes.EMPTY),
                new Event("ev-日本", "市役所", "p-δ", "ride-🚲", Instant.parse("2026-01-01T01:00:00Z"), "lakeside",
                        Attributes.EMPTY));
        append(events);

        assertThat(readAll()).isEqualTo(events);
    }

    @Test
    void refusesANameTooLongToFrameAndWritesNothing() {
        String longSource = "ü".repeat(40_000);
        Event tooLong = new Event("ev-1", longSource, "p-1", "t", Instant.parse("2026-01-01T00:00:00Z"),
                "lakeside", Attributes.EMPTY);
        try (FileLedger ledger = FileLedger.open(data)) {
            assertThatThrownBy(() -> ledger.append(List.of(event("src", "ev-0", 0), tooLong)))
                    .isInstanceOf(CivitasException.class)
                    .hasMessageStartingWith("a name longer than 65535 bytes cannot be stored: üüü");
            assertThat(ledger.size()).isZero();
        }

        assertThat(readAll()).isEmpty();
    }

    @Test
    void aKeyCountsOnceWithinABatchAcrossBatchesAndAfterReopening() {
        Event first = event("src", "ev-1", 1);
        Event sameKeyOtherContent = event("src", "ev-1", 99);
        Event otherSource = event("bank", "ev-1", 2);
        try (FileLedger ledger = FileLedger.open(data)) {
            AppendResult result = ledger.append(List.of(first, sameKeyOtherContent, otherSource));
            assertThat(result).isEqualTo(new AppendResult(2, 1, 0));
            assertThat(ledger.append(List.of(sameKeyOtherContent))).isEqualTo(new AppendResult(0, 1, 2));
        }
        assertThat(readAll()).containsExactly(first, otherSource);
        Event third = event("bank", "ev-2", 3);
        try (FileLedger ledger = FileLedger.open(data)) {
            assertThat(ledger.append(List.of(sameKeyOtherContent, otherSource, third)))
                    .isEqualTo(new AppendResult(1, 2, 2));
        }

        assertThat(readAll()).containsExactly(first, otherSource, third);
    }

    /** Random batches full of repeats: the ledger keeps exactly the first of each key, in order. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void keepsTheFirstOfEveryKeyInOrder(long seed) {
        Random random = new Random(seed);
        Map<EventKey, Event> model = new LinkedHashMap<>();
        for (int batch = 0; batch < 12; batch++) {
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < random.nextInt(400); i++) {
                int n = random.nextInt(1500);
                events.add(event(random.nextBoolean() ? "a" : "b", "ev-" + n, random.nextInt(1000)));
            }
            events.forEach(event -> model.putIfAbsent(event.key(), event));
            if (random.nextInt(3) == 0) {
                append(events);
            } else {
                try (FileLedger ledger = FileLedger.open(data, 20_000)) {
                    for (int from = 0; from < events.size(); from += 50) {
                        ledger.append(events.subList(from, Math.min(events.size(), from + 50)));
                    }
                }
            }
        }

        assertThat(readAll()).containsExactlyElementsOf(model.values());
        assertThat(FileLedger.verify(data).intact()).isTrue();
        assertThat(FileLedger.verify(data).damage()).isEmpty();
    }

    @Test
    void appendsFromManyThreadsShareCommitsAndLoseNothing() throws Exception {
        int threads = 8;
        try (FileLedger ledger = FileLedger.open(data, 50_000)) {
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                Thread thread = new Thread(() -> {
                    for (int batch = 0; batch < 20; batch++) {
                        List<Event> events = new ArrayList<>();
                        for (int i = 0; i < 25; i++) {
                            events.add(event("w" + writer, "ev-" + batch + "-" + i, i));
                        }
                        assertThat(ledger.append(events).accepted()).isEqualTo(25);
                    }
                });
                thread.start();
                writers.add(thread);
            }
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(ledger.size()).isEqualTo(threads * 20 * 25);
        }

        assertThat(readAll()).hasSize(threads * 20 * 25).doesNotHaveDuplicates();
        assertThat(FileLedger.verify(data).damage()).isEmpty();
    }

    @Test
    void writtenEventsAreCommittedOnlyWhenAsked() {
        try (FileLedger ledger = FileLedger.open(data)) {
            ledger.write(ledger.encode(events(0, 5)));
            assertThat(ledger.size()).isEqualTo(5);
            assertThat(readAll()).as("readers see committed entries only").isEmpty();
            ledger.commit();
            assertThat(readAll()).hasSize(5);
            ledger.write(ledger.encode(events(5, 8)));
        }
        assertThat(readAll()).as("closing commits what was written").isEqualTo(events(0, 8));
    }

    @Test
    void aTailHandsOutCommittedEntriesFromAnyPointAndFollowsNewCommits() throws IOException {
        try (FileLedger ledger = FileLedger.open(data, 3_000)) {
            for (int from = 0; from < 100; from += 10) {
                ledger.append(events(from, from + 10));
            }
            List<Long> fromStart = new ArrayList<>();
            List<Event> fromMiddle = new ArrayList<>();
            try (LedgerTail everything = ledger.tail(0); LedgerTail later = ledger.tail(57)) {
                while (everything.poll(7, (sequence, event) -> fromStart.add(sequence)) > 0) {
                    continue;
                }
                later.poll(1_000, (sequence, event) -> fromMiddle.add(event));
                ledger.write(ledger.encode(events(100, 105)));
                assertThat(later.poll(1_000, (sequence, event) -> fromMiddle.add(event)))
                        .as("nothing uncommitted is handed out").isZero();
                ledger.commit();
                later.poll(1_000, (sequence, event) -> fromMiddle.add(event));
                assertThat(later.position()).isEqualTo(105);
            }
            assertThat(fromStart).hasSize(100).startsWith(0L, 1L, 2L).endsWith(99L);
            assertThat(fromMiddle).isEqualTo(events(57, 105));
            assertThat(LedgerFiles.segments(data).size()).isGreaterThan(3);
        }
    }

    @Test
    void startsNewSegmentsAndReadsAcrossThem() throws IOException {
        try (FileLedger ledger = FileLedger.open(data, 4_000)) {
            for (int from = 0; from < 300; from += 10) {
                ledger.append(events(from, from + 10));
            }
        }

        assertThat(LedgerFiles.segments(data).size()).isGreaterThan(3);
        assertThat(readAll()).isEqualTo(events(0, 300));
        assertThat(FileLedger.verify(data).entries()).isEqualTo(300);
        assertThat(FileLedger.verify(data).intact()).isTrue();
    }

    @Test
    void verifyNamesAByteChangedInAnEntry() throws IOException {
        append(events(0, 10));
        LedgerFiles.flipByte(onlySegment(), 4);

        Verification verification = FileLedger.verify(data);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.damage().orElseThrow().kind()).isEqualTo(Damage.Kind.ALTERED);
        assertThat(verification.damage().orElseThrow().sequence()).isEqualTo(4);
        assertThat(verification.damage().orElseThrow().description())
                .isEqualTo("entry 4 was altered or damaged: its checksum does not match its content");
        assertThat(verification.entries()).isEqualTo(4);
    }

    @Test
    void verifyNamesAnEntryAlteredWithItsChecksumFixed() throws IOException {
        append(events(0, 10));
        LedgerFiles.alterAndFixChecksum(onlySegment(), 6);

        Damage damage = FileLedger.verify(data).damage().orElseThrow();

        assertThat(damage.kind()).isEqualTo(Damage.Kind.ALTERED);
        assertThat(damage.sequence()).isEqualTo(6);
        assertThat(damage.description()).isEqualTo("entry 6 was altered: entry 7 records a different hash for it");
    }

    @Test
    void verifyNamesADroppedEntry() throws IOException {
        append(events(0, 10));
        LedgerFiles.dropFrame(onlySegment(), 3);

        Damage damage = FileLedger.verify(data).damage().orElseThrow();

        assertThat(damage.kind()).isEqualTo(Damage.Kind.DROPPED);
        assertThat(damage.sequence()).isEqualTo(3);
        assertThat(damage.description()).isEqualTo("entry 3 was dropped: entry 4 follows entry 2");
    }

    @Test
    void verifyNamesReorderedEntries() throws IOException {
        append(events(0, 10));
        LedgerFiles.swapFrames(onlySegment(), 5);

        Damage damage = FileLedger.verify(data).damage().orElseThrow();

        assertThat(damage.kind()).isEqualTo(Damage.Kind.REORDERED);
        assertThat(damage.sequence()).isEqualTo(5);
        assertThat(damage.description()).isEqualTo("entry 5 is out of order: entry 6 stands in its place");
    }

    @Test
    void verifyNamesEntriesDroppedFromTheEnd() throws IOException {
        append(events(0, 10));
        LedgerFiles.truncateFrames(onlySegment(), 7);

        Damage damage = FileLedger.verify(data).damage().orElseThrow();

        assertThat(damage.kind()).isEqualTo(Damage.Kind.DROPPED);
        assertThat(damage.description())
                .isEqualTo("entries 7 to 9 were dropped from the end: the head records 10 committed entries");
    }

    @Test
    void verifyNoticesAWholeChainRewrittenBehindTheHeadsBack(@TempDir Path forged) throws IOException {
        append(events(0, 10));
        List<Event> altered = new ArrayList<>(events(0, 10));
        altered.set(2, event("src", "ev-2", 777));
        try (FileLedger ledger = FileLedger.open(forged)) {
            ledger.append(altered);
        }
        Files.copy(LedgerFiles.segments(forged).get(0), onlySegment(), StandardCopyOption.REPLACE_EXISTING);

        Damage damage = FileLedger.verify(data).damage().orElseThrow();

        assertThat(damage.kind()).isEqualTo(Damage.Kind.ALTERED);
        assertThat(damage.description()).contains("the chain up to entry 9 was rewritten");
    }

    @Test
    void anUnfinishedWriteIsNotDamageAndTheNextOpenCutsItAway() throws IOException {
        append(events(0, 10));
        long sizeBefore = Files.size(onlySegment());
        LedgerFiles.append(onlySegment(), new byte[] {0, 0, 1, 0, 9, 9, 9, 9, 1, 2, 3});

        Verification verification = FileLedger.verify(data);
        assertThat(verification.intact()).isTrue();
        assertThat(verification.damage().orElseThrow().kind()).isEqualTo(Damage.Kind.UNFINISHED_WRITE);
        assertThat(readAll()).hasSize(10);

        append(events(10, 12));

        assertThat(FileLedger.verify(data).damage()).isEmpty();
        assertThat(readAll()).isEqualTo(events(0, 12));
        assertThat(Files.size(onlySegment())).isGreaterThan(sizeBefore);
    }

    @Test
    void aDamagedLedgerIsNeitherOpenedNorChanged() throws IOException {
        append(events(0, 10));
        LedgerFiles.flipByte(onlySegment(), 2);
        byte[] before = Files.readAllBytes(onlySegment());

        assertThatThrownBy(() -> FileLedger.open(data)).isInstanceOf(LedgerDamagedException.class)
                .hasMessageContaining("entry 2 was altered");
        assertThatThrownBy(this::readAll).isInstanceOf(LedgerDamagedException.class);
        assertThat(Files.readAllBytes(onlySegment())).isEqualTo(before);
    }

    @Test
    void oneWriterAtATime() {
        try (FileLedger ledger = FileLedger.open(data)) {
            assertThatThrownBy(() -> FileLedger.open(data)).isInstanceOf(CivitasException.class)
                    .hasMessageContaining("already open for writing");
        }
        FileLedger.open(data).close();
    }

    @Test
    void theHeadSurvivesATornWriteOfOneOfItsSlots() throws IOException {
        append(events(0, 5));
        append(events(5, 10));
        Path head = FileLedger.directoryIn(data).resolve(HeadFile.NAME);
        byte[] bytes = Files.readAllBytes(head);
        bytes[64 + 3] ^= 0x7F;
        Files.write(head, bytes);

        assertThat(HeadFile.read(FileLedger.directoryIn(data)).entries()).isEqualTo(5);
        assertThat(FileLedger.verify(data).intact()).isTrue();
        assertThat(readAll()).hasSize(5);
        append(List.of());
        assertThat(readAll()).hasSize(10);
    }

    @Test
    void reportsAMissingLedgerPlainly(@TempDir Path empty) {
        assertThatThrownBy(() -> FileLedger.verify(empty)).hasMessageStartingWith("no ledger in " + empty);
    }
}
