package org.civitas.server.disputes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.InvalidInputException;
import org.civitas.dispute.Dispute;
import org.civitas.dispute.DisputeDesk;
import org.civitas.dispute.Outcome;
import org.civitas.server.auth.Authentication;
import org.civitas.server.http.Access;
import org.civitas.server.http.JsonBodies;
import org.civitas.server.ingest.SourceAuthenticator;
import org.civitas.source.RegisteredSource;

/**
 * Disputes through the API: a person disputes their own points ({@code /api/v1/me/disputes}); a source, signing
 * with its key, reads the disputes about its events, answers them and reinstates, with new evidence, an event one
 * removed ({@code /api/v1/sources/disputes}); reviewers
 * read the open ones, each with its event (a look the person's access log records), and decide
 * ({@code /api/v1/disputes}).
 */
public final class DisputesApi {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final DisputeDesk desk;
    private final SourceAuthenticator signatures;
    private final ObjectMapper json;

    public DisputesApi(DisputeDesk desk, SourceAuthenticator signatures, ObjectMapper json) {
        this.desk = desk;
        this.signatures = signatures;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/me/disputes", this::dispute, Access.CITIZEN);
        routes.get("/api/v1/me/disputes", this::mine, Access.CITIZEN);
        routes.post("/api/v1/me/disputes/{id}/evidence", this::addEvidence, Access.CITIZEN);
        routes.get("/api/v1/sources/disputes", this::aboutSource, Access.SOURCE);
        routes.post("/api/v1/sources/disputes/{id}/answer", this::answer, Access.SOURCE);
        routes.post("/api/v1/sources/disputes/{id}/reinstate", this::reinstate, Access.SOURCE);
        routes.get("/api/v1/disputes", this::open, Access.REVIEWER);
        routes.get("/api/v1/disputes/{id}", this::review, Access.REVIEWER);
        routes.post("/api/v1/disputes/{id}/decisions", this::decide, Access.REVIEWER);
    }

    /** {@code {"event","source","reason","evidence"}}: the source may be left out, the evidence too. */
    private void dispute(Context ctx) throws IOException {
        String person = Authentication.person(ctx);
        JsonNode body = JsonBodies.read(ctx, json);
        Dispute dispute = desk.open(person, body.path("source").asText(""), required(body, "event"),
                body.path("reason").asText(""), body.path("evidence").asText(""));
        ctx.status(201).json(DisputeView.of(dispute));
    }

    /** {@code {"evidence"}}: added to the person's open dispute, which gives reviewers 45 days from its opening. */
    private void addEvidence(Context ctx) throws IOException {
        JsonNode body = JsonBodies.read(ctx, json);
        ctx.json(DisputeView.of(desk.addEvidence(Authentication.person(ctx), ctx.pathParam("id"),
                body.path("evidence").asText(""))));
    }

    private void mine(Context ctx) {
        ctx.json(Map.of("disputes", views(desk.of(Authentication.person(ctx)))));
    }

    private void aboutSource(Context ctx) {
        RegisteredSource source = signatures.begin(ctx).verify();
        ctx.json(Map.of("disputes", views(desk.about(source.name()))));
    }

    /** {@code {"answer"}}: the source's own evidence, within five days of the dispute's opening. */
    private void answer(Context ctx) throws IOException {
        SourceAuthenticator.SignedJson signed = signatures.signedJson(ctx, json);
        ctx.json(DisputeView.of(desk.answer(signed.source().name(), ctx.pathParam("id"),
                signed.body().path("answer").asText(""))));
    }


    /** {@code {"evidence"}}: the new evidence with which the source reinstates an event a dispute removed. */
    private void reinstate(Context ctx) throws IOException {
        SourceAuthenticator.SignedJson signed = signatures.signedJson(ctx, json);
        ctx.json(DisputeView.of(desk.reinstate(signed.source().name(), ctx.pathParam("id"),
                signed.body().path("evidence").asText(""))));
    }

    private void open(Context ctx) {
        ctx.json(Map.of("disputes", views(desk.open())));
    }

    private void review(Context ctx) {
        ctx.json(DisputeView.of(desk.review(Authentication.required(ctx).actor(), ctx.pathParam("id")), json));
    }

    /**
     * {@code {"outcome","reason","attributes"}}: the attributes, a JSON object, only for a correction. An unknown
     * dispute is a 404, whatever the body says.
     */
    private void decide(Context ctx) throws IOException {
        JsonNode body = JsonBodies.read(ctx, json);
        String id = desk.get(ctx.pathParam("id")).id();
        Outcome outcome = Outcome.of(body.path("outcome").asText(""));
        JsonNode attributes = body.path("attributes");
        if (!attributes.isMissingNode() && !attributes.isNull() && !attributes.isObject()) {
            throw new InvalidInputException("attributes", "a JSON object: the event's attributes as corrected");
        }
        Optional<Map<String, Object>> corrected = attributes.isObject()
                ? Optional.of(json.convertValue(attributes, OBJECT)) : Optional.empty();
        ctx.json(DisputeView.of(desk.decide(Authentication.required(ctx).actor(), id, outcome,
                body.path("reason").asText(""), corrected)));
    }

    private static List<DisputeView> views(List<Dispute> disputes) {
        return disputes.stream().map(DisputeView::of).toList();
    }

    private static String required(JsonNode body, String field) {
        String value = body.path(field).asText("");
        if (value.isBlank()) {
            throw new InvalidInputException(field, "required");
        }
        return value;
    }
}
