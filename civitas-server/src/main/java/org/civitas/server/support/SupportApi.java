package org.civitas.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import org.civitas.server.auth.Authentication;
import org.civitas.server.http.Access;
import org.civitas.server.http.ApiException;
import org.civitas.server.http.JsonBodies;
import org.civitas.store.support.SupportOffer;

/**
 * {@code /api/v1/me/support}: the signed-in citizen's offers of help, which they accept or decline ({@code POST
 * /{id}} with {@code {"answer": "accept"|"decline"}}); and {@code /api/v1/support/cases}, the accepted offers, for
 * case workers.
 */
public final class SupportApi {

    private final SupportDesk desk;
    private final ObjectMapper json;

    public SupportApi(SupportDesk desk, ObjectMapper json) {
        this.desk = desk;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/me/support", this::offers, Access.CITIZEN);
        routes.post("/api/v1/me/support/{id}", this::answer, Access.CITIZEN);
        routes.get("/api/v1/support/cases", this::cases, Access.CASEWORKER);
    }

    private void offers(Context ctx) {
        String person = Authentication.person(ctx);
        ctx.json(Map.of("person", person, "offers", desk.offersTo(person).stream().map(OfferView::of).toList()));
    }

    private void answer(Context ctx) throws IOException {
        String person = Authentication.person(ctx);
        JsonNode body = JsonBodies.read(ctx, json);
        String answer = body.path("answer").asText("");
        SupportOffer.Status status = switch (answer) {
            case "accept" -> SupportOffer.Status.ACCEPTED;
            case "decline" -> SupportOffer.Status.DECLINED;
            default -> throw ApiException.badRequest("answer: must be \"accept\" or \"decline\", not "
                    + (body.has("answer") ? body.get("answer") : "missing"));
        };
        ctx.json(OfferView.of(desk.answer(person, ctx.pathParam("id"), status)));
    }

    private void cases(Context ctx) {
        ctx.json(Map.of("cases", desk.cases(Authentication.required(ctx)).stream().map(OfferView::of).toList()));
    }
}
