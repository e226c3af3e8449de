package org.civitas.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import org.civitas.server.auth.Authentication;
import org.civitas.server.auth.Principal;
import org.civitas.server.http.Access;
import org.civitas.server.http.JsonBodies;
import org.civitas.support.SupportDesk;
import org.civitas.support.SupportOffer;

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
        SupportOffer.Status status = SupportOffer.Status.answered(body.path("answer").asText(""));
        ctx.json(OfferView.of(desk.answer(person, ctx.pathParam("id"), status)));
    }

    private void cases(Context ctx) {
        Principal caseWorker = Authentication.required(ctx);
        ctx.json(Map.of("cases", desk.cases(caseWorker.username(), caseWorker.role()).stream().map(OfferView::of)
                .toList()));
    }
}
