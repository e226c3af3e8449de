package org.civitas.server.support;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.civitas.server.auth.Authentication;
import org.civitas.server.auth.Principal;
import org.civitas.server.http.Access;
import org.civitas.server.pages.Frame;
import org.civitas.server.pages.Templates;
import org.civitas.support.SupportDesk;
import org.civitas.support.SupportOffer;

/**
 * The pages of support: "Help on offer" for a citizen, who accepts or declines each offer, and "Support cases" for
 * case workers, under the same rules and logging as the API.
 */
public final class SupportPages {

    private final SupportDesk desk;
    private final Templates templates;

    public SupportPages(SupportDesk desk, Templates templates) {
        this.desk = desk;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.get("/me/support", this::offers, Access.CITIZEN);
        routes.post("/me/support/{id}/accept", ctx -> answer(ctx, SupportOffer.Status.ACCEPTED), Access.CITIZEN);
        routes.post("/me/support/{id}/decline", ctx -> answer(ctx, SupportOffer.Status.DECLINED), Access.CITIZEN);
        routes.get("/cases", this::cases, Access.CASEWORKER);
    }

    private void offers(Context ctx) {
        ctx.html(templates.render("support.jte", Map.of("frame", frame(ctx, "Help on offer", "support"),
                "offers", desk.offersTo(Authentication.person(ctx)).stream().map(OfferView::of).toList())));
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
