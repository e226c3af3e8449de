package org.civitas.server.stats;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.civitas.server.auth.Authentication;
import org.civitas.server.http.Access;
import org.civitas.server.http.ApiException;
import org.civitas.server.pages.Frame;
import org.civitas.server.pages.Templates;

/**
 * {@code GET /api/v1/stats} and the page {@code /stats}: public statistics, for everyone, signed in or not. They take
 * no parameters: nothing narrows them down to a person, a place or a small group.
 */
public final class StatsApi {

    private final PublicStatistics statistics;
    private final Templates templates;

    public StatsApi(PublicStatistics statistics, Templates templates) {
        this.statistics = statistics;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/stats", this::stats, Access.PUBLIC);
        routes.get("/stats", this::page, Access.PUBLIC);
    }

    private void stats(Context ctx) {
        refuseParameters(ctx);
        ctx.json(statistics.current());
    }

    private void page(Context ctx) {
        refuseParameters(ctx);
        ctx.html(templates.render("stats.jte", Map.of("frame", new Frame("Statistics", "stats",
                Authentication.principal(ctx), List.of()), "stats", statistics.current())));
    }

    private static void refuseParameters(Context ctx) {
        if (!ctx.queryParamMap().isEmpty()) {
            throw ApiException.badRequest("statistics take no parameters (" + String.join(", ",
                    ctx.queryParamMap().keySet()) + "): they are about groups of at least "
                    + PublicStatistics.MINIMUM_GROUP + " people, never about a person, a place or who is near whom");
        }
    }
}
