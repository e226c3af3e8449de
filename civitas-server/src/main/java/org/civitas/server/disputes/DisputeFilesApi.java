package org.civitas.server.disputes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civitas.InvalidInputException;
import org.civitas.dispute.Attachment;
import org.civitas.dispute.DisputeFiles;
import org.civitas.server.auth.Authentication;
import org.civitas.server.http.Access;
import org.civitas.server.http.JsonBodies;

/**
 * The files a person attaches to their dispute: they send one at a time as the body of {@code POST
 * /api/v1/me/disputes/{id}/files?name=...}, its {@code Content-Type} naming its type, and read them back; reviewers
 * list and read them at {@code /api/v1/disputes/{id}/files}, each read logged. A file is always served as a download,
 * never shown in the page that asked for it.
 */
public final class DisputeFilesApi {

    private final DisputeFiles files;

    public DisputeFilesApi(DisputeFiles files) {
        this.files = files;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/me/disputes/{id}/files", this::attach, Access.CITIZEN);
        routes.get("/api/v1/me/disputes/{id}/files", ctx -> ctx.json(list(files.of(Authentication.person(ctx),
                ctx.pathParam("id")))), Access.CITIZEN);
        routes.get("/api/v1/me/disputes/{id}/files/{number}", ctx -> send(ctx, files.read(Authentication.person(ctx),
                ctx.pathParam("id"), number(ctx))), Access.CITIZEN);
        routes.get("/api/v1/disputes/{id}/files", ctx -> ctx.json(list(files.listFor(
                Authentication.required(ctx).actor(), ctx.pathParam("id")))), Access.REVIEWER);
        routes.get("/api/v1/disputes/{id}/files/{number}", ctx -> send(ctx, files.review(
                Authentication.required(ctx).actor(), ctx.pathParam("id"), number(ctx))), Access.REVIEWER);
    }

    private void attach(Context ctx) throws IOException {
        byte[] content = JsonBodies.bytes(ctx, DisputeFiles.MAX_BYTES);
        ctx.status(201).json(FileView.of(files.attach(Authentication.person(ctx), ctx.pathParam("id"),
                ctx.queryParam("name"), ctx.contentType(), content)));
    }

    /** A file as lists show it. */
    record FileView(int number, String name, String type, int size, String sha256, Instant addedAt) {

        static FileView of(Attachment file) {
            return new FileView(file.number(), file.name(), file.type().mediaType(), file.size(), file.sha256(),
                    file.addedAt());
        }
    }

    private static Map<String, List<FileView>> list(List<Attachment> attachments) {
        return Map.of("files", attachments.stream().map(FileView::of).toList());
    }

    /**
     * The file as a download under its own name (RFC 8187, with a plain ASCII name beside it), its type as checked
     * when it was attached.
     */
    static void send(Context ctx, DisputeFiles.File file) {
        String name = file.attachment().name();
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        String plain = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        ctx.contentType(file.attachment().type().mediaType());
        ctx.header("Content-Disposition", "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + encoded);
        ctx.result(file.content());
    }

    static int number(Context ctx) {
        String text = ctx.pathParam("number");
        if (!text.matches("[1-9][0-9]{0,2}")) {
            throw new InvalidInputException("number", "a file's number, from 1, not '" + text + "'");
        }
        return Integer.parseInt(text);
    }
}
