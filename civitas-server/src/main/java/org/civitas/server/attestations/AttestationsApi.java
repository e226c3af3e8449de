package org.civitas.server.attestations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civitas.InvalidInputException;
import org.civitas.attestation.Attestation;
import org.civitas.attestation.PeerPraise;
import org.civitas.server.auth.Authentication;
import org.civitas.server.http.Access;
import org.civitas.server.http.Forms;
import org.civitas.server.http.JsonBodies;
import org.civitas.server.pages.Frame;
import org.civitas.server.pages.Templates;

/**
 * Praise between residents: the kinds of good deed in public ({@code GET /api/v1/attestations/kinds}); a resident
 * attests one by another ({@code POST /api/v1/attestations}); the praised person confirms or declines it
 * ({@code /api/v1/me/attestations}); and the page "Praise" for both. No route takes a report against anyone.
 */
public final class AttestationsApi {

    private final PeerPraise praise;
    private final Templates templates;
    private final ObjectMapper json;

    public AttestationsApi(PeerPraise praise, Templates templates, ObjectMapper json) {
        this.praise = praise;
        this.templates = templates;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/attestations/kinds", ctx -> ctx.json(Map.of("kinds", praise.kinds())), Access.PUBLIC);
        routes.post("/api/v1/attestations", this::attest, Access.CITIZEN);
        routes.get("/api/v1/me/attestations", ctx -> ctx.json(Map.of("attestations", views(praise.involving(
                Authentication.person(ctx)), Authentication.person(ctx)))), Access.CITIZEN);
        routes.post("/api/v1/me/attestations/{id}", this::answer, Access.CITIZEN);
        routes.get("/me/attestations", this::page, Access.CITIZEN);
        routes.post("/me/attestations", ctx -> {
            praise.attest(Authentication.person(ctx), Forms.field(ctx, "person"), Forms.field(ctx, "kind"), Forms.field(ctx, "note"));
            ctx.redirect("/me/attestations");
        }, Access.CITIZEN);
        routes.post("/me/attestations/{id}/confirm", ctx -> {
            praise.answer(Authentication.person(ctx), ctx.pathParam("id"), true);
            ctx.redirect("/me/attestations");
        }, Access.CITIZEN);
        routes.post("/me/attestations/{id}/decline", ctx -> {
            praise.answer(Authentication.person(ctx), ctx.pathParam("id"), false);
            ctx.redirect("/me/attestations");
        }, Access.CITIZEN);
    }

    /**
     * An attestation as one of its two people sees it: {@code mine} whether the reader gave it, {@code state}
     * {@code waiting} or {@code confirmed}, and {@code counted} whether its confirmation became an event.
     */
    public record AttestationView(String id, boolean mine, String giver, String person, String kind, String note,
            Instant givenAt, String state, Instant confirmedAt, boolean counted) {

        static AttestationView of(Attestation attestation, String reader) {
            return new AttestationView(attestation.id(), attestation.giver().equals(reader), attestation.giver(),
                    attestation.person(), attestation.kind(), attestation.note(), attestation.givenAt(),
                    attestation.confirmed() ? "confirmed" : "waiting", attestation.confirmedAt().orElse(null),
                    attestation.counted());
        }
    }

    /** {@code {"person","kind","note"}}. */
    private void attest(Context ctx) throws IOException {
        JsonNode body = JsonBodies.read(ctx, json);
        String giver = Authentication.person(ctx);
        Attestation given = praise.attest(giver, body.path("person").asText(""), body.path("kind").asText(""),
                body.path("note").asText(""));
        ctx.status(201).json(AttestationView.of(given, giver));
    }

    /** {@code {"answer":"confirm|decline"}}; an attestation not of the reader is a 404, whatever the answer. */
    private void answer(Context ctx) throws IOException {
        JsonNode body = JsonBodies.read(ctx, json);
        String person = Authentication.person(ctx);
        String answer = body.path("answer").asText("");
        boolean known = praise.involving(person).stream()
                .anyMatch(attestation -> attestation.id().equals(ctx.pathParam("id")) && attestation.person()
                        .equals(person));
        if (known && !answer.equals("confirm") && !answer.equals("decline")) {
            throw new InvalidInputException("answer", "confirm or decline, not '" + answer + "'");
        }
        ctx.json(praise.answer(person, ctx.pathParam("id"), answer.equals("confirm"))
                .map(confirmed -> (Object) AttestationView.of(confirmed, person))
                .orElse(Map.of("id", ctx.pathParam("id"), "state", "declined")));
    }

    private void page(Context ctx) {
        String person = Authentication.person(ctx);
        ctx.html(templates.render("attestations.jte", Map.of("frame", new Frame("Praise", "praise",
                Authentication.principal(ctx), List.of()), "attestations", views(praise.involving(person), person),
                "kinds", praise.kinds())));
    }

    private static List<AttestationView> views(List<Attestation> attestations, String reader) {
        return attestations.stream().map(attestation -> AttestationView.of(attestation, reader)).toList();
    }
}
