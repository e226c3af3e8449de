package org.civitas.server.sharing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.civitas.server.api.GrantView;
import org.civitas.server.auth.Authentication;
import org.civitas.server.auth.Principal;
import org.civitas.server.http.Access;
import org.civitas.server.http.JsonBodies;
import org.civitas.sharing.Grant;
import org.civitas.sharing.GrantRequest;
import org.civitas.sharing.Sharing;

/**
 * {@code /api/v1/me/grants}: the signed-in citizen shares their data ({@code POST}), sees what they share ({@code
 * GET}) and stops sharing ({@code DELETE /{id}}); and {@code /api/v1/shared}, what others share with the signed-in
 * account.
 */
public final class GrantsApi {

    private final Sharing sharing;
    private final ObjectMapper json;
    private final Clock clock;

    public GrantsApi(Sharing sharing, ObjectMapper json, Clock clock) {
        this.sharing = sharing;
        this.json = json;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/me/grants", this::create, Access.CITIZEN);
        routes.get("/api/v1/me/grants", this::given, Access.CITIZEN);
        routes.delete("/api/v1/me/grants/{id}", this::revoke, Access.CITIZEN);
        routes.get("/api/v1/shared", this::sharedWithMe, Access.SIGNED_IN);
    }

    private void create(Context ctx) throws IOException {
        Principal owner = Authentication.required(ctx);
        GrantRequest request = GrantRequestJson.read(JsonBodies.read(ctx, json));
        Grant grant = sharing.grant(owner.actor(), Authentication.person(ctx), request);
        ctx.status(201).json(GrantView.of(grant, clock.instant()));
    }

    private void given(Context ctx) {
        Instant now = clock.instant();
        String person = Authentication.person(ctx);
        ctx.json(Map.of("person", person, "grants", sharing.givenBy(person).stream()
                .map(grant -> GrantView.of(grant, now)).toList()));
    }

    private void revoke(Context ctx) {
        sharing.revoke(Authentication.person(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private void sharedWithMe(Context ctx) {
        Instant now = clock.instant();
        ctx.json(Map.of("grants", sharing.sharedWith(Authentication.required(ctx).username()).stream()
                .map(grant -> GrantView.of(grant, now)).toList()));
    }
}
