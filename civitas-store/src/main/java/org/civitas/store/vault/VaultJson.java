package org.civitas.store.vault;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civitas.vault.VaultEvent;

/**
 * The JSON a vault batch keeps its events in: an array of objects, the time as seconds and nanoseconds, the
 * attributes as the source sent them.
 */
final class VaultJson {

    private static final JsonFactory JSON = new JsonFactory();

    private VaultJson() {
    }

    static byte[] write(List<VaultEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(events.size() * 200);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartArray();
            for (VaultEvent event : events) {
                json.writeStartObject();
                json.writeNumberField("sequence", event.sequence());
                json.writeStringField("source", event.source());
                json.writeStringField("id", event.eventId());
                json.writeStringField("type", event.type());
                json.writeStringField("category", event.category());
                json.writeNumberField("second", event.occurredAt().getEpochSecond());
                json.writeNumberField("nano", event.occurredAt().getNano());
                json.writeStringField("jurisdiction", event.jurisdiction());
                json.writeFieldName("attributes");
                json.writeRawValue(event.attributes());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Splits {@code events} into runs whose JSON each stays within about {@code maxChars} characters. */
    static List<List<VaultEvent>> fitting(List<VaultEvent> events, int maxChars) {
        List<List<VaultEvent>> runs = new ArrayList<>();
        List<VaultEvent> run = new ArrayList<>();
        long size = 0;
        for (VaultEvent event : events) {
            long eventSize = 160L + event.attributes().length() + event.eventId().length() + event.source().length()
                    + event.type().length() + event.jurisdiction().length();
            if (!run.isEmpty() && size + eventSize > maxChars) {
                runs.add(run);
                run = new ArrayList<>();
                size = 0;
            }
            run.add(event);
            size += eventSize;
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    static List<VaultEvent> read(String person, byte[] bytes) {
        List<VaultEvent> events = new ArrayList<>();
        try (JsonParser json = JSON.createParser(bytes)) {
            json.nextToken();
            while (json.nextToken() == JsonToken.START_OBJECT) {
                events.add(readEvent(person, json, bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    private static VaultEvent readEvent(String person, JsonParser json, byte[] bytes) throws IOException {
        long sequence = 0;
        String source = null;
        String id = null;
        String type = null;
        String category = null;
        long second = 0;
        int nano = 0;
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
                case "second" -> second = json.getLongValue();
                case "nano" -> nano = json.getIntValue();
                case "jurisdiction" -> jurisdiction = json.getText();
                case "attributes" -> {
                    int start = (int) json.currentTokenLocation().getByteOffset();
                    json.skipChildren();
                    int end = (int) json.currentLocation().getByteOffset();
                    attributes = new String(bytes, start, end - start, StandardCharsets.UTF_8);
                }
                default -> json.skipChildren();
            }
        }
        return new VaultEvent(sequence, person, source, id, type, category, Instant.ofEpochSecond(second, nano),
                jurisdiction, attributes, false);
    }
}
