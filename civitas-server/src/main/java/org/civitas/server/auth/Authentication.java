package org.civitas.server.auth;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.civitas.Tokens;
import org.civitas.account.Role;
import org.civitas.server.http.Access;
import org.civitas.server.http.ApiException;
import org.civitas.server.http.Forms;

/**
 * Runs before every matched route: finds the session behind the cookie, refuses what the route's declared access does
 * not allow (401 without a session, 403 for the wrong role), and requires the session's CSRF token on every request
 * that changes state.
 */
public final class Authentication {

    private static final String PRINCIPAL = "civitas.principal";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "csrf";

    private final SessionService sessions;

    public Authentication(SessionService sessions) {
        this.sessions = sessions;
    }

    public void check(Context ctx) throws IOException {
        Set<RouteRole> declared = ctx.routeRoles();
        Optional<Principal> principal = sessions.resolve(ctx.cookie(SessionService.COOKIE));
        principal.ifPresent(found -> ctx.attribute(PRINCIPAL, found));
        if (open(declared)) {
            return;
        }
        if (principal.isEmpty()) {
            throw new ApiException(401, "sign in first: POST /api/v1/session");
        }
        if (!allows(declared, principal.get())) {
            throw new ApiException(403, "an account of role '" + principal.get().role().label()
                    + "' may not use " + ctx.method() + " " + ctx.path());
        }
        if (changesState(ctx) && !csrfTokenOf(ctx).map(token -> Tokens.sameSecret(token,
                principal.get().csrfToken())).orElse(false)) {
            throw new ApiException(403, "missing or wrong " + CSRF_HEADER + " header: send the csrfToken"
                    + " of the session with every request that changes something");
        }
    }

    /** The signed-in principal of this request, if any. */
    public static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /** The signed-in principal, for routes that require one. */
    public static Principal required(Context ctx) {
        return principal(ctx).orElseThrow(() -> new ApiException(401, "sign in first"));
    }

    /** The person of the signed-in citizen, for routes that serve a citizen their own data. */
    public static String person(Context ctx) {
        return required(ctx).person().orElseThrow(() -> new ApiException(403, "this account belongs to no person"));
    }

    /** Whether a route needs no session: it is public, or its caller is a source that signs the request instead. */
    private static boolean open(Set<RouteRole> declared) {
        return declared.contains(Access.PUBLIC) || declared.contains(Access.SOURCE);
    }

    /** Whether {@code principal} may call a route declaring {@code declared}. */
    private static boolean allows(Set<RouteRole> declared, Principal principal) {
        return declared.contains(Access.SIGNED_IN)
                || (declared.contains(Access.CITIZEN) && principal.role() == Role.CITIZEN
                        && principal.person().isPresent())
                || (declared.contains(Access.CASEWORKER) && principal.role() == Role.CASEWORKER)
                || (declared.contains(Access.REVIEWER) && principal.role() == Role.REVIEWER)
                || (declared.contains(Access.AUDITOR) && principal.role() == Role.AUDITOR)
                || (declared.contains(Access.ADMIN) && principal.role() == Role.ADMIN);
    }

    private static boolean changesState(Context ctx) {
        HandlerType method = ctx.method();
        return method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.PATCH
                || method == HandlerType.DELETE;
    }

    private static Optional<String> csrfTokenOf(Context ctx) throws IOException {
        String header = ctx.header(CSRF_HEADER);
        if (header != null) {
            return Optional.of(header);
        }
        String contentType = ctx.contentType();
        if (contentType != null && contentType.startsWith("multipart/form-data")) {
            return Optional.ofNullable(Forms.uploadField(ctx, CSRF_FIELD));
        }
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            return Optional.ofNullable(ctx.formParam(CSRF_FIELD));
        }
        return Optional.empty();
    }
}
