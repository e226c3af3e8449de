package org.civitas.server.support;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civitas.server.auth.Authentication;
import org.civitas.server.auth.Principal;
import org.civitas.server.http.Access;
import org.civitas.server.http.Forms;
import org.civitas.server.pages.Frame;
import org.civitas.server.pages.Templates;
import org.civitas.support.CaseNote;
import org.civitas.support.SupportCases;
import org.civitas.support.SupportDesk;
import org.civitas.support.SupportOffer;

/**
 * The pages of support: "Help on offer" for a citizen, who accepts or declines each offer, and "Support cases" for
 * case workers, under the same rules and logging as the API.
 */
public final class SupportPages {

    private final SupportDesk desk;
    private final SupportCases cases;
    private final Templates templates;

    public SupportPages(SupportDesk desk, SupportCases cases, Templates templates) {
        this.desk = desk;
        this.cases = cases;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.get("/me/support", this::offers, Access.CITIZEN);
        routes.post("/me/support/{id}/accept", ctx -> answer(ctx, SupportOffer.Status.ACCEPTED), Access.CITIZEN);
        routes.post("/me/support/{id}/decline", ctx -> answer(ctx, SupportOffer.Status.DECLINED), Access.CITIZEN);
        routes.post("/me/support/{id}/completion", ctx -> {
            cases.confirmCompletion(Authentication.person(ctx), ctx.pathParam("id"));
            ctx.redirect("/me/support");
        }, Access.CITIZEN);
        routes.get("/cases", this::cases, Access.CASEWORKER);
        routes.post("/cases/{id}/notes", ctx -> {
            cases.note(Authentication.required(ctx).actor(), ctx.pathParam("id"), Forms.field(ctx, "kind"),
                    Forms.field(ctx, "text"));
            ctx.redirect("/cases");
        }, Access.CASEWORKER);
    }

    private void offers(Context ctx) {
        String person = Authentication.person(ctx);
        List<OfferView> offers = desk.offersTo(person).stream().map(OfferView::of).toList();
        Map<String, List<CaseNote>> notes = new HashMap<>();
        offers.forEach(offer -> notes.put(offer.id(), cases.notes(person, offer.id())));
        ctx.html(templates.render("support.jte", Map.of("frame", frame(ctx, "Help on offer", "support"),
                "offers", offers, "notes", notes)));
    }

    private void answer(Context ctx, SupportOffer.Status answer) {
        desk.answer(Authentication.person(ctx), ctx.pathParam("id"), answer);
        ctx.redirect("/me/support");
    }

    private void cases(Context ctx) {
        Principal caseWorker = Authentication.required(ctx);
        ctx.html(templates.render("cases.jte", Map.of("frame", frame(ctx, "Support cases", "cases"),
                "cases", desk.cases(caseWorker.username(), caseWorker.role()).stream().map(OfferView::of)
                        .toList())));
    }

    private static Frame frame(Context ctx, String title, String active) {
        return new Frame(title, active, Authentication.principal(ctx), List.of());
    }
}
