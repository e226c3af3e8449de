package org.civitas.server.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.civitas.server.http.ApiException;
import org.civitas.server.http.QueryParams;
import org.civitas.store.vault.VaultCursor;
import org.civitas.store.vault.VaultPage;
import org.civitas.store.vault.VaultQuery;

/**
 * A page of a person's events: {@code ?category=&type=&from=&to=&cursor=&limit=} in, {@code {"events", "next"}} out.
 *
 * @param next the cursor of the following page, or null on the last
 */
public record EventsPage(List<EventView> events, String next) {

    private static final int DEFAULT_LIMIT = 50;

    public static EventsPage of(VaultPage page) {
        return new EventsPage(page.events().stream().map(EventView::of).toList(),
                page.next().map(VaultCursor::token).orElse(null));
    }

    /** The query a request's parameters ask for. */
    public static VaultQuery query(Context ctx) {
        int limit = QueryParams.parsed(ctx, "limit", Integer::parseInt).orElse(DEFAULT_LIMIT);
        if (limit < 1 || limit > VaultQuery.MAX_LIMIT) {
            throw ApiException.badRequest("limit must be from 1 to " + VaultQuery.MAX_LIMIT);
        }
        Optional<VaultCursor> cursor = QueryParams.text(ctx, "cursor").map(token -> VaultCursor.parse(token)
                .orElseThrow(() -> ApiException.badRequest("cursor is not one this API gave out")));
        return new VaultQuery(QueryParams.text(ctx, "category"), QueryParams.text(ctx, "type"),
                QueryParams.instant(ctx, "from"), QueryParams.instant(ctx, "to"), cursor, limit);
    }
}
