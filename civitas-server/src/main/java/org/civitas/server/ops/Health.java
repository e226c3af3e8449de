package org.civitas.server.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civitas.projection.ProjectorHealth;
import org.civitas.projection.Projectors;
import org.civitas.scoring.ScoreBoard;
import org.civitas.scoring.SetAside;
import org.civitas.server.http.Access;
import org.civitas.server.live.LiveFeeds;
import org.civitas.store.Database;
import org.civitas.store.vault.SetAsideEntries;

/**
 * {@code GET /health}: whether the server can serve, and how far its projections are behind the ledger.
 *
 * <p>{@code up} (200) when all is well; {@code down} (503) when the database does not answer, so nothing can be
 * served; {@code degraded} (200) when the server serves but something needs an operator, each thing named in
 * {@code reasons}: the projector failing, stopped, or far behind the ledger, or ledger entries set aside. Degraded
 * answers 200 because the server still serves everyone else: a balancer that took it out would only make it worse.
 * The answer is public, so it names what is wrong but not the failure's own text, which may quote the database: the
 * server's log has that.
 */
public final class Health {

    /** More entries than this waiting for the vault is lagging, however briefly. */
    static final long MAX_LAG_ENTRIES = 100_000;

    /** Behind the ledger for longer than this is lagging, however few the entries. */
    static final Duration MAX_BEHIND = Duration.ofSeconds(60);

    private final Database database;
    private final Projectors projectors;
    private final ScoreBoard scores;
    private final LiveFeeds feeds;
    private final Clock clock;
    private final SetAsideEntries setAside;

    public Health(Database database, Projectors projectors, ScoreBoard scores, LiveFeeds feeds, Clock clock) {
        this.database = database;
        this.projectors = projectors;
        this.scores = scores;
        this.feeds = feeds;
        this.clock = clock;
        this.setAside = new SetAsideEntries(database.jdbi());
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health, Access.PUBLIC);
    }

    private void health(Context ctx) {
        boolean databaseUp = database.healthy();
        long committed = projectors.committed();
        long lag = projectors.lag();
        ProjectorHealth projection = projectors.health();
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>(projectorReasons(projection, lag));
        Map<String, Object> counts = new LinkedHashMap<>();
        if (databaseUp) {
            reasons.addAll(setAsideReasons(counts));
        }
        body.put("status", !databaseUp ? "down" : reasons.isEmpty() ? "up" : "degraded");
        body.put("reasons", reasons);
        body.put("database", databaseUp ? "up" : "down");
        body.put("projector", projection.state().name().toLowerCase(Locale.ROOT));
        body.put("ledgerEntries", committed);
        body.put("vaultProjectedUpTo", projection.projectedUpTo());
        body.put("vaultLag", lag);
        body.put("setAside", counts);
        body.put("people", scores.people());
        body.put("liveFeeds", feeds.open());
        ctx.status(databaseUp ? 200 : 503).json(body);
    }

    private List<String> projectorReasons(ProjectorHealth projection, long lag) {
        List<String> reasons = new ArrayList<>();
        String since = projection.since().map(Instant::toString).orElse("");
        switch (projection.state()) {
            case FAILING -> reasons.add("projecting the ledger has failed " + projection.failures() + " times since "
                    + since + "; it is retried every second, and the server's log says why");
            case STOPPED -> reasons.add("the projector stopped at " + since
                    + "; nothing more reaches the vault or the scores until the server restarts; the server's log"
                    + " says why");
            case FOLLOWING -> { }
        }
        Duration behind = projection.behindSince().map(start -> Duration.between(start, clock.instant()))
                .orElse(Duration.ZERO);
        if (lag > MAX_LAG_ENTRIES || behind.compareTo(MAX_BEHIND) > 0) {
            reasons.add("the vault is " + lag + " entries behind the ledger, and has been behind for "
                    + behind.toSeconds() + " s");
        }
        return reasons;
    }

    private List<String> setAsideReasons(Map<String, Object> counts) {
        List<String> reasons = new ArrayList<>();
        SetAsideEntries.Counts vault = setAside.counts();
        List<SetAside> unscored = scores.setAside();
        long acknowledged = setAside.unreadableAmong(unscored.stream().map(SetAside::sequence).toList()).size();
        long unexplained = scores.setAsideCount() - acknowledged;
        counts.put("vault", vault.waiting());
        counts.put("scores", scores.setAsideCount());
        counts.put("recordedUnreadable", vault.unreadable());
        if (vault.waiting() > 0) {
            reasons.add(entries(vault.waiting()) + " set aside by the vault's projection: their people's vaults"
                    + " lack them; the server's log names them, and 'civitas repair' projects them again");
        }
        if (unexplained > 0) {
            reasons.add(entries(unexplained) + " count for no one's score: they cannot be scored"
                    + " (the server's log names them)");
        }
        return reasons;
    }

    private static String entries(long count) {
        return count == 1 ? "1 ledger entry is" : count + " ledger entries are";
    }
}
