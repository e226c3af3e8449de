package org.civitas.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.Optional;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.event.Utf8;

/**
 * Checks that an event's attributes are what every reader of them assumes: one JSON object in well-formed UTF-8,
 * and nothing after it. Sealed attributes are opaque and pass. Ingestion checked this on the way in; a projection
 * that copies the attributes verbatim into JSON of its own checks again, since a ledger written by an older version
 * may hold what ingestion now refuses.
 */
public final class AttributesCheck {

    /** As deep as any reader of attributes goes, and a guard for the parser's stack. */
    private static final int MAX_NESTING = 32;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();

    private AttributesCheck() {
    }

    /** What is wrong with {@code event}'s attributes, or empty if nothing is. */
    public static Optional<String> problem(Event event) {
        Attributes attributes = event.attributes();
        if (attributes.isSealed()) {
            return Optional.empty();
        }
        byte[] json = attributes.toJsonBytes();
        int illFormed = Utf8.firstIllFormed(json, 0, json.length);
        if (illFormed >= 0) {
            return Optional.of("attributes: not well-formed UTF-8 (" + Utf8.describe(json, 0, json.length, illFormed)
                    + ")");
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.of("attributes: not a JSON object");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                return Optional.of("attributes: more than one JSON value");
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.of("attributes: not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            return Optional.of("attributes: cannot be read (" + e.getMessage() + ")");
        }
    }
}
