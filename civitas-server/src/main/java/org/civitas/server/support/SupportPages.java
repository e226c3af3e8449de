package org.civitas.server.support;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civitas.server.api.EventView;
import org.civitas.server.auth.Authentication;
import org.civitas.server.auth.Principal;
import org.civitas.server.http.Access;
import org.civitas.server.http.Forms;
import org.civitas.server.pages.Frame;
import org.civitas.server.pages.Templates;
import org.civitas.sharing.Sharing;
import org.civitas.store.vault.VaultQuery;
import org.civitas.store.vault.VaultStore;
import org.civitas.support.CaseNote;
import org.civitas.support.SupportCases;
import org.civitas.support.SupportDesk;
import org.civitas.support.SupportOffer;

/**
 * The pages of support: "Help on offer" for a citizen, who accepts or declines each offer, and "Support cases" for
 * case workers, under the same rules and logging as the API.
 */
public final class SupportPages {

    private static final int EVENTS_SHOWN = 100;

    private final SupportDesk desk;
    private final SupportCases cases;
    private final Sharing sharing;
    private final VaultStore vault;
    private final Templates templates;

    public SupportPages(SupportDesk desk, SupportCases cases, Sharing sharing, VaultStore vault, Templates templates) {
        this.desk = desk;
        this.cases = cases;
        this.sharing = sharing;
        this.vault = vault;
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
        routes.get("/cases/{id}", this::sharedWithCase, Access.CASEWORKER);
        routes.post("/cases/{id}/notes", ctx -> {
            cases.note(Authentication.required(ctx).actor(), ctx.pathParam("id"), Forms.field(ctx, "kind"),
                    Forms.field(ctx, "text"));
            ctx.redirect("/cases");
        }, Access.CASEWORKER);
    }

    private void offers(Context ctx) {
        String person = Authentication.person(ctx);
        List<OfferView> offers = desk.offersTo(person).stream().map(this::view).toList();
        Map<String, List<CaseNote>> notes = new HashMap<>();
        offers.forEach(offer -> notes.put(offer.id(), cases.notes(person, offer.id())));
        ctx.html(templates.render("support.jte", Map.of("frame", frame(ctx, "Help on offer", "support"),
                "offers", offers, "notes", notes, "categories", List.copyOf(sharing.categories()))));
    }

    private void answer(Context ctx, SupportOffer.Status answer) {
        cases.answer(Authentication.person(ctx), ctx.pathParam("id"), answer, ctx.formParams("share"));
        ctx.redirect("/me/support");
    }

    private void cases(Context ctx) {
        Principal caseWorker = Authentication.required(ctx);
        ctx.html(templates.render("cases.jte", Map.of("frame", frame(ctx, "Support cases", "cases"),
                "cases", desk.cases(caseWorker.username(), caseWorker.role()).stream().map(this::view)
                        .toList())));
    }

    /** What the person of a case shares with it, under the same rules and logging as the API. */
    private void sharedWithCase(Context ctx) {
        SupportCases.Shared shared = cases.open(Authentication.required(ctx).actor(), ctx.pathParam("id"));
        String person = shared.offer().person();
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frame(ctx, "Shared by " + person, "cases"));
        model.put("person", person);
        model.put("score", null);
        model.put("categories", List.copyOf(shared.categories()));
        model.put("events", vault.page(person, VaultQuery.all(EVENTS_SHOWN), shared.categories()::contains).events()
                .stream().map(EventView::of).toList());
        ctx.html(templates.render("shared-person.jte", model));
    }

    private OfferView view(SupportOffer offer) {
        return OfferView.of(offer, cases.shared(offer));
    }

    private static Frame frame(Context ctx, String title, String active) {
        return new Frame(title, active, Authentication.principal(ctx), List.of());
    }
}
