package org.civitas.server.http;

import io.javalin.http.Context;

/** Reading the fields of a page's form. */
public final class Forms {

    private Forms() {
    }

    /** The form field {@code name}, or "" if the form has none. */
    public static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
