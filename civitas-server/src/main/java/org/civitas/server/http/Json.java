package org.civitas.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import org.civitas.event.Instants;

/**
 * The one JSON dialect of the API: ISO-8601 instants (written without a formatter), records as objects. What it reads
 * may nest at most {@value #MAX_NESTING} deep: no request needs more, and deeper is an attack on the parser.
 */
public final class Json {

    public static final int MAX_NESTING = 32;

    private Json() {
    }

    public static ObjectMapper mapper() {
        SimpleModule instants = new SimpleModule("civitas-instants");
        instants.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(Instants.format(value));
            }
        });
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                .build();
        return new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .registerModule(instants)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
