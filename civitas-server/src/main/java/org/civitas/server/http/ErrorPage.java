package org.civitas.server.http;

import io.javalin.http.Context;

/**
 * Shows a failure to a person as a page of the site. The pages come from a feature that builds on this package, so the
 * web application is handed the way to show one rather than knowing the pages.
 */
@FunctionalInterface
public interface ErrorPage {

    /** Answers {@code ctx} with a page saying {@code message}, with HTTP status {@code status}. */
    void show(Context ctx, int status, String message);
}
