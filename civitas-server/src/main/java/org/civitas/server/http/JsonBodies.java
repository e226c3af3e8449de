package org.civitas.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * Reads the JSON body of a request to the API: at most 64 KiB, at most {@value Json#MAX_NESTING} levels deep. A larger
 * body is still read (up to the server's limit for any request) before it is refused, so the client gets the answer.
 */
public final class JsonBodies {

    public static final int MAX_BYTES = 64 * 1024;

    private JsonBodies() {
    }

    /** The body as a JSON tree; a 413 when too large, a 400 saying where when it is not JSON. */
    public static JsonNode read(Context ctx, ObjectMapper json) throws IOException {
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BYTES) {
            throw new ApiException(413, "a request body here may hold at most " + MAX_BYTES + " bytes");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"));
        }
    }
}
