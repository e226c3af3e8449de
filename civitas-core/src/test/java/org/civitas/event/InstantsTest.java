package org.civitas.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantsTest {

    @Test
    void agreesWithTheJdkOnRandomInstants() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong() % 100_000_000_000L,
                    random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
            String text = instant.toString();
            assertThat(Instants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void writesInstantsExactlyAsTheJdkDoes() {
        Random random = new Random(8);
        for (int i = 0; i < 100_000; i++) {
            int nanoKind = random.nextInt(4);
            int nano = nanoKind == 0 ? 0 : nanoKind == 1 ? random.nextInt(1000) * 1_000_000
                    : nanoKind == 2 ? random.nextInt(1_000_000) * 1_000 : random.nextInt(1_000_000_000);
            Instant instant = Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L, nano);
            assertThat(Instants.format(instant)).isEqualTo(instant.toString());
        }
        assertThat(Instants.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-04-31T00:00:00Z",
        "2026-01-01T25:00:00Z", "2026-01-01T00:60:00Z", "2026-01-01 00:00:00Z", "2026-01-01", "yesterday"})
    void refusesWhatIsNotAnInstant(String text) {
        assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void acceptsLeapDaysAndOffsets() {
        assertThat(Instants.parse("2028-02-29T12:00:00Z")).isEqualTo(Instant.parse("2028-02-29T12:00:00Z"));
        assertThat(Instants.parse("2026-03-29T03:30:00+02:00")).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }
}
