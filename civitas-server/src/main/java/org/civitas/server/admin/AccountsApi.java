package org.civitas.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.civitas.account.Account;
import org.civitas.account.Actor;
import org.civitas.administration.AccountDesk;
import org.civitas.server.auth.Authentication;
import org.civitas.server.http.Access;
import org.civitas.server.http.JsonBodies;

/**
 * {@code /api/v1/admin/accounts}: an administrator lists the officials' accounts, opens one ({@code {"username",
 * "password", "role", "reason"}}) or disables any account ({@code POST /{username}/disable} with {@code {"reason"}});
 * each change is an act of the official record. There is no list of citizens' accounts.
 */
public final class AccountsApi {

    private final AccountDesk desk;
    private final ObjectMapper json;

    public AccountsApi(AccountDesk desk, ObjectMapper json) {
        this.desk = desk;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/admin/accounts", ctx -> ctx.json(Map.of("accounts", desk.officials().stream()
                .map(AccountView::of).toList())), Access.ADMIN);
        routes.post("/api/v1/admin/accounts", this::open, Access.ADMIN);
        routes.post("/api/v1/admin/accounts/{username}/disable", this::disable, Access.ADMIN);
    }

    private void open(Context ctx) throws IOException {
        JsonNode body = JsonBodies.read(ctx, json);
        ctx.status(201).json(AccountView.of(desk.open(Authentication.required(ctx).actor(),
                body.path("username").asText(""), body.path("password").asText(""), body.path("role").asText(""),
                body.path("reason").asText(""))));
    }

    private void disable(Context ctx) throws IOException {
        JsonNode body = JsonBodies.read(ctx, json);
        ctx.json(AccountView.of(desk.disable(Authentication.required(ctx).actor(), ctx.pathParam("username"),
                body.path("reason").asText(""))));
    }

    /** An account as an administrator sees it: never its password's hash. */
    record AccountView(String username, String role, String badge, Instant createdAt, Instant disabledAt) {

        static AccountView of(Account account) {
            return new AccountView(account.username(), account.role().label(),
                    new Actor(account.username(), account.role()).badge(), account.createdAt(),
                    account.disabledAt().orElse(null));
        }
    }
}
