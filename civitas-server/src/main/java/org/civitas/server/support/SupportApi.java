package org.civitas.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civitas.server.api.EventsPage;
import org.civitas.server.auth.Authentication;
import org.civitas.server.auth.Principal;
import org.civitas.server.http.Access;
import org.civitas.server.http.JsonBodies;
import org.civitas.store.vault.VaultQuery;
import org.civitas.store.vault.VaultStore;
import org.civitas.support.CaseNote;
import org.civitas.support.SupportCases;
import org.civitas.support.SupportDesk;
import org.civitas.support.SupportOffer;

/**
 * {@code /api/v1/me/support}: the signed-in citizen's offers of help, which they accept or decline ({@code POST
 * /{id}} with {@code {"answer": "accept"|"decline", "share": [categories]}}); and {@code /api/v1/support/cases}, the
 * accepted offers, for case workers, who read what each person shares with their case and nothing else.
 */
public final class SupportApi {

    private final SupportDesk desk;
    private final SupportCases cases;
    private final VaultStore vault;
    private final ObjectMapper json;

    public SupportApi(SupportDesk desk, SupportCases cases, VaultStore vault, ObjectMapper json) {
        this.desk = desk;
        this.cases = cases;
        this.vault = vault;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/me/support", this::offers, Access.CITIZEN);
        routes.post("/api/v1/me/support/{id}", this::answer, Access.CITIZEN);
        routes.get("/api/v1/me/support/{id}/notes", ctx -> ctx.json(Map.of("notes", cases.notes(
                Authentication.person(ctx), ctx.pathParam("id")).stream().map(NoteView::of).toList())),
                Access.CITIZEN);
        routes.post("/api/v1/me/support/{id}/completion", ctx -> ctx.json(view(cases.confirmCompletion(
                Authentication.person(ctx), ctx.pathParam("id")))), Access.CITIZEN);
        routes.get("/api/v1/support/cases", this::cases, Access.CASEWORKER);
        routes.get("/api/v1/support/cases/{id}/events", this::sharedEvents, Access.CASEWORKER);
        routes.post("/api/v1/support/cases/{id}/notes", this::note, Access.CASEWORKER);
    }

    /** {@code {"kind":"step|outcome","text"}}: a case worker's note on an accepted case. */
    private void note(Context ctx) throws IOException {
        JsonNode body = JsonBodies.read(ctx, json);
        ctx.status(201).json(NoteView.of(cases.note(Authentication.required(ctx).actor(), ctx.pathParam("id"),
                body.path("kind").asText(""), body.path("text").asText(""))));
    }

    /** A case worker's note as the API shows it: {@code kind} is {@code step} or {@code outcome}. */
    record NoteView(Instant at, String badge, String kind, String text) {

        static NoteView of(CaseNote note) {
            return new NoteView(note.at(), note.badge(), note.kind().id(), note.text());
        }
    }

    private void offers(Context ctx) {
        String person = Authentication.person(ctx);
        ctx.json(Map.of("person", person, "offers", desk.offersTo(person).stream().map(this::view).toList()));
    }

    private void answer(Context ctx) throws IOException {
        String person = Authentication.person(ctx);
        JsonNode body = JsonBodies.read(ctx, json);
        SupportOffer.Status status = SupportOffer.Status.answered(body.path("answer").asText(""));
        List<String> share = JsonBodies.texts(body, "share", "category names");
        ctx.json(view(cases.answer(person, ctx.pathParam("id"), status, share)));
    }

    private void cases(Context ctx) {
        Principal caseWorker = Authentication.required(ctx);
        ctx.json(Map.of("cases", desk.cases(caseWorker.username(), caseWorker.role()).stream().map(this::view)
                .toList()));
    }

    /** What the person of case {@code id} shares with it, a page of events like their own; a 404 if nothing. */
    private void sharedEvents(Context ctx) {
        VaultQuery query = EventsPage.query(ctx);
        SupportCases.Shared shared = cases.open(Authentication.required(ctx).actor(), ctx.pathParam("id"));
        ctx.json(EventsPage.of(vault.page(shared.offer().person(), query, shared.categories()::contains)));
    }

    private OfferView view(SupportOffer offer) {
        return OfferView.of(offer, cases.shared(offer));
    }
}
