package org.civitas.server.ops;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.civitas.server.http.Access;

/** {@code GET /api/v1/openapi.json}: the API described in OpenAPI 3, kept beside the code and tested against it. */
public final class OpenApiDocument {

    public static final String RESOURCE = "/org/civitas/server/openapi.json";

    private final byte[] document;

    public OpenApiDocument() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document is missing from the build: " + RESOURCE);
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(document),
                Access.PUBLIC);
    }
}
