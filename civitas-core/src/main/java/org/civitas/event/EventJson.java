package org.civitas.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writes events in the NDJSON form sources send them in. */
public final class EventJson {

    private EventJson() {
    }

    /** Writes {@code event} as a JSON object with the generator. */
    public static void write(JsonGenerator generator, Event event) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("id", event.id());
        generator.writeStringField("source", event.source());
        generator.writeStringField("person", event.person());
        generator.writeStringField("type", event.type());
        generator.writeStringField("occurredAt", event.occurredAt().toString());
        generator.writeStringField("jurisdiction", event.jurisdiction());
        generator.writeFieldName("attributes");
        generator.writeRawValue(event.attributes().toJson());
        generator.writeEndObject();
    }

    /** A generator writing UTF-8 JSON to {@code out}, one value per line. */
    public static JsonGenerator lineGenerator(OutputStream out) throws IOException {
        JsonGenerator generator = JsonValues.FACTORY.createGenerator(out);
        generator.setRootValueSeparator(new SerializedString("\n"));
        return generator;
    }

    /** One event as one NDJSON line, without the newline. */
    public static String toLine(Event event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = JsonValues.FACTORY.createGenerator(out)) {
            write(generator, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
