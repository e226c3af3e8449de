package org.civitas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.civitas.CivitasException;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecTest {

    /** Letters from ASCII, Latin-1, Greek, CJK and beyond the Basic Multilingual Plane. */
    private static final int[] CODE_POINTS = {'a', 'Z', '7', '-', 'é', 'ß', 'Ω', '中', 0x1F600, 0x10348};

    private static String name(Random random) {
        StringBuilder name = new StringBuilder();
        int length = 1 + random.nextInt(30);
        boolean asciiOnly = random.nextBoolean();
        for (int i = 0; i < length; i++) {
            name.appendCodePoint(CODE_POINTS[random.nextInt(asciiOnly ? 4 : CODE_POINTS.length)]);
        }
        return name.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void decodesEveryNameAsItWasWhateverItsCharacters(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            Event event = new Event(name(random), name(random), name(random), name(random),
                    Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000)), name(random),
                    Attributes.of(Map.of("n", i)));

            byte[] encoded = EventCodec.encode(event);

            assertThat(EventCodec.decode(encoded, 0, encoded.length)).isEqualTo(event);
        }
    }

    @Test
    void refusesANameTooLongForItsLengthField() {
        Event event = new Event("x".repeat(70_000), "src", "p-1", "t", Instant.EPOCH, "lakeside", Attributes.EMPTY);

        assertThatThrownBy(() -> EventCodec.encode(event)).isInstanceOf(CivitasException.class)
                .hasMessageContaining("longer than 65535 bytes");
    }

    @Test
    void aNameThatIsNotWellFormedUtf8LeavesNothingReadable() {
        byte[] encoded = EventCodec.encode(new Event("ev-1", "src", "p-é", "t", Instant.EPOCH, "lakeside",
                Attributes.EMPTY));
        int accent = indexOf(encoded, (byte) 0xC3);
        encoded[accent] = (byte) 0xED;
        encoded[accent + 1] = (byte) 0xA0;

        assertThatThrownBy(() -> EventCodec.decode(encoded, 0, encoded.length))
                .isInstanceOfSatisfying(EventDecoder.UnreadablePayload.class, payload -> {
                    UnreadableEntry entry = payload.at(7);
                    assertThat(entry.reason())
                            .isEqualTo("person: not well-formed UTF-8 (byte 2 of 4 is 0xED, which cannot stand there)");
                    assertThat(entry.envelope()).isEmpty();
                });
    }

    @Test
    void aLengthReachingPastThePayloadIsUnreadableWhateverItsSize() {
        byte[] encoded = EventCodec.encode(new Event("ev-1", "src", "p-1", "t", Instant.EPOCH, "lakeside",
                Attributes.EMPTY));
        EventCodec.putInt(encoded, encoded.length - 6, Integer.MAX_VALUE);

        assertThatThrownBy(() -> EventCodec.decode(encoded, 0, encoded.length))
                .hasMessage("payload: ends early (it needs 2147483647 more bytes at byte " + (encoded.length - 2)
                        + " of " + encoded.length + ")");
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError("no byte " + wanted);
    }
}
