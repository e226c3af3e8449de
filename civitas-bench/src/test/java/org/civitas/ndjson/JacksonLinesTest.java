package org.civitas.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.civitas.demo.CityGenerator;
import org.civitas.event.Event;
import org.civitas.event.EventJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark's Jackson reader is a fair peer only if it does the same work: on a city's lines, and on those lines
 * broken in every way a hostile or careless source breaks them, it takes exactly the events and refuses exactly the
 * lines, in the same words, that Civitas's full parser does.
 */
class JacksonLinesTest {

    private static final OccurrenceWindow WINDOW = OccurrenceWindow.receivedAt(Instant.parse("2026-12-01T00:00:00Z"));
    /** Lines of odd shape that a source may send, each of which the readers must treat alike. */
    private static final List<String> ODD = List.of("", " \t\r", "[1]", "42", "{}", "{\"id\":\"x\",", "not json",
            "{\"id\":\"a\"}]", "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}", "\uFEFF{\"id\":\"b\"}");
    private static final byte[][] HOSTILE = {
        {0}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF}, {'\n'}, {'/'},
        {0x1F}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {'\\'}, {'"'}, {'{'}, {'}'}, {','}, {':'}, {' '}
    };

    private static List<Event> city;

    @BeforeAll
    static void generateACity() {
        city = new ArrayList<>();
        new CityGenerator(new CityGenerator.Settings(60, 10, 1, CityGenerator.DEFAULT_UNTIL)).generate(city::add);
    }

    @Test
    void readsACityAsCivitasReadsIt() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        city.forEach(event -> text.writeBytes((EventJson.toLine(event) + "\n").getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = text.toByteArray();

        List<Event> events = new ArrayList<>();
        RefusedLines refused = new RefusedLines();
        int lines = JacksonLines.parseLines(bytes, 0, bytes.length, 1, new EventParser.Collector(events), refused,
                OccurrenceWindow.RECORDED);

        assertThat(refused.isEmpty()).isTrue();
        assertThat(lines).isEqualTo(city.size());
        assertThat(events).isEqualTo(city);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void takesAndRefusesWhatTheFullParserDoesInTheSameWords(long seed) {
        Random random = new Random(seed);
        byte[] text = brokenText(random, 20_000);

        List<Event> events = new ArrayList<>();
        RefusedLines refused = new RefusedLines(Integer.MAX_VALUE);
        int lines = JacksonLines.parseLines(text, 0, text.length, 1, new EventParser.Collector(events), refused,
                WINDOW);
        List<Event> reference = new ArrayList<>();
        List<LineError> referenceErrors = new ArrayList<>();
        int referenceLines = EventParser.parseLinesFully(text, 0, text.length, 1, reference, referenceErrors, WINDOW);

        assertThat(refused.listed()).containsExactlyElementsOf(referenceErrors);
        assertThat(events).isEqualTo(reference);
        assertThat(lines).isEqualTo(referenceLines);
        assertThat(events).as("events taken").hasSizeGreaterThan(5_000);
        assertThat(referenceErrors).as("lines refused").hasSizeGreaterThan(3_000);
    }

    /** City events as lines, their fields now and then reordered or doubled, many of them broken. */
    private static byte[] brokenText(Random random, int lineCount) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (int n = 0; n < lineCount; n++) {
            String line = random.nextInt(50) == 0 ? ODD.get(random.nextInt(ODD.size()))
                    : line(city.get(random.nextInt(city.size())), random);
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0 && random.nextInt(4) == 0) {
                int at = random.nextInt(bytes.length);
                int replaced = random.nextInt(2);
                text.write(bytes, 0, at);
                text.writeBytes(HOSTILE[random.nextInt(HOSTILE.length)]);
                text.write(bytes, at + replaced, bytes.length - at - replaced);
            } else {
                text.writeBytes(bytes);
            }
            text.write('\n');
        }
        return text.toByteArray();
    }

    /** The event as a line: as sources write it, or with its fields shuffled, spaced, doubled or misspelt. */
    private static String line(Event event, Random random) {
        if (random.nextInt(3) != 0) {
            return EventJson.toLine(event);
        }
        List<String> fields = new ArrayList<>(List.of("\"id\":\"" + event.id() + "\"",
                "\"source\":\"" + event.source() + "\"", "\"person\":\"" + event.person() + "\"",
                "\"type\":\"" + event.type() + "\"", "\"occurredAt\":\"" + event.occurredAt() + "\"",
                "\"jurisdiction\":\"" + event.jurisdiction() + "\"", "\"attributes\":" + event.attributes().toJson()));
        switch (random.nextInt(5)) {
            case 0 -> fields.add(fields.get(random.nextInt(fields.size())));
            case 1 -> fields.set(random.nextInt(fields.size()), "\"atributes\":{}");
            case 2 -> fields.remove(random.nextInt(fields.size()));
            default -> { }
        }
        Collections.shuffle(fields, random);
        String space = List.of("", " ", "\t", " \r").get(random.nextInt(4));
        return space + "{" + String.join("," + space, fields) + space + "}" + space;
    }
}
