package org.civitas.server.sharing;

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
import java.util.Set;
import org.civitas.InvalidInputException;
import org.civitas.constitution.Constitution;
import org.civitas.scoring.ScoreBoard;
import org.civitas.server.api.EventView;
import org.civitas.server.api.GrantView;
import org.civitas.server.api.ScoreView;
import org.civitas.server.auth.Authentication;
import org.civitas.server.auth.Principal;
import org.civitas.server.http.Access;
import org.civitas.server.http.ApiException;
import org.civitas.server.http.Refusals;
import org.civitas.server.pages.Frame;
import org.civitas.server.pages.Templates;
import org.civitas.sharing.Grant;
import org.civitas.sharing.GrantRequest;
import org.civitas.sharing.Sharing;
import org.civitas.store.vault.VaultQuery;
import org.civitas.store.vault.VaultStore;

/**
 * The pages of sharing: "Share my data" for a citizen (give, see and revoke grants), "Shared with me" for any
 * account, and what one person shares, shown to the party under the same rules and logging as the API.
 */
public final class SharingPages {

    private static final int EVENTS_SHOWN = 100;

    private final Sharing sharing;
    private final Constitution constitution;
    private final ScoreBoard scores;
    private final VaultStore vault;
    private final Templates templates;
    private final Clock clock;
    private final ZoneId zone;

    public SharingPages(Sharing sharing, Constitution constitution, ScoreBoard scores, VaultStore vault,
            Templates templates, Clock clock, ZoneId zone) {
        this.sharing = sharing;
        this.constitution = constitution;
        this.scores = scores;
        this.vault = vault;
        this.templates = templates;
        this.clock = clock;
        this.zone = zone;
    }

    public void register(RoutesConfig routes) {
        routes.get("/me/sharing", ctx -> sharingPage(ctx, null, null), Access.CITIZEN);
        routes.post("/me/sharing", this::share, Access.CITIZEN);
        routes.post("/me/sharing/{id}/revoke", this::revoke, Access.CITIZEN);
        routes.get("/shared", this::sharedWithMe, Access.SIGNED_IN);
        routes.get("/shared/{person}", this::sharedBy, Access.SIGNED_IN);
    }

    private void sharingPage(Context ctx, String error, String notice) {
        Instant now = clock.instant();
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frame(ctx, "Share my data", "sharing"));
        model.put("grants", sharing.givenBy(Authentication.person(ctx)).stream()
                .map(grant -> GrantView.of(grant, now)).toList());
        model.put("categories", List.copyOf(sharing.categories()));
        model.put("purposes", constitution.allowedPurposes());
        model.put("defaultExpiry", LocalDate.ofInstant(now, zone).plusDays(30).toString());
        model.put("error", error);
        model.put("notice", notice);
        ctx.html(templates.render("sharing.jte", model));
    }

    private void share(Context ctx) {
        Principal owner = Authentication.required(ctx);
        try {
            GrantRequest request = new GrantRequest(text(ctx, "party"), ctx.formParams("categories"),
                    "true".equals(ctx.formParam("score")), text(ctx, "purpose"), endOf(text(ctx, "until")));
            Grant grant = sharing.grant(owner.actor(), Authentication.person(ctx), request);
            sharingPage(ctx, null, "You now share with " + grant.party() + ".");
        } catch (ApiException | InvalidInputException refused) {
            ctx.status(Refusals.statusOf(refused).orElseThrow());
            sharingPage(ctx, "Not shared: " + refused.getMessage(), null);
        }
    }

    private void revoke(Context ctx) {
        sharing.revoke(Authentication.person(ctx), ctx.pathParam("id"));
        ctx.redirect("/me/sharing");
    }

    private void sharedWithMe(Context ctx) {
        Instant now = clock.instant();
        ctx.html(templates.render("shared.jte", Map.of("frame", frame(ctx, "Shared with me", "shared"),
                "grants", sharing.sharedWith(Authentication.required(ctx).username()).stream()
                        .map(grant -> GrantView.of(grant, now)).toList())));
    }

    private void sharedBy(Context ctx) {
        Principal reader = Authentication.required(ctx);
        String person = ctx.pathParam("person");
        List<Grant> grants = sharing.sharedWith(reader.username()).stream()
                .filter(grant -> grant.person().equals(person)).toList();
        boolean scoreShared = grants.stream().anyMatch(Grant::score);
        boolean eventsShared = grants.stream().anyMatch(grant -> !grant.categories().isEmpty());
        if (!scoreShared && !eventsShared) {
            throw new ApiException(404, "nothing of '" + person + "' is shared with you");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frame(ctx, "Shared by " + person, "shared"));
        model.put("person", person);
        model.put("score", null);
        model.put("events", null);
        model.put("categories", List.of());
        if (scoreShared) {
            sharing.openScore(reader.actor(), person);
            Instant now = clock.instant();
            model.put("score", ScoreView.of(scores.score(person, now), now));
        }
        if (eventsShared) {
            Set<String> visible = sharing.openEvents(reader.actor(), person, "events");
            model.put("categories", List.copyOf(visible));
            model.put("events", vault.page(person, VaultQuery.all(EVENTS_SHOWN), visible::contains).events()
                    .stream().map(EventView::of).toList());
        }
        ctx.html(templates.render("shared-person.jte", model));
    }

    private Frame frame(Context ctx, String title, String active) {
        return new Frame(title, active, Authentication.principal(ctx), List.of());
    }

    private static String text(Context ctx, String field) {
        return Optional.ofNullable(ctx.formParam(field)).map(String::trim).orElse("");
    }

    /** The end of the chosen day, in the city's time zone. */
    private Instant endOf(String date) {
        try {
            return LocalDate.parse(date).plusDays(1).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("until: '" + date + "' is not a date such as 2026-12-31");
        }
    }
}
