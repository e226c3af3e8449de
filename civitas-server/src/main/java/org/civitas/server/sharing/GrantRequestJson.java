package org.civitas.server.sharing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.util.Iterator;
import java.util.List;
import org.civitas.event.Instants;
import org.civitas.server.http.ApiException;
import org.civitas.server.http.JsonBodies;
import org.civitas.sharing.GrantRequest;

/** Reads a grant request sent as JSON. */
final class GrantRequestJson {

    private static final List<String> FIELDS = List.of("party", "categories", "score", "purpose", "expiresAt");

    private GrantRequestJson() {
    }

    /** Reads {@code {"party", "categories", "score", "purpose", "expiresAt"}}; a 400 names the first wrong field. */
    static GrantRequest read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("send {\"party\", \"categories\", \"score\", \"purpose\", \"expiresAt\"}"
                    + " as a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest(name + ": unknown field; a grant has " + String.join(", ", FIELDS));
            }
        }
        String party = text(body, "party", "the username of the account to share with");
        List<String> categories = JsonBodies.texts(body, "categories", "category names");
        JsonNode score = body.path("score");
        if (!score.isMissingNode() && !score.isBoolean()) {
            throw ApiException.badRequest("score: must be true or false");
        }
        String purpose = text(body, "purpose", "what the data is shared for");
        String expiry = text(body, "expiresAt", "an instant such as 2027-01-01T00:00:00Z");
        try {
            return new GrantRequest(party, categories, score.asBoolean(false), purpose, Instants.parse(expiry));
        } catch (DateTimeException e) {
            throw ApiException.badRequest("expiresAt: '" + expiry + "' is not an instant such as"
                    + " 2027-01-01T00:00:00Z");
        }
    }

    private static String text(JsonNode body, String field, String what) {
        JsonNode value = body.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ApiException.badRequest(field + ": required, " + what);
        }
        return value.asText();
    }
}
