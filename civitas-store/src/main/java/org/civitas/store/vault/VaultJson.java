package org.civitas.store.vault;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The JSON a vault batch keeps its events in: an array of objects, the attributes as the source sent them. */
final class VaultJson {

    private static final JsonFactory JSON = new JsonFactory();

    private VaultJson() {
    }

    static String write(List<VaultEvent> events) {
        StringWriter text = new StringWriter(events.size() * 200);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartArray();
            for (VaultEvent event : events) {
                json.writeStartObject();
                json.writeNumberField("sequence", event.sequence());
                json.writeStringField("source", event.source());
                json.writeStringField("id", event.eventId());
                json.writeStringField("type", event.type());
                json.writeStringField("category", event.category());
                json.writeStringField("occurredAt", event.occurredAt().toString());
                json.writeStringField("jurisdiction", event.jurisdiction());
                json.writeFieldName("attributes");
                json.writeRawValue(event.attributes());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static List<VaultEvent> read(String person, String text) {
        List<VaultEvent> events = new ArrayList<>();
        try (JsonParser json = JSON.createParser(text)) {
            json.nextToken();
            while (json.nextToken() == JsonToken.START_OBJECT) {
                events.add(readEvent(person, json, text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    private static VaultEvent readEvent(String person, JsonParser json, String text) throws IOException {
        long sequence = 0;
        String source = null;
        String id = null;
        String type = null;
        String category = null;
        Instant occurredAt = null;
        String jurisdiction = null;
        String attributes = "{}";
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "sequence" -> sequence = json.getLongValue();
                case "source" -> source = json.getText();
                case "id" -> id = json.getText();
                case "type" -> type = json.getText();
                case "category" -> category = json.getText();
                case "occurredAt" -> occurredAt = Instant.parse(json.getText());
                case "jurisdiction" -> jurisdiction = json.getText();
                case "attributes" -> {
                    int start = (int) json.currentTokenLocation().getCharOffset();
                    json.skipChildren();
                    attributes = text.substring(start, (int) json.currentLocation().getCharOffset());
                }
                default -> json.skipChildren();
            }
        }
        return new VaultEvent(sequence, person, source, id, type, category, occurredAt, jurisdiction, attributes);
    }
}
