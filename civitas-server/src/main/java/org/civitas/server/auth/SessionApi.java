package org.civitas.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.civitas.server.http.Access;
import org.civitas.server.http.ApiException;
import org.civitas.server.http.JsonBodies;

/**
 * {@code POST /api/v1/session} signs in and {@code DELETE /api/v1/session} signs out. The session lives in an
 * HttpOnly, SameSite=Strict cookie; the response carries the CSRF token every state-changing request must send back.
 */
public final class SessionApi {

    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final ObjectMapper json;

    public SessionApi(SessionService sessions, LoginThrottle throttle, ObjectMapper json) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/session", this::login, Access.PUBLIC);
        routes.get("/api/v1/session", this::current, Access.SIGNED_IN);
        routes.delete("/api/v1/session", this::logout, Access.SIGNED_IN);
    }

    private void login(Context ctx) throws IOException {
        JsonNode body = JsonBodies.read(ctx, json);
        if (body == null || !body.path("username").isTextual() || !body.path("password").isTextual()) {
            throw ApiException.badRequest("send {\"username\": ..., \"password\": ...} as JSON");
        }
        Optional<SessionService.Login> login = signIn(ctx, body.get("username").asText(),
                body.get("password").asText());
        if (login.isEmpty()) {
            throw new ApiException(401, "wrong username or password");
        }
        ctx.json(describe(login.get().principal()));
    }

    /**
     * Starts a session and sets its cookie, ending the session the request came with (no session fixation). Refused
     * (429) for a while after too many failed attempts at the account from the address, or from the address at any
     * account, and (503) while as many passwords are being checked as memory allows; both say when to try again in
     * {@code Retry-After}.
     */
    public Optional<SessionService.Login> signIn(Context ctx, String username, String password) {
        throttle.waitBeforeTrying(username, ctx.ip()).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiException(429, "too many failed sign-ins; try again in " + (seconds < 120
                    ? seconds + " second(s)" : (seconds + 59) / 60 + " minute(s)"));
        });
        Authentication.principal(ctx).ifPresent(sessions::logout);
        Optional<SessionService.Login> login = checked(ctx, username, password);
        if (login.isEmpty()) {
            throttle.failed(username, ctx.ip());
            return login;
        }
        throttle.succeeded(username, ctx.ip());
        ctx.cookie(cookie(login.get().token(), (int) SessionService.LIFETIME.toSeconds(), ctx.req().isSecure()));
        return login;
    }

    private Optional<SessionService.Login> checked(Context ctx, String username, String password) {
        try {
            return sessions.login(username, password);
        } catch (PasswordHashingBusyException busy) {
            ctx.header("Retry-After", Long.toString(PasswordHashingBusyException.RETRY_AFTER.toSeconds()));
            throw new ApiException(503, busy.getMessage());
        }
    }

    private void current(Context ctx) {
        ctx.json(describe(Authentication.required(ctx)));
    }

    private void logout(Context ctx) {
        signOut(ctx);
        ctx.status(204);
    }

    /** Ends the request's session and clears its cookie. */
    public void signOut(Context ctx) {
        Authentication.principal(ctx).ifPresent(sessions::logout);
        ctx.cookie(cookie("", 0, ctx.req().isSecure()));
    }

    private static Cookie cookie(String value, int maxAge, boolean secure) {
        return new Cookie(SessionService.COOKIE, value, "/", maxAge, secure, true, null, SameSite.STRICT);
    }

    private static Map<String, Object> describe(Principal principal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", principal.username());
        body.put("role", principal.role().label());
        body.put("person", principal.person().orElse(null));
        body.put("csrfToken", principal.csrfToken());
        return body;
    }
}
