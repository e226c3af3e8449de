package org.civitas.server.http;

import io.javalin.security.RouteRole;

/**
 * Who may call an endpoint. Every route declares one; a route that declares none is refused to everyone, so nothing
 * is open by accident. The authentication of the auth feature enforces the declarations before each route runs.
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
    /** A reviewer, of disputed entries. */
    REVIEWER,
    /** An auditor, of officials' acts. */
    AUDITOR,
    /** An administrator, of sources and accounts. */
    ADMIN
}
