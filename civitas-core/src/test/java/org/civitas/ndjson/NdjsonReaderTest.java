package org.civitas.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NdjsonReaderTest {

    private static String line(int n) {
        return "{\"id\":\"ev-" + n + "\",\"source\":\"s\",\"person\":\"p-" + (n % 7) + "\",\"type\":\"t\","
                + "\"occurredAt\":\"2026-03-01T03:12:00Z\",\"jurisdiction\":\"j\",\"attributes\":{\"n\":" + n + "}}";
    }

    /** Several megabytes of lines, some malformed or too long, at lines the test knows. */
    private static String input(long seed, List<Long> badLines, List<String> goodIds) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int n = 1; n <= 40_000; n++) {
            int roll = random.nextInt(1000);
            if (roll < 3) {
                text.append("{\"id\":").append(n).append('}');
                badLines.add((long) n);
            } else if (roll < 4) {
                text.append("{\"pad\":\"").append("y".repeat(NdjsonReader.CHUNK_BYTES + 10)).append("\"}");
                badLines.add((long) n);
            } else if (roll < 6) {
                text.append("{\"pad\":\"").append("z".repeat(EventParser.MAX_LINE_BYTES)).append("\"}");
                badLines.add((long) n);
            } else {
                text.append(line(n));
                goodIds.add("ev-" + n);
            }
            text.append('\n');
        }
        return text.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void readsInOrderWithExactLineNumbersWhateverTheParallelism(long seed) throws IOException {
        List<Long> badLines = new ArrayList<>();
        List<String> goodIds = new ArrayList<>();
        byte[] bytes = input(seed, badLines, goodIds).getBytes(StandardCharsets.UTF_8);

        for (int parallelism : new int[] {1, 2, 4}) {
            List<String> ids = new ArrayList<>();
            List<Long> errorLines = new ArrayList<>();
            new NdjsonReader(parallelism, OccurrenceWindow.RECORDED).read(new ByteArrayInputStream(bytes), batch -> {
                batch.events().forEach(event -> ids.add(event.id()));
                batch.errors().stream().map(LineError::line).distinct().forEach(errorLines::add);
            });
            assertThat(ids).as("parallelism %d", parallelism).isEqualTo(goodIds);
            assertThat(errorLines).as("parallelism %d", parallelism).isEqualTo(badLines);
        }
    }

    @ParameterizedTest(name = "{0} bytes of input")
    @ValueSource(ints = {0, 1, 100})
    void coversEveryByteOfTheInputInItsProgress(int lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int n = 0; n < lines; n++) {
            text.append(line(n)).append('\n');
        }
        byte[] bytes = text.append(line(lines)).toString().getBytes(StandardCharsets.UTF_8);

        ParsedBatch all = NdjsonReader.readAll(new ByteArrayInputStream(bytes));

        assertThat(all.bytes()).isEqualTo(bytes.length);
        assertThat(all.events()).hasSize(lines + 1);
    }
}
