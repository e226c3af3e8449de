package org.civitas.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.civitas.event.Event;
import org.civitas.event.NameCache;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading plain lines in place must change nothing but the speed: on random text, valid, nearly valid and broken,
 * hostile bytes included, {@link EventParser} gives exactly the events, errors and line count that the full JSON
 * parser alone gives, and what it takes is clean: well-formed UTF-8, names of the documented syntax, instants in the
 * window.
 */
class PlainLinesAgreeTest {

    /** Byte sequences a hostile source may put anywhere in a line. */
    private static final byte[][] HOSTILE = {
        {0}, {0, 0, 0, 0}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF},
        {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {'/'},
        {7}, {0x1F}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xE2, (byte) 0x80, (byte) 0xA8}
    };
    private static final OccurrenceWindow WINDOW = OccurrenceWindow.receivedAt(Instant.parse("2027-01-01T00:00:00Z"));

    private static final String[] FIELDS = {"id", "source", "person", "type", "occurredAt", "jurisdiction", "attributes"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void plainLinesReadInPlaceGiveWhatTheFullParserGives(long seed) {
        Random random = new Random(seed);
        byte[] text = text(random, 3_000);

        List<Event> events = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        int lines = EventParser.parseLines(text, 0, text.length, 7, events, errors);
        List<Event> reference = new ArrayList<>();
        List<LineError> referenceErrors = new ArrayList<>();
        int referenceLines = EventParser.parseLinesFully(text, 0, text.length, 7, reference, referenceErrors,
                OccurrenceWindow.RECORDED);

        assertThat(firstDifference(errors, referenceErrors, text, 7)).isEmpty();
        assertThat(events).isEqualTo(reference);
        assertThat(lines).isEqualTo(referenceLines);
        assertThat(events).as("most lines are events").hasSizeGreaterThan(1_000);
        assertThat(errors).as("and many are not").hasSizeGreaterThan(300);
    }

    /** A million lines in all, a fifth of them hit by hostile bytes: both readings agree, and take only clean events. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28, 29, 30})
    void aMillionNearlyValidAndHostileLinesAreReadAlikeAndOnlyCleanEventsAreTaken(long seed) {
        Random random = new Random(seed);
        byte[] text = hostileText(random, 100_000);

        List<Event> events = new ArrayList<>();
        RefusedLines refused = new RefusedLines(Integer.MAX_VALUE);
        int lines = EventParser.parseLines(text, 0, text.length, 1, new EventParser.Collector(events), refused,
                WINDOW);
        List<Event> reference = new ArrayList<>();
        List<LineError> referenceErrors = new ArrayList<>();
        int referenceLines = EventParser.parseLinesFully(text, 0, text.length, 1, reference, referenceErrors, WINDOW);

        assertThat(firstDifference(refused.listed(), referenceErrors, text, 1)).isEmpty();
        assertThat(events).isEqualTo(reference);
        assertThat(lines).isEqualTo(referenceLines).isEqualTo(lineCount(text));
        assertThat(refused.count()).as("refused lines").isGreaterThan(40_000);
        assertThat(events).as("events taken").hasSizeGreaterThan(25_000).allSatisfy(PlainLinesAgreeTest::isClean);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void aPlainLineIsReadInPlaceExactlyWhenItIsValid(long seed) {
        Random random = new Random(seed);
        EventLine view = new EventLine();
        int plain = 0;
        for (int n = 0; n < 3_000; n++) {
            byte[] line = line(random).getBytes(StandardCharsets.UTF_8);
            List<Event> reference = new ArrayList<>();
            List<LineError> referenceErrors = new ArrayList<>();
            EventParser.parseLinesFully(line, 0, line.length, 1, reference, referenceErrors,
                    OccurrenceWindow.RECORDED);
            if (view.read(line, 0, line.length) == line.length) {
                plain++;
                assertThat(referenceErrors).as(new String(line, StandardCharsets.UTF_8)).isEmpty();
                assertThat(List.of(view.toEvent(new NameCache()))).isEqualTo(reference);
            }
        }
        assertThat(plain).as("lines read in place").isGreaterThan(1_000);
    }

    private static void isClean(Event event) {
        for (String name : List.of(event.id(), event.source(), event.person(), event.type(), event.jurisdiction())) {
            assertThat(NameSyntax.problem(name.toCharArray(), 0, name.length())).as(name).isNull();
        }
        byte[] attributes = event.attributes().toJson().getBytes(StandardCharsets.UTF_8);
        assertThat(LineBytes.problem(attributes, 0, attributes.length)).isNull();
        assertThat(WINDOW.contains(event.occurredAt())).isTrue();
    }

    private static long lineCount(byte[] text) {
        long newlines = 0;
        for (byte b : text) {
            newlines += b == '\n' ? 1 : 0;
        }
        return text.length == 0 || text[text.length - 1] == '\n' ? newlines : newlines + 1;
    }

    /** Lines as {@link #text} makes them, a fifth of them with a hostile byte sequence put in somewhere. */
    private static byte[] hostileText(Random random, int lineCount) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (int n = 0; n < lineCount; n++) {
            String line = random.nextInt(40) == 0 ? lineShape(random) : line(random);
            byte[] bytes = mutated(random, line.getBytes(StandardCharsets.UTF_8));
            if (bytes.length > 0 && random.nextInt(5) == 0) {
                int at = random.nextInt(bytes.length);
                text.write(bytes, 0, at);
                text.writeBytes(HOSTILE[random.nextInt(HOSTILE.length)]);
                text.write(bytes, at, bytes.length - at);
            } else {
                text.writeBytes(bytes);
            }
            text.write('\n');
        }
        return text.toByteArray();
    }

    /** The first error that differs, with its line's text, or "" if none does. */
    private static String firstDifference(List<LineError> errors, List<LineError> reference, byte[] text,
            long firstLine) {
        for (int i = 0; i < Math.max(errors.size(), reference.size()); i++) {
            LineError error = i < errors.size() ? errors.get(i) : null;
            LineError expected = i < reference.size() ? reference.get(i) : null;
            if (error == null || !error.equals(expected)) {
                long line = (error == null ? expected : error).line();
                String[] lines = new String(text, StandardCharsets.UTF_8).split("\n", -1);
                return "got " + error + ", expected " + expected + " on line " + line + ": "
                        + lines[(int) (line - firstLine)];
            }
        }
        return "";
    }

    private static byte[] text(Random random, int lineCount) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (int n = 0; n < lineCount; n++) {
            String line = random.nextInt(40) == 0 ? lineShape(random) : line(random);
            text.writeBytes(mutated(random, line.getBytes(StandardCharsets.UTF_8)));
            text.write('\n');
        }
        if (random.nextBoolean()) {
            text.writeBytes(line(random).getBytes(StandardCharsets.UTF_8));
        }
        return text.toByteArray();
    }

    /** A line whose shape is odd: blank, two values, an event spread over lines, not an object. */
    private static String lineShape(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> " \t\r";
            case 2 -> line(random) + " " + line(random);
            case 3 -> line(random).replace(",\"type\"", ",\n\"type\"");
            case 4 -> "[" + line(random) + "]";
            default -> "{\"id\":\"x\",";
        };
    }

    /** The line itself, or, now and then, with a byte changed, dropped or doubled. */
    private static byte[] mutated(Random random, byte[] line) {
        if (line.length == 0 || random.nextInt(8) != 0) {
            return line;
        }
        int at = random.nextInt(line.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(line, 0, at);
        switch (random.nextInt(3)) {
            case 0 -> out.write(" {}[]:,\"\\x0-e.\u00e9".charAt(random.nextInt(15)));
            case 1 -> out.write(line[at]);
            default -> { }
        }
        if (random.nextInt(3) != 2) {
            out.write(line, at + 1, line.length - at - 1);
        } else {
            out.write(line, at, line.length - at);
        }
        return out.toByteArray();
    }

    /** An event line, mostly valid, its fields in any order, with white space, odd names, instants and attributes. */
    private static String line(Random random) {
        List<String> fields = new ArrayList<>();
        for (String field : FIELDS) {
            if (!field.equals("attributes") || random.nextInt(6) != 0) {
                if (random.nextInt(80) != 0) {
                    fields.add(field);
                }
            }
        }
        if (random.nextInt(60) == 0) {
            fields.add(FIELDS[random.nextInt(FIELDS.length)]);
        }
        if (random.nextInt(60) == 0) {
            fields.add("atributes");
        }
        Collections.shuffle(fields, random);
        if (random.nextBoolean()) {
            fields.sort(null);
        }
        StringBuilder line = new StringBuilder(space(random)).append('{');
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            line.append(i == 0 ? "" : ",").append(space(random)).append('"').append(field).append('"')
                    .append(space(random)).append(':').append(space(random)).append(value(random, field))
                    .append(space(random));
        }
        return line.append('}').append(space(random)).toString();
    }

    private static String value(Random random, String field) {
        return switch (field) {
            case "occurredAt" -> instant(random);
            case "attributes" -> random.nextInt(80) == 0 ? json(random, 0) : object(random, 1);
            default -> name(random);
        };
    }

    private static String name(Random random) {
        return switch (random.nextInt(160)) {
            case 0 -> "\"\"";
            case 1 -> "\"   \"";
            case 2 -> "\"" + "n".repeat(250 + random.nextInt(10)) + "\"";
            case 3 -> "\"caf\u00e9-" + random.nextInt(9) + "\"";
            case 4 -> "\"a\\\"b\"";
            case 5 -> "\"a\\u0041\"";
            case 6 -> String.valueOf(random.nextInt(99));
            case 7 -> "null";
            case 8 -> "\"tab\there\"";
            case 9 -> "\"../p-1\"";
            case 10 -> "\"..\"";
            case 11 -> "\"p\\u0007\"";
            case 12 -> "\"p\\ud800\"";
            case 13 -> "\"p\\u2028\"";
            default -> "\"" + "p-" + random.nextInt(50) + (random.nextBoolean() ? " x" : "") + "\"";
        };
    }

    private static String instant(Random random) {
        return switch (random.nextInt(60)) {
            case 0 -> "\"2026-03-01T03:12:00.25Z\"";
            case 1 -> "\"2026-03-01T03:12:00+02:00\"";
            case 2 -> "\"2026-13-01T03:12:00Z\"";
            case 3 -> "\"2026-02-29T03:12:00Z\"";
            case 4 -> "\"2024-02-29T23:59:59.123456789Z\"";
            case 5 -> "1772334720";
            case 6 -> "\"yesterday\"";
            case 7 -> "\"2026-03-01T03:12Z\"";
            case 8 -> "\"+999999999-12-31T23:59:59Z\"";
            case 9 -> "\"1899-12-31T23:59:59Z\"";
            case 10 -> "\"2027-01-01T23:59:59Z\"";
            case 11 -> "\"2027-01-02T00:00:01Z\"";
            default -> String.format("\"2026-%02d-%02dT%02d:%02d:%02dZ\"", 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60));
        };
    }

    private static String object(Random random, int depth) {
        StringBuilder object = new StringBuilder("{");
        int members = random.nextInt(depth > 3 ? 2 : 4);
        for (int i = 0; i < members; i++) {
            object.append(i == 0 ? "" : ",").append(space(random)).append(string(random)).append(space(random))
                    .append(':').append(space(random)).append(json(random, depth + 1));
        }
        if (members > 0 && random.nextInt(40) == 0) {
            object.append(',');
        }
        return object.append(space(random)).append('}').toString();
    }

    private static String json(Random random, int depth) {
        if (depth > 40) {
            return "1";
        }
        return switch (random.nextInt(depth > 3 ? 6 : 9)) {
            case 0, 1 -> string(random);
            case 2, 3 -> number(random);
            case 4 -> List.of("true", "false", "null", "tru", "nul", "True").get(random.nextInt(3)
                    + (random.nextInt(30) == 0 ? 3 : 0));
            case 5 -> random.nextInt(100) == 0 ? "[".repeat(34) + "]".repeat(34) : "[]";
            case 6 -> object(random, depth);
            default -> {
                StringBuilder array = new StringBuilder("[");
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    array.append(i == 0 ? "" : ",").append(space(random)).append(json(random, depth + 1));
                }
                yield array.append(']').toString();
            }
        };
    }

    private static String string(Random random) {
        return switch (random.nextInt(60)) {
            case 0 -> "\"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9\"";
            case 1 -> "\"bad \\x escape\"";
            case 2 -> "\"short \\u12\"";
            case 3 -> "\"Z\u00fcrich \u4e8b\u4ef6 \ud83d\ude00\"";
            case 4 -> "\"control \u0001 char\"";
            case 5 -> "\"del \u007f\"";
            case 6 -> "\"" + "k".repeat(1020 + random.nextInt(10)) + "\"";
            default -> "\"s" + random.nextInt(1000) + "\"";
        };
    }

    private static String number(Random random) {
        return List.of("0", "-0", "12", "-3.25", "1e5", "2E-3", "6.02e+23", "01", "1.", ".5", "-", "1e", "+1",
                "0x1F", "1" + "0".repeat(70), "NaN").get(random.nextInt(random.nextInt(random.nextInt(16) + 1) + 1));
    }

    private static String space(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> " ";
            case 1 -> "\t";
            case 2 -> "  \r";
            default -> "";
        };
    }
}
