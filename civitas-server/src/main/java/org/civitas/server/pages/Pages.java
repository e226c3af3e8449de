package org.civitas.server.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.access.AccessLog;
import org.civitas.officials.OfficialRecord;
import org.civitas.scoring.ScoreBoard;
import org.civitas.server.api.EventView;
import org.civitas.server.api.InsightsView;
import org.civitas.server.api.ScoreView;
import org.civitas.server.auth.Authentication;
import org.civitas.server.auth.Principal;
import org.civitas.server.auth.SessionApi;
import org.civitas.server.http.Access;
import org.civitas.server.http.ApiException;
import org.civitas.server.me.Insights;
import org.civitas.server.rules.RulesApi;
import org.civitas.store.vault.VaultCursor;
import org.civitas.store.vault.VaultPage;
import org.civitas.store.vault.VaultQuery;
import org.civitas.store.vault.VaultStore;
import org.webjars.WebJarVersionLocator;

/** The citizen's pages, rendered on the server; charts and live updates are drawn on top by one small script. */
public final class Pages {

    private static final List<String> CATEGORIES = List.of("browsing", "location", "content", "traffic",
            "obligations", "civic", "volunteering", "speech");

    private final Templates templates;
    private final ScoreBoard scores;
    private final VaultStore vault;
    private final AccessLog accessLog;
    private final OfficialRecord officials;
    private final Insights insights;
    private final RulesApi rules;
    private final SessionApi sessions;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final List<String> chartScripts;
    /** What a page of events needs: htmx, to show more rows. */
    private final List<String> eventScripts;

    public Pages(Templates templates, ScoreBoard scores, VaultStore vault, AccessLog accessLog,
            OfficialRecord officials, Insights insights, RulesApi rules, SessionApi sessions, ObjectMapper json,
            Clock clock, ZoneId zone) {
        this.templates = templates;
        this.scores = scores;
        this.vault = vault;
        this.accessLog = accessLog;
        this.officials = officials;
        this.insights = insights;
        this.rules = rules;
        this.sessions = sessions;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        WebJarVersionLocator webjars = new WebJarVersionLocator();
        String htmx = "/webjars/" + webjars.path("htmx.org", "dist/htmx.min.js");
        this.chartScripts = List.of("/webjars/" + webjars.path("echarts", "dist/echarts.min.js"), htmx,
                "/static/civitas.js");
        this.eventScripts = List.of(htmx, "/static/civitas.js");
    }

    /** The scripts of a page with charts: ECharts, htmx and the site's own. */
    public List<String> chartScripts() {
        return chartScripts;
    }

    /** The scripts of a page without charts. */
    public List<String> plainScripts() {
        return eventScripts;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", this::home, Access.PUBLIC);
        routes.get("/login", this::loginPage, Access.PUBLIC);
        routes.post("/login", this::login, Access.PUBLIC);
        routes.post("/logout", this::logout, Access.SIGNED_IN);
        routes.get("/me", this::score, Access.CITIZEN);
        routes.get("/me/data", this::data, Access.CITIZEN);
        routes.get("/me/data/events", this::events, Access.CITIZEN);
        routes.get("/me/access", this::access, Access.CITIZEN);
        routes.get("/rules", this::rulebook, Access.PUBLIC);
    }

    /** An error as a page, for requests that are not to the API. */
    public void error(Context ctx, int status, String message) {
        ctx.status(status).html(templates.render("error.jte", Map.of("frame", frame(ctx, "Error", "", List.of()),
                "status", status, "message", message)));
    }

    private Frame frame(Context ctx, String title, String active, List<String> scripts) {
        return new Frame(title, active, Authentication.principal(ctx), scripts);
    }

    private void home(Context ctx) {
        Optional<Principal> principal = Authentication.principal(ctx);
        ctx.redirect(principal.flatMap(Principal::person).isPresent() ? "/me"
                : principal.isPresent() ? "/rules" : "/login");
    }

    private void loginPage(Context ctx) {
        renderLogin(ctx, null, safeNext(ctx.queryParam("next")));
    }

    private void renderLogin(Context ctx, String error, String next) {
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frame(ctx, "Sign in", "login", List.of()));
        model.put("error", error);
        model.put("next", next);
        ctx.html(templates.render("login.jte", model));
    }

    private void login(Context ctx) {
        String next = safeNext(ctx.formParam("next"));
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("");
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        try {
            if (sessions.signIn(ctx, username, password).isEmpty()) {
                ctx.status(401);
                renderLogin(ctx, "Wrong username or password.", next);
                return;
            }
        } catch (ApiException refused) {
            ctx.status(refused.status());
            renderLogin(ctx, "Sign-in refused: " + refused.getMessage() + ".", next);
            return;
        }
        ctx.redirect(next);
    }

    private void logout(Context ctx) {
        sessions.signOut(ctx);
        ctx.redirect("/login");
    }

    private void score(Context ctx) {
        Instant now = clock.instant();
        String person = person(ctx);
        ctx.html(templates.render("score.jte", Map.of("frame", frame(ctx, "My score", "score", chartScripts),
                "score", ScoreView.of(scores.score(person, now), now))));
    }

    private void data(Context ctx) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate to = date(ctx, "to").orElse(today);
        LocalDate from = date(ctx, "from").orElse(to.minusDays(89));
        if (from.isAfter(to) || from.plusDays(366).isBefore(to)) {
            throw ApiException.badRequest("choose a period of at most a year, from before to");
        }
        InsightsView view = insights.of(person(ctx), from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), zone);
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frame(ctx, "My data", "data", chartScripts));
        model.put("insights", view);
        model.put("fromDate", from.toString());
        model.put("toDate", to.toString());
        model.put("insightsJson", ScriptJson.of(view, json));
        model.put("categories", CATEGORIES);
        ctx.html(templates.render("data.jte", model));
    }

    /**
     * A page of the vault: rows for htmx to add to "My data", or, opened any other way (a new tab, a bookmark), a page
     * of its own in the site's frame, since the rows alone come without styles or navigation.
     */
    private void events(Context ctx) {
        Optional<String> category = Optional.ofNullable(ctx.queryParam("category")).filter(text -> !text.isBlank());
        Optional<VaultCursor> cursor = Optional.ofNullable(ctx.queryParam("cursor")).flatMap(VaultCursor::parse);
        VaultPage page = vault.page(person(ctx), new VaultQuery(category, Optional.empty(), Optional.empty(),
                Optional.empty(), cursor, 50));
        String nextUrl = page.next().map(next -> "/me/data/events?cursor=" + next.token()
                + category.map(value -> "&category=" + value).orElse("")).orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("events", page.events().stream().map(EventView::of).toList());
        model.put("nextUrl", nextUrl);
        ctx.header("Vary", "HX-Request");
        if ("true".equals(ctx.header("HX-Request"))) {
            model.put("first", cursor.isEmpty());
            ctx.html(templates.render("partials/events.jte", model));
        } else {
            model.put("frame", frame(ctx, "Every event", "data", eventScripts));
            ctx.html(templates.render("all-events.jte", model));
        }
    }

    private void access(Context ctx) {
        ctx.html(templates.render("access.jte", Map.of("frame", frame(ctx, "Who looked at my data", "access",
                List.of()), "accesses", accessLog.of(person(ctx), 500), "acts", officials.concerning(person(ctx)))));
    }

    private void rulebook(Context ctx) {
        ctx.html(templates.render("rules.jte", Map.of("frame", frame(ctx, "The rule book", "rules", List.of()),
                "books", rules.histories())));
    }

    private static String person(Context ctx) {
        return Authentication.required(ctx).person().orElseThrow(() -> new ApiException(403, "not a citizen"));
    }

    private static Optional<LocalDate> date(Context ctx, String name) {
        String text = ctx.queryParam(name);
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + ": '" + text + "' is not a date such as 2026-10-01");
        }
    }

    /**
     * Only a plain path of this site may follow a sign-in, never another site: one slash first, never two in a row,
     * and nothing but visible ASCII other than a backslash. Browsers drop tabs and line breaks from a location and read
     * a backslash as a slash, so {@code /\t/evil.example} or {@code /\evil.example} would lead to another host.
     */
    private static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.contains("//")) {
            return "/me";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= ' ' || c > '~' || c == '\\') {
                return "/me";
            }
        }
        return next;
    }
}
