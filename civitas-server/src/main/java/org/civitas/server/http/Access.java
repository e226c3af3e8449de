package org.civitas.server.http;

import io.javalin.security.RouteRole;
import java.util.Set;
import org.civitas.server.auth.Principal;
import org.civitas.store.accounts.Role;

/**
 * Who may call an endpoint. Every route declares one; a route that declares none is refused to everyone, so nothing
 * is open by accident.
 */
public enum Access implements RouteRole {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** A data source, which proves itself by signing the request (checked by the handler itself). */
    SOURCE,
    /** A signed-in citizen, for their own data only. */
    CITIZEN,
    /** Any signed-in account. */
    SIGNED_IN,
    /** A case worker, for the offers of help people accepted. */
    CASEWORKER,
    /** An administrator, of sources and accounts. */
    ADMIN;

    /** Whether {@code principal} may call a route declaring {@code declared}. */
    static boolean allows(Set<RouteRole> declared, Principal principal) {
        return declared.contains(SIGNED_IN)
                || (declared.contains(CITIZEN) && principal.role() == Role.CITIZEN && principal.person().isPresent())
                || (declared.contains(CASEWORKER) && principal.role() == Role.CASEWORKER)
                || (declared.contains(ADMIN) && principal.role() == Role.ADMIN);
    }

    static boolean open(Set<RouteRole> declared) {
        return declared.contains(PUBLIC) || declared.contains(SOURCE);
    }
}
