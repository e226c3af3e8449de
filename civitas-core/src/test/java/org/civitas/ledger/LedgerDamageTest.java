package org.civitas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A committed ledger damaged at any byte of its segment, or cut short at any byte, is never taken as intact: verify
 * names the damage with its file (the segment, or the head that counts what the segment lost) and the byte it found
 * it at, and the ledger refuses to open, changing nothing.
 */
class LedgerDamageTest {

    private static final int ENTRIES = 8;

    @TempDir
    Path data;

    private Path segment;
    private byte[] pristine;

    @BeforeEach
    void writeALedger() throws IOException {
        List<Event> events = new ArrayList<>();
        for (int n = 0; n < ENTRIES; n++) {
            events.add(new Event("ev-" + n, "src", "p-" + n % 3, "speeding", Instant.parse("2026-01-01T00:00:00Z")
                    .plusSeconds(n * 60L), "lakeside", Attributes.of(Map.of("kmhOver", n))));
        }
        try (FileLedger ledger = FileLedger.open(data)) {
            ledger.append(events.subList(0, ENTRIES / 2));
            ledger.append(events.subList(ENTRIES / 2, ENTRIES));
        }
        segment = LedgerFiles.segments(data).get(0);
        pristine = Files.readAllBytes(segment);
    }

    @Test
    void aByteChangedAnywhereIsFoundAndNamedWithItsFileAndPlace() throws IOException {
        for (int at = 0; at < pristine.length; at++) {
            byte[] damaged = pristine.clone();
            damaged[at] ^= (byte) 0x5A;
            Files.write(segment, damaged);

            assertRefused("byte " + at + " changed", damaged);
        }
    }

    @Test
    void aLedgerCutShortAnywhereIsFoundAndNamedWithItsFileAndPlace() throws IOException {
        for (int length = 0; length < pristine.length; length++) {
            byte[] cut = Arrays.copyOf(pristine, length);
            Files.write(segment, cut);

            assertRefused("cut to " + length + " bytes", cut);
        }
    }

    @Test
    void aByteChangedAnywhereInTheHeadLosesNoEntry() throws IOException {
        Path head = FileLedger.directoryIn(data).resolve(HeadFile.NAME);
        byte[] kept = Files.readAllBytes(head);
        for (int at = 0; at < kept.length; at++) {
            byte[] damaged = kept.clone();
            damaged[at] ^= (byte) 0x5A;
            Files.write(head, damaged);
            Files.write(segment, pristine);

            List<Event> read = new ArrayList<>();
            try (FileLedger ledger = FileLedger.open(data)) {
                assertThat(ledger.committed()).as("head byte " + at + " changed").isEqualTo(ENTRIES);
            }
            FileLedger.read(data, (sequence, event) -> read.add(event));
            assertThat(read).as("head byte " + at + " changed").hasSize(ENTRIES);
        }
    }

    private void assertRefused(String how, byte[] onDisk) throws IOException {
        Verification verification = FileLedger.verify(data);
        assertThat(verification.intact()).as(how).isFalse();
        Damage damage = verification.damage().orElseThrow();
        assertThat(damage.segment().getFileName().toString()).as(how).isIn(segment.getFileName().toString(),
                HeadFile.NAME);
        assertThat(damage.offset()).as(how).isBetween(0L, (long) pristine.length);
        assertThatThrownBy(() -> FileLedger.open(data)).as(how).isInstanceOf(LedgerDamagedException.class)
                .hasMessageContaining(damage.segment().getFileName() + " at byte " + damage.offset());
        assertThat(Files.readAllBytes(segment)).as(how + ": nothing changed").isEqualTo(onDisk);
    }
}
