package org.civitas.server.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civitas.ledger.FileLedger;
import org.civitas.scoring.ScoreBoard;
import org.civitas.server.http.Access;
import org.civitas.server.ingest.Projector;
import org.civitas.server.live.LiveFeeds;
import org.civitas.store.Database;

/** {@code GET /health}: whether the server can serve, and how far its projections are behind the ledger. */
public final class Health {

    private final Database database;
    private final FileLedger ledger;
    private final Projector projector;
    private final ScoreBoard scores;
    private final LiveFeeds feeds;

    public Health(Database database, FileLedger ledger, Projector projector, ScoreBoard scores, LiveFeeds feeds) {
        this.database = database;
        this.ledger = ledger;
        this.projector = projector;
        this.scores = scores;
        this.feeds = feeds;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health, Access.PUBLIC);
    }

    private void health(Context ctx) {
        boolean databaseUp = database.healthy();
        long committed = ledger.committed();
        long projected = projector.projectedUpTo();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", databaseUp ? "up" : "down");
        body.put("database", databaseUp ? "up" : "down");
        body.put("ledgerEntries", committed);
        body.put("vaultProjectedUpTo", projected);
        body.put("vaultLag", committed - projected);
        body.put("people", scores.people());
        body.put("liveFeeds", feeds.open());
        ctx.status(databaseUp ? 200 : 503).json(body);
    }
}
