package org.civitas.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON body of a request to the API: at most 64 KiB, at most {@value Json#MAX_NESTING} levels deep. Of a
 * larger body, what follows the limit is read and dropped (up to {@link #MAX_DRAINED_BYTES}) before it is refused, so
 * the client, still sending, gets the answer; memory holds the limit at most.
 */
public final class JsonBodies {

    public static final int MAX_BYTES = 64 * 1024;

    /** How much of a body past the limit is read and dropped before the refusal; beyond that the connection ends. */
    static final long MAX_DRAINED_BYTES = 16L * 1024 * 1024;

    private JsonBodies() {
    }

    /** The body as a JSON tree; a 413 when too large, a 400 saying where when it is not JSON. */
    public static JsonNode read(Context ctx, ObjectMapper json) throws IOException {
        return parse(bytes(ctx), json);
    }

    /** The body's bytes; a 413 when there are more than {@value #MAX_BYTES}. */
    public static byte[] bytes(Context ctx) throws IOException {
        return bytes(ctx, MAX_BYTES);
    }

    /** The body's bytes; a 413 when there are more than {@code most}. */
    public static byte[] bytes(Context ctx, int most) throws IOException {
        InputStream in = ctx.bodyInputStream();
        byte[] body = in.readNBytes(most + 1);
        if (body.length > most) {
            drain(in);
            throw new ApiException(413, "a request body here may hold at most " + most + " bytes");
        }
        return body;
    }

    /** {@code body} as a JSON tree; a 400 saying where when it is not JSON. */
    public static JsonNode parse(byte[] body, ObjectMapper json) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes in memory cannot fail", e);
        }
    }

    /** The strings listed in {@code body}'s {@code field}, none if it is missing; a 400 if it is not such a list. */
    public static List<String> texts(JsonNode body, String field, String what) {
        JsonNode list = body.path(field);
        if (!list.isMissingNode() && !list.isArray()) {
            throw ApiException.badRequest(field + ": must be a list of " + what);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                throw ApiException.badRequest(field + ": must be a list of " + what);
            }
            texts.add(item.asText());
        }
        return texts;
    }

    static void drain(InputStream in) throws IOException {
        byte[] scratch = new byte[8 * 1024];
        long left = MAX_DRAINED_BYTES;
        for (int read = 0; left > 0 && read >= 0; read = in.read(scratch, 0, (int) Math.min(scratch.length, left))) {
            left -= read;
        }
    }
}
