package org.civitas.server.governance;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.civitas.governance.Comparison;
import org.civitas.server.auth.Authentication;
import org.civitas.server.http.Access;
import org.civitas.server.pages.Frame;
import org.civitas.server.pages.Templates;

/**
 * {@code GET /api/v1/compare} and the page {@code /compare}: for every rule that differs between jurisdictions of the
 * same parent, side by side, how often its conduct happens per 1,000 residents, the scores and the uptake of help.
 * Public, and about groups only.
 */
public final class ComparePages {

    private final Comparison comparison;
    private final Templates templates;

    public ComparePages(Comparison comparison, Templates templates) {
        this.comparison = comparison;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/compare", ctx -> ctx.json(Map.of("rules", comparison.compare())), Access.PUBLIC);
        routes.get("/compare", this::page, Access.PUBLIC);
    }

    private void page(Context ctx) {
        ctx.html(templates.render("compare.jte", Map.of("frame", new Frame("Regions compare", "proposals",
                Authentication.principal(ctx), List.of()), "rules", comparison.compare())));
    }
}
