package org.civitas.server.me;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.access.AccessLog;
import org.civitas.event.Event;
import org.civitas.scoring.ScoreBoard;
import org.civitas.server.api.AccessView;
import org.civitas.server.api.EventsPage;
import org.civitas.server.api.ScoreView;
import org.civitas.server.auth.Authentication;
import org.civitas.server.auth.Principal;
import org.civitas.server.http.Access;
import org.civitas.server.http.ApiException;
import org.civitas.server.http.JsonBodies;
import org.civitas.server.http.QueryParams;
import org.civitas.server.live.LiveFeeds;
import org.civitas.store.vault.VaultStore;

/**
 * The signed-in citizen's own data: {@code /api/v1/me/...}. Every route here serves the citizen's own person only;
 * there is no parameter through which another person could be named.
 */
public final class MeApi {

    private static final Duration DEFAULT_INSIGHTS_SPAN = Duration.ofDays(90);

    private final ScoreBoard scores;
    private final VaultStore vault;
    private final AccessLog accessLog;
    private final LiveFeeds feeds;
    private final Clock clock;
    private final Insights insights;
    private final ExportArchive export;
    private final ObjectMapper json;

    public MeApi(ScoreBoard scores, VaultStore vault, AccessLog accessLog, LiveFeeds feeds, Insights insights,
            Clock clock, ObjectMapper json) {
        this.scores = scores;
        this.vault = vault;
        this.accessLog = accessLog;
        this.feeds = feeds;
        this.clock = clock;
        this.insights = insights;
        this.export = new ExportArchive(json);
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/me/score", this::score, Access.CITIZEN);
        routes.get("/api/v1/me/score/history", this::history, Access.CITIZEN);
        routes.get("/api/v1/me/events", this::events, Access.CITIZEN);
        routes.get("/api/v1/me/insights", this::insights, Access.CITIZEN);
        routes.get("/api/v1/me/trail", this::trail, Access.CITIZEN);
        routes.get("/api/v1/me/export", this::export, Access.CITIZEN);
        routes.get("/api/v1/me/access-log", this::accessLog, Access.CITIZEN);
        routes.post("/api/v1/me/what-if", this::whatIf, Access.CITIZEN);
        routes.sse("/api/v1/me/feed", client -> feeds.subscribe(Authentication.person(client.ctx()), client),
                Access.CITIZEN);
    }

    /** The hottest route of all: written straight into the response, without the detour through a string. */
    private void score(Context ctx) throws IOException {
        Instant now = clock.instant();
        ctx.contentType(ContentType.APPLICATION_JSON);
        String person = Authentication.person(ctx);
        json.writeValue(ctx.res().getOutputStream(), ScoreView.of(scores.score(person, now), now));
    }

    /**
     * What the citizen's score would be with made-up events of theirs beside the real ones, scored when the latest of
     * them occurred (or now): each contribution, and the score now for comparison. Nothing is kept.
     */
    private void whatIf(Context ctx) throws IOException {
        Instant now = clock.instant();
        String person = Authentication.person(ctx);
        List<Event> events = WhatIfEvents.read(JsonBodies.read(ctx, json), person, now);
        Instant at = events.stream().map(Event::occurredAt).max(Instant::compareTo).filter(now::isBefore)
                .orElse(now);
        ctx.json(Map.of("current", scores.score(person, now).roundedScore(),
                "whatIf", ScoreView.of(scores.whatIf(person, events, at), at)));
    }

    private void history(Context ctx) {
        Instant to = QueryParams.instant(ctx, "to").orElse(clock.instant());
        Instant from = QueryParams.instant(ctx, "from").orElse(to.minus(Duration.ofDays(365)));
        Duration step = QueryParams.parsed(ctx, "step", Duration::parse).orElse(Duration.ofDays(7));
        if (!from.isBefore(to) || step.toHours() < 1 || Duration.between(from, to).dividedBy(step) > 2_000) {
            throw ApiException.badRequest("from must be before to, and step (e.g. P7D) at least an hour,"
                    + " with at most 2000 steps between them");
        }
        String person = Authentication.person(ctx);
        ctx.json(Map.of("person", person, "points", scores.history(person, from, to, step)));
    }

    private void events(Context ctx) {
        ctx.json(EventsPage.of(vault.page(Authentication.person(ctx), EventsPage.query(ctx))));
    }

    private void insights(Context ctx) {
        Instant to = QueryParams.instant(ctx, "to").orElse(clock.instant());
        Instant from = QueryParams.instant(ctx, "from").orElse(to.minus(DEFAULT_INSIGHTS_SPAN));
        if (!from.isBefore(to) || Duration.between(from, to).toDays() > 366) {
            throw ApiException.badRequest("from must be before to, at most a year apart");
        }
        ctx.json(insights.of(Authentication.person(ctx), from, to, zone(ctx)));
    }

    private void trail(Context ctx) {
        LocalDate date = QueryParams.parsed(ctx, "date", LocalDate::parse)
                .orElseThrow(() -> ApiException.badRequest("date is required, e.g. 2026-10-01"));
        ctx.json(insights.trail(Authentication.person(ctx), date, zone(ctx)));
    }

    private void export(Context ctx) throws IOException {
        String person = Authentication.person(ctx);
        Principal principal = Authentication.required(ctx);
        Instant now = clock.instant();
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("username", principal.username());
        account.put("role", principal.role().label());
        account.put("person", person);
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"civitas-" + person + ".zip\"");
        export.write(ctx.res().getOutputStream(), person, account, vault,
                ScoreView.of(scores.score(person, now), now), accessLog.of(person, 10_000), now);
    }

    private void accessLog(Context ctx) {
        String person = Authentication.person(ctx);
        ctx.json(Map.of("person", person, "accesses", accessLog.of(person, 500).stream().map(AccessView::of).toList()));
    }

    private static ZoneId zone(Context ctx) {
        return QueryParams.parsed(ctx, "zone", ZoneId::of).orElse(ZoneId.of("UTC"));
    }

}
