package org.civitas.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.civitas.constitution.Constitution;
import org.civitas.event.CivitasEntries;
import org.civitas.officials.Act;
import org.civitas.officials.OfficialRecord;
import org.civitas.rules.Rule;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBooks;
import org.civitas.server.api.SourceView;
import org.civitas.server.auth.Authentication;
import org.civitas.server.http.Access;
import org.civitas.server.http.ApiException;
import org.civitas.server.http.JsonBodies;
import org.civitas.source.RegisteredSource;
import org.civitas.source.SourceCatalogue;
import org.civitas.source.SourceRegistration;
import org.civitas.source.SourceRegistry;
import org.civitas.source.SourceType;

/**
 * {@code /api/v1/admin/sources}: an administrator registers a source with the event types it may send and the
 * category of each, rotates its key, or revokes it. A new key's secret is shown in that one answer only.
 */
public final class SourcesApi {

    private static final int MAX_TYPES = 100;

    private final SourceRegistry sources;
    private final Supplier<RuleBooks> books;
    private final Constitution constitution;
    private final OfficialRecord officials;
    private final ObjectMapper json;

    public SourcesApi(SourceRegistry sources, Supplier<RuleBooks> books, Constitution constitution,
            OfficialRecord officials, ObjectMapper json) {
        this.sources = sources;
        this.books = books;
        this.constitution = constitution;
        this.officials = officials;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/admin/sources", this::list, Access.ADMIN);
        routes.post("/api/v1/admin/sources", this::create, Access.ADMIN);
        routes.post("/api/v1/admin/sources/{name}/rotate", this::rotate, Access.ADMIN);
        routes.delete("/api/v1/admin/sources/{name}", this::revoke, Access.ADMIN);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("sources", sources.all().stream().map(SourceView::withoutSecret).toList()));
    }

    private void create(Context ctx) throws IOException {
        JsonNode body = JsonBodies.read(ctx, json);
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("send {\"name\": ..., \"types\": [{\"type\": ..., \"category\": ...}]}");
        }
        String name = ownName(body.path("name"), "name");
        if (sources.byName(name).isPresent()) {
            throw new ApiException(409, "name: a source '" + name + "' is registered already");
        }
        List<SourceType> types = types(body.path("types"));
        RegisteredSource registered = sources.register(name, types);
        record(ctx, Act.SOURCE_REGISTERED, "registered source " + name + " to send " + String.join(", ",
                types.stream().map(SourceType::type).toList()));
        ctx.status(201).json(SourceView.withSecret(registered));
    }

    private void rotate(Context ctx) {
        RegisteredSource rotated = sources.rotate(ctx.pathParam("name"))
                .orElseThrow(() -> noLiveSource(ctx.pathParam("name")));
        record(ctx, Act.SOURCE_KEY_ROTATED, "gave source " + rotated.name() + " a new key");
        ctx.json(SourceView.withSecret(rotated));
    }

    private void revoke(Context ctx) {
        RegisteredSource revoked = sources.revoke(ctx.pathParam("name"))
                .orElseThrow(() -> noLiveSource(ctx.pathParam("name")));
        record(ctx, Act.SOURCE_REVOKED, "revoked source " + revoked.name());
        ctx.json(SourceView.withoutSecret(revoked));
    }

    private void record(Context ctx, Act act, String reason) {
        officials.record(Authentication.required(ctx).actor(), act, reason, Optional.empty());
    }

    private List<SourceType> types(JsonNode list) {
        if (!list.isArray() || list.isEmpty() || list.size() > MAX_TYPES) {
            throw ApiException.badRequest("types: a list of 1 to " + MAX_TYPES + " {\"type\", \"category\"}");
        }
        SourceCatalogue registered = sources.catalogue();
        List<SourceType> types = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode item : list) {
            String type = ownName(item.path("type"), "types: type");
            String category = name(item.path("category"), "types: category of '" + type + "'");
            if (!seen.add(type)) {
                throw ApiException.badRequest("types: '" + type + "' is listed twice");
            }
            registered.conflictingCategory(type, category).ifPresent(earlier -> {
                throw new ApiException(409, "types: '" + type + "' is registered already, in category '" + earlier
                        + "'; a type has one category whichever source sends it");
            });
            refuseIfARuleWouldRead(type, category);
            types.add(new SourceType(type, category));
        }
        return types;
    }

    /** A personal-only type that a rule in force reads would put the rule outside the constitution: refused. */
    private void refuseIfARuleWouldRead(String type, String category) {
        for (RuleBook book : books.get().all()) {
            for (Rule rule : book.rules()) {
                if (rule.on().equals(type)) {
                    constitution.checkReading(type, category).ifPresent(breach -> {
                        throw new ApiException(409, "types: rule '" + rule.id() + "' of " + book.jurisdiction()
                                + " reads '" + type + "', so it cannot be personal-only: " + breach);
                    });
                }
            }
        }
    }

    private static String name(JsonNode value, String field) {
        if (!value.isTextual() || !SourceRegistration.NAME.matcher(value.asText()).matches()) {
            throw ApiException.badRequest(field + ": required, " + SourceRegistration.NAME_RULE);
        }
        return value.asText();
    }

    /** A source's name or a type: a name, and not one of Civitas's own. */
    private static String ownName(JsonNode value, String field) {
        String name = name(value, field);
        CivitasEntries.reserved(name).ifPresent(why -> {
            throw ApiException.badRequest(field + ": " + why);
        });
        return name;
    }

    private static ApiException noLiveSource(String name) {
        return new ApiException(404, "there is no live source '" + name + "'");
    }
}
