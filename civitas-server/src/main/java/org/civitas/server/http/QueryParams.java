package org.civitas.server.http;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.civitas.event.Instants;

/** Reads optional query parameters; a value that does not parse is a 400 naming the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    public static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(value -> !value.isBlank());
    }

    public static Optional<Instant> instant(Context ctx, String name) {
        return parsed(ctx, name, Instants::parse);
    }

    public static <T> Optional<T> parsed(Context ctx, String name, Function<String, T> parse) {
        Optional<String> text = text(ctx, name);
        try {
            return text.map(parse);
        } catch (NumberFormatException | DateTimeException e) {
            throw ApiException.badRequest(name + ": '" + text.get() + "' is not valid (" + e.getMessage() + ")");
        }
    }
}
