package org.civitas.server.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civitas.server.Civitas;
import org.civitas.server.http.Access;

/** {@code GET /health}: whether the server can serve, and how far its projections are behind the ledger. */
public final class Health {

    private final Civitas civitas;

    public Health(Civitas civitas) {
        this.civitas = civitas;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health, Access.PUBLIC);
    }

    private void health(Context ctx) {
        boolean database = civitas.database().healthy();
        long committed = civitas.ledger().committed();
        long projected = civitas.projector().projectedUpTo();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", database ? "up" : "down");
        body.put("database", database ? "up" : "down");
        body.put("ledgerEntries", committed);
        body.put("vaultProjectedUpTo", projected);
        body.put("vaultLag", committed - projected);
        body.put("people", civitas.scores().people());
        body.put("liveFeeds", civitas.feeds().open());
        ctx.status(database ? 200 : 503).json(body);
    }
}
