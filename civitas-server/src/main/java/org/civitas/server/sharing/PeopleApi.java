package org.civitas.server.sharing;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;
import org.civitas.scoring.ScoreBoard;
import org.civitas.server.api.EventsPage;
import org.civitas.server.api.ScoreView;
import org.civitas.server.auth.Authentication;
import org.civitas.server.auth.Principal;
import org.civitas.server.http.Access;
import org.civitas.server.http.ApiException;
import org.civitas.sharing.Sharing;
import org.civitas.store.vault.VaultStore;

/**
 * {@code /api/v1/people/{person}/...}: what a person shares with the signed-in account, exactly what an active grant
 * covers and nothing more; a 404 otherwise. There is no list of people and no search among them.
 */
public final class PeopleApi {

    private final Sharing sharing;
    private final ScoreBoard scores;
    private final VaultStore vault;
    private final Clock clock;

    public PeopleApi(Sharing sharing, ScoreBoard scores, VaultStore vault, Clock clock) {
        this.sharing = sharing;
        this.scores = scores;
        this.vault = vault;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/people", PeopleApi::noList, Access.PUBLIC);
        routes.get("/api/v1/people/{person}/score", this::score, Access.SIGNED_IN);
        routes.get("/api/v1/people/{person}/events", this::events, Access.SIGNED_IN);
    }

    private static void noList(Context ctx) {
        throw new ApiException(403, "Civitas answers no list of people and no search among them: not by score,"
                + " place or anything else. A person's data is seen by them and by whoever they share it with;"
                + " statistics about groups are at /api/v1/stats");
    }

    private void score(Context ctx) {
        Principal reader = Authentication.required(ctx);
        String person = ctx.pathParam("person");
        if (!owns(reader, person)) {
            sharing.openScore(reader.actor(), person);
        }
        Instant now = clock.instant();
        ctx.json(ScoreView.of(scores.score(person, now), now));
    }

    private void events(Context ctx) {
        Principal reader = Authentication.required(ctx);
        String person = ctx.pathParam("person");
        var query = EventsPage.query(ctx);
        Predicate<String> visible = category -> true;
        if (!owns(reader, person)) {
            Set<String> shared = sharing.openEvents(reader.actor(), person, "events");
            visible = shared::contains;
        }
        ctx.json(EventsPage.of(vault.page(person, query, visible)));
    }

    private static boolean owns(Principal reader, String person) {
        return reader.person().filter(person::equals).isPresent();
    }
}
