package org.civitas.server.disputes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.InvalidInputException;
import org.civitas.dispute.Attachment;
import org.civitas.dispute.DisputeDesk;
import org.civitas.dispute.DisputeFiles;
import org.civitas.dispute.Outcome;
import org.civitas.server.auth.Authentication;
import org.civitas.server.http.Access;
import org.civitas.server.http.Forms;
import org.civitas.server.pages.Frame;
import org.civitas.server.pages.Templates;

/**
 * The pages of disputes: "My disputes" for a person, who disputes a point from "My score"; "Disputes to review" for
 * reviewers, who look at a dispute's event and decide. The same rules and logging as the API.
 */
public final class DisputePages {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final DisputeDesk desk;
    private final DisputeFiles files;
    private final Templates templates;
    private final ObjectMapper json;

    public DisputePages(DisputeDesk desk, DisputeFiles files, Templates templates, ObjectMapper json) {
        this.desk = desk;
        this.files = files;
        this.templates = templates;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/me/disputes", this::mine, Access.CITIZEN);
        routes.post("/me/disputes", this::dispute, Access.CITIZEN);
        routes.post("/me/disputes/{id}/files", this::attach, Access.CITIZEN);
        routes.get("/disputes", ctx -> review(ctx, null), Access.REVIEWER);
        routes.get("/disputes/{id}", ctx -> review(ctx, DisputeView.of(desk.review(
                Authentication.required(ctx).actor(), ctx.pathParam("id")), json)), Access.REVIEWER);
        routes.post("/disputes/{id}/decisions", this::decide, Access.REVIEWER);
    }

    private void mine(Context ctx) {
        String person = Authentication.person(ctx);
        List<DisputeView> disputes = desk.of(person).stream().map(DisputeView::of).toList();
        Map<String, List<Attachment>> attached = new HashMap<>();
        disputes.forEach(dispute -> attached.put(dispute.id(), files.of(person, dispute.id())));
        ctx.html(templates.render("disputes.jte", Map.of("frame", frame(ctx, "My disputes", "disputes"),
                "disputes", disputes, "files", attached)));
    }

    /** A file from the form's file field, attached as the API attaches one; someone else's dispute is a 404 first. */
    private void attach(Context ctx) throws IOException {
        desk.unresolvedOf(Authentication.person(ctx), ctx.pathParam("id"));
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw new InvalidInputException("file", "choose a file to attach");
        }
        try (InputStream content = file.content()) {
            files.attach(Authentication.person(ctx), ctx.pathParam("id"), file.filename(), file.contentType(),
                    content.readAllBytes());
        }
        ctx.redirect("/me/disputes");
    }

    private void dispute(Context ctx) {
        desk.open(Authentication.person(ctx), Forms.field(ctx, "source"), Forms.field(ctx, "event"),
                Forms.field(ctx, "reason"), Forms.field(ctx, "evidence"));
        ctx.redirect("/me/disputes");
    }

    private void review(Context ctx, DisputeView reviewed) {
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frame(ctx, "Disputes to review", "review"));
        model.put("disputes", desk.open().stream().map(DisputeView::of).toList());
        model.put("reviewed", reviewed);
        model.put("files", reviewed == null ? List.of() : files.of(reviewed.id()));
        ctx.html(templates.render("review.jte", model));
    }

    /** A reviewer's decision from the form; an unknown dispute is a 404, whatever the form says. */
    private void decide(Context ctx) {
        String id = desk.get(ctx.pathParam("id")).id();
        Outcome outcome = Outcome.of(Forms.field(ctx, "outcome"));
        Optional<Map<String, Object>> corrected = outcome == Outcome.CORRECTED
                ? Optional.of(attributes(Forms.field(ctx, "attributes"))) : Optional.empty();
        desk.decide(Authentication.required(ctx).actor(), id, outcome, Forms.field(ctx, "reason"), corrected);
        ctx.redirect("/disputes");
    }

    private Map<String, Object> attributes(String text) {
        try {
            return json.readValue(text, OBJECT);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidInputException("attributes", "the event's attributes as corrected, a JSON object such"
                    + " as {\"daysLate\": 10}");
        }
    }

    private static Frame frame(Context ctx, String title, String active) {
        return new Frame(title, active, Authentication.principal(ctx), List.of());
    }
}
