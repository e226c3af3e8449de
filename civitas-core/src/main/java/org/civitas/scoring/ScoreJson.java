package org.civitas.scoring;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.civitas.event.Instants;

/**
 * The JSON form of a score: {@code {"person":"p-001","score":996.04,"contributions":[{"event":...}]}}. Scores and
 * worths are rounded to two decimals; instants are ISO-8601. A warning has {@code "warning": true} and, in
 * {@code nextOffencePoints}, the points a repeat while it is remembered would be granted (before any cap); other
 * contributions have {@code "warning": false} and {@code null} there. A contribution whose event is under dispute has
 * {@code "disputed": true} and grants nothing until the dispute ends. {@code jurisdiction} is the book of the rule,
 * {@code occurredIn} the jurisdiction where the event happened.
 */
public final class ScoreJson {

    private ScoreJson() {
    }

    public static void write(JsonGenerator json, PersonScore score) throws IOException {
        json.writeStartObject();
        json.writeStringField("person", score.person());
        json.writeNumberField("score", score.roundedScore());
        json.writeArrayFieldStart("contributions");
        for (Contribution contribution : score.contributions()) {
            write(json, contribution);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    public static void write(JsonGenerator json, Contribution contribution) throws IOException {
        json.writeStartObject();
        json.writeStringField("event", contribution.event());
        json.writeStringField("source", contribution.source());
        json.writeStringField("occurredAt", Instants.format(contribution.occurredAt()));
        json.writeStringField("jurisdiction", contribution.jurisdiction());
        json.writeStringField("occurredIn", contribution.occurredIn());
        json.writeStringField("rule", contribution.rule());
        json.writeNumberField("ruleVersion", contribution.ruleVersion());
        if (contribution.adoptedBy().isPresent()) {
            json.writeStringField("adoptedBy", contribution.adoptedBy().get());
        }
        json.writeStringField("title", contribution.title());
        json.writeStringField("category", contribution.category());
        json.writeNumberField("granted", contribution.granted());
        if (contribution.disputed()) {
            json.writeBooleanField("disputed", true);
        }
        json.writeBooleanField("warning", contribution.warning());
        json.writeFieldName("nextOffencePoints");
        if (contribution.warning()) {
            json.writeNumber(contribution.nextOffencePoints().getAsLong());
        } else {
            json.writeNull();
        }
        json.writeNumberField("worth", PersonScore.round(contribution.worth()));
        json.writeFieldName("fadesBelowHalfPointAt");
        if (contribution.fadesBelowHalfPointAt().isPresent()) {
            json.writeString(Instants.format(contribution.fadesBelowHalfPointAt().get()));
        } else {
            json.writeNull();
        }
        json.writeEndObject();
    }
}
