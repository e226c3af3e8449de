package org.civitas.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civitas.event.Event;
import org.junit.jupiter.api.Test;

class EventParserTest {

    private static final String VALID = "{\"id\":\"ev-1\",\"source\":\"city-traffic\",\"person\":\"p-001\","
            + "\"type\":\"red-light-crossing\",\"occurredAt\":\"2026-03-01T03:12:00Z\",\"jurisdiction\":\"lakeside\","
            + "\"attributes\":{\"traffic\":0.1,\"where\":{\"street\":\"Elm\"}}}";

    private final List<Event> events = new ArrayList<>();
    private final List<LineError> errors = new ArrayList<>();

    private void parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        EventParser.parseLines(bytes, 0, bytes.length, 1, events, errors);
    }

    private List<String> messages() {
        return errors.stream().map(LineError::message).toList();
    }

    @Test
    void readsEveryFieldOfAValidLine() {
        parse(VALID + "\n");

        assertThat(errors).isEmpty();
        Event event = events.get(0);
        assertThat(event.id()).isEqualTo("ev-1");
        assertThat(event.source()).isEqualTo("city-traffic");
        assertThat(event.person()).isEqualTo("p-001");
        assertThat(event.type()).isEqualTo("red-light-crossing");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-01T03:12:00Z"));
        assertThat(event.jurisdiction()).isEqualTo("lakeside");
        assertThat(event.attributes().asMap()).containsEntry("traffic", 0.1);
        assertThat(event.attributes().toJson()).isEqualTo("{\"traffic\":0.1,\"where\":{\"street\":\"Elm\"}}");
    }

    @Test
    void attributesAreOptional() {
        parse(VALID.replace(",\"attributes\":{\"traffic\":0.1,\"where\":{\"street\":\"Elm\"}}", ""));

        assertThat(errors).isEmpty();
        assertThat(events.get(0).attributes().isEmpty()).isTrue();
    }

    @Test
    void keepsAttributesNestedInArraysAndObjectsWholeAndReadsTheFieldsAfterThem() {
        String nested = "{\"interests\":[{\"topic\":\"history\",\"tags\":[[1],[]]},{}],\"empty\":{}}";
        String attributesFirst = "{\"attributes\":" + nested + ",\"id\":\"ev-2\",\"source\":\"s\",\"person\":\"p\","
                + "\"type\":\"t\",\"occurredAt\":\"2026-03-01T03:12:00Z\",\"jurisdiction\":\"j\"}";
        String mismatched = VALID.replace("{\"street\":\"Elm\"}}", "[{\"street\":\"Elm\"}}}").replace("ev-1", "ev-3");

        parse(attributesFirst + "\n" + mismatched + "\n" + VALID + "\n");

        assertThat(events).extracting(Event::id).containsExactly("ev-2", "ev-1");
        assertThat(events.get(0).attributes().toJson()).isEqualTo(nested);
        assertThat(events.get(0).jurisdiction()).isEqualTo("j");
        assertThat(messages()).singleElement().asString().startsWith("line 2: json: not valid JSON at column");
    }

    @Test
    void namesEveryMissingField() {
        parse("{\"id\":\"ev-1\",\"source\":\"s\"}");

        assertThat(events).isEmpty();
        assertThat(messages()).containsExactly(
                "line 1: person: missing (required)",
                "line 1: type: missing (required)",
                "line 1: occurredAt: missing (required)",
                "line 1: jurisdiction: missing (required)");
    }

    @Test
    void namesMistypedFieldsAndBadInstants() {
        parse(VALID.replace("\"p-001\"", "42").replace("2026-03-01T03:12:00Z", "2026-02-30T00:00:00Z")
                .replace("{\"traffic\":0.1,\"where\":{\"street\":\"Elm\"}}", "[1,2]"));

        assertThat(events).isEmpty();
        assertThat(messages()).containsExactly(
                "line 1: person: expected a string, found a number",
                "line 1: occurredAt: \"2026-02-30T00:00:00Z\" is not an ISO-8601 instant"
                        + " (expected e.g. 2026-03-01T03:12:00Z)",
                "line 1: attributes: expected an object, found an array");
    }

    @Test
    void suggestsTheFieldAMisspeltOneWasMeantToBe() {
        parse(VALID.replace("\"attributes\"", "\"atributes\""));

        assertThat(messages()).containsExactly("line 1: atributes: unknown field — did you mean 'attributes'?");
    }

    @Test
    void refusesAFieldGivenTwice() {
        parse(VALID.replace("\"source\":\"city-traffic\"", "\"source\":\"a\",\"source\":\"b\""));

        assertThat(messages()).containsExactly("line 1: source: appears twice");
    }

    @Test
    void refusesOverlongNames() {
        parse(VALID.replace("\"p-001\"", "\"" + "p".repeat(257) + "\""));

        assertThat(messages()).containsExactly("line 1: person: longer than 256 characters (257)");
    }

    @Test
    void refusesEmptyNames() {
        parse(VALID.replace("\"ev-1\"", "\" \""));

        assertThat(messages()).containsExactly("line 1: id: must not be empty");
    }

    @Test
    void keepsEveryValidLineAroundMalformedOnes() {
        parse(VALID + "\nnot json\n" + VALID.replace("ev-1", "ev-2") + "\n[1]\n"
                + VALID.replace("ev-1", "ev-3") + "\n");

        assertThat(events).extracting(Event::id).containsExactly("ev-1", "ev-2", "ev-3");
        assertThat(errors).extracting(LineError::line).containsExactly(2L, 4L);
        assertThat(messages().get(0)).startsWith("line 2: json: not valid JSON at column 1: Unrecognized token 'not'");
        assertThat(messages().get(1)).isEqualTo("line 4: json: expected an event object, found an array");
    }

    @Test
    void anUnterminatedObjectIsItsOwnLinesFaultAndTheNextLineStillCounts() {
        String unterminated = VALID.substring(0, VALID.length() - 1);
        parse(unterminated + "\n" + VALID.replace("ev-1", "ev-2") + "\n");

        assertThat(messages()).containsExactly("line 1: json: not valid JSON: the line ends before the event object"
                + " does; each event must be one line of JSON");
        assertThat(events).extracting(Event::id).containsExactly("ev-2");
    }

    @Test
    void refusesTwoValuesOnOneLineWhole() {
        parse(VALID + " " + VALID.replace("ev-1", "ev-2") + "\n" + VALID.replace("ev-1", "ev-3"));

        assertThat(messages()).containsExactly("line 1: json: more than one JSON value on the line");
        assertThat(events).extracting(Event::id).containsExactly("ev-3");
    }

    @Test
    void refusesAnEventSpreadOverSeveralLines() {
        parse(VALID.replace(",\"jurisdiction\"", ",\n\"jurisdiction\"") + "\n" + VALID.replace("ev-1", "ev-2"));

        assertThat(errors.get(0).message()).isEqualTo("line 1: json: not valid JSON: the line ends before the event"
                + " object does; each event must be one line of JSON");
        assertThat(events).extracting(Event::id).containsExactly("ev-2");
    }

    @Test
    void aCarriageReturnInsideALineIsWhiteSpaceAndLaterLinesKeepTheirNumbers() {
        String escapedWithReturn = VALID.replace("p-001", "p-\\u0030\\u00301").replace(",\"type\"", ",\r\"type\"");
        parse(escapedWithReturn + "\n[1]\n" + VALID.replace("ev-1", "ev-3"));

        assertThat(events).extracting(Event::person).containsExactly("p-001", "p-001");
        assertThat(messages()).containsExactly("line 2: json: expected an event object, found an array");
    }

    @Test
    void aMessageAboutAnUnclosedObjectDoesNotCiteWhereTheParserStartedReading() {
        parse(VALID + "\n{\"id\":\"ev-2\"]\n");

        assertThat(messages())
                .containsExactly("line 2: json: not valid JSON at column 13: Unexpected close marker ']': expected '}'");
    }

    @Test
    void refusesLinesLongerThan64KiB() {
        String huge = VALID.replace("\"Elm\"", "\"" + "x".repeat(EventParser.MAX_LINE_BYTES) + "\"");
        parse(huge + "\n" + VALID);

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).line()).isEqualTo(1);
        assertThat(errors.get(0).field()).isEqualTo(LineError.WHOLE_LINE);
        assertThat(errors.get(0).reason()).startsWith("longer than 65536 bytes");
        assertThat(events).hasSize(1);
    }

    @Test
    void skipsBlankLinesAndAcceptsWindowsLineEnds() {
        parse("\n  \r\n" + VALID + "\r\n\n" + VALID.replace("ev-1", "ev-2") + "\r\n");

        assertThat(errors).isEmpty();
        assertThat(events).extracting(Event::id).containsExactly("ev-1", "ev-2");
    }

    @Test
    void countsLinesFromTheGivenFirstLine() {
        byte[] bytes = (VALID + "\n\nnope\n").getBytes(StandardCharsets.UTF_8);
        int lines = EventParser.parseLines(bytes, 0, bytes.length, 41, events, errors);

        assertThat(lines).isEqualTo(3);
        assertThat(errors).extracting(LineError::line).containsExactly(43L);
    }

    @Test
    void refusesJsonNestedDeeperThanTheLimit() {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        parse(VALID.replace("{\"traffic\":0.1,\"where\":{\"street\":\"Elm\"}}", deep));

        assertThat(events).isEmpty();
        assertThat(messages().get(0)).startsWith("line 1: json: not valid JSON").contains("nesting depth");
    }

    @Test
    void acceptsInstantsWithOffsetsAndFractions() {
        parse(VALID.replace("2026-03-01T03:12:00Z", "2026-03-01T04:12:00.25+01:00"));

        assertThat(events.get(0).occurredAt()).isEqualTo(Instant.parse("2026-03-01T03:12:00.25Z"));
    }

    private void parseBytes(byte[]... parts) {
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            text.writeBytes(part);
        }
        byte[] bytes = text.toByteArray();
        EventParser.parseLines(bytes, 0, bytes.length, 1, events, errors);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void refusesTheRawBytesOfASurrogateWithTheirLineAndByteAndKeepsTheOtherLines() {
        int at = VALID.indexOf("Elm");
        parseBytes(utf8(VALID.replace("ev-1", "ev-0") + "\n" + VALID.substring(0, at)),
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8(VALID.substring(at) + "\n" + VALID));

        assertThat(messages()).containsExactly("line 2: line: byte " + (at + 1)
                + ": 0xED 0xA0 0x80 is not well-formed UTF-8; send text as UTF-8");
        assertThat(events).extracting(Event::id).containsExactly("ev-0", "ev-1");
    }

    @Test
    void refusesAnOverlongFormInsteadOfStoringAReplacementCharacter() {
        int at = VALID.indexOf("Elm");
        parseBytes(utf8(VALID.substring(0, at)), new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8(VALID.substring(at)));

        assertThat(messages()).containsExactly("line 1: line: byte " + (at + 1)
                + ": 0xC0 0xAF is not well-formed UTF-8; send text as UTF-8");
        assertThat(events).isEmpty();
    }

    @Test
    void aLineOfNulBytesIsRefusedAloneAndTheValidLinesAroundItAreKept() {
        parseBytes(utf8(VALID + "\n"), new byte[] {0, 0, 0, 0}, utf8("\n" + VALID.replace("ev-1", "ev-2") + "\n"));

        assertThat(messages()).containsExactly("line 2: line: byte 1: the control character U+0000 may not stand raw"
                + " in a line; inside a string write it as \\u0000");
        assertThat(events).extracting(Event::id).containsExactly("ev-1", "ev-2");
    }

    @Test
    void aJsonEscapeOfASurrogateInTheAttributesIsText() {
        parse(VALID.replace("Elm", "\\ud800"));

        assertThat(errors).isEmpty();
        assertThat(events).hasSize(1);
    }

    @Test
    void refusesNamesWithPathSeparatorsControlCharactersOrUnpairedSurrogates() {
        parse(String.join("\n", VALID.replace("p-001", "../p-001"), VALID.replace("p-001", ".."),
                VALID.replace("ev-1", "ev\\u0007"), VALID.replace("lakeside", "lake\\\\side"),
                VALID.replace("city-traffic", "city\\ud800"), VALID.replace("ev-1", "ev-ok")));

        assertThat(messages()).containsExactly(
                "line 1: person: holds the path separator '/' at character 3",
                "line 2: person: must not be '.' or '..'",
                "line 3: id: holds the control character U+0007 at character 3",
                "line 4: jurisdiction: holds the path separator '\\' at character 5",
                "line 5: source: holds the unpaired surrogate U+D800 at character 5");
        assertThat(events).extracting(Event::id).containsExactly("ev-ok");
    }

    @Test
    void refusesInstantsBefore1900OrPastTheYear9999() {
        parse(String.join("\n", VALID.replace("2026-03-01T03:12:00Z", "+999999999-12-31T23:59:59Z"),
                VALID.replace("2026-03-01T03:12:00Z", "1899-12-31T23:59:59Z"),
                VALID.replace("2026-03-01T03:12:00Z", "1900-01-01T00:00:00Z")));

        assertThat(messages()).containsExactly(
                "line 1: occurredAt: +999999999-12-31T23:59:59Z is after 9999-12-31T23:59:59.999999999Z: an event may"
                        + " say it occurred at most 24 hours after it is received",
                "line 2: occurredAt: 1899-12-31T23:59:59Z is before 1900-01-01T00:00:00Z, the earliest an event may"
                        + " have occurred");
        assertThat(events).hasSize(1);
    }

    @Test
    void anEventMayHaveOccurredAtMostADayAfterItIsReceived() {
        OccurrenceWindow window = OccurrenceWindow.receivedAt(Instant.parse("2026-03-01T00:00:00Z"));
        byte[] bytes = utf8(String.join("\n", VALID.replace("2026-03-01T03:12:00Z", "2026-03-02T00:00:00Z"),
                VALID.replace("2026-03-01T03:12:00Z", "2026-03-02T00:00:00.001Z")));
        RefusedLines refused = new RefusedLines();
        EventParser.parseLines(bytes, 0, bytes.length, 1, new EventParser.Collector(events), refused, window);

        assertThat(events).hasSize(1);
        assertThat(refused.listed()).extracting(LineError::message).containsExactly("line 2: occurredAt:"
                + " 2026-03-02T00:00:00.001Z is after 2026-03-02T00:00:00Z: an event may say it occurred at most 24"
                + " hours after it is received");
    }

    @Test
    void ofManyRefusedLinesTheFirstThousandAreListedAndAllAreCounted() {
        byte[] bytes = utf8("{}\n".repeat(5_000) + VALID);
        RefusedLines refused = new RefusedLines();
        EventParser.parseLines(bytes, 0, bytes.length, 1, new EventParser.Collector(events), refused,
                OccurrenceWindow.RECORDED);

        assertThat(refused.count()).isEqualTo(5_000);
        assertThat(refused.listed().stream().map(LineError::line).distinct())
                .hasSize(RefusedLines.LISTED).endsWith(1_000L);
        assertThat(events).hasSize(1);
    }
}
