package org.civitas.server.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.constitution.Constitution;
import org.civitas.privacy.PersonalKeys;
import org.civitas.server.auth.Authentication;
import org.civitas.server.http.Access;
import org.civitas.server.http.ApiException;
import org.civitas.server.http.JsonBodies;
import org.civitas.server.pages.Frame;
import org.civitas.server.pages.Templates;

/**
 * Erasure: {@code POST /api/v1/me/erase} with {@code {"categories": [...]}}, and the page {@code /me/erase}. The
 * person's keys of those personal-only categories are destroyed, so everything of theirs sealed with them can never
 * be read again, anywhere; the ledger keeps the sealed bytes and still verifies, and scores, which never read
 * personal-only data, do not change. Data of scorable categories stays: scores must be reproducible from the ledger.
 */
public final class ErasureApi {

    private final PersonalKeys keys;
    private final Constitution constitution;
    private final Templates templates;
    private final ObjectMapper json;
    private final Clock clock;

    public ErasureApi(PersonalKeys keys, Constitution constitution, Templates templates, ObjectMapper json,
            Clock clock) {
        this.keys = keys;
        this.constitution = constitution;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/me/erase", this::eraseByApi, Access.CITIZEN);
        routes.get("/me/erase", ctx -> page(ctx, null, null), Access.CITIZEN);
        routes.post("/me/erase", this::eraseByPage, Access.CITIZEN);
    }

    private void eraseByApi(Context ctx) throws IOException {
        JsonNode body = JsonBodies.read(ctx, json);
        JsonNode list = body == null ? null : body.get("categories");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiException.badRequest("categories: required, a list of personal-only categories to erase");
        }
        List<String> categories = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                throw ApiException.badRequest("categories: must be a list of category names");
            }
            categories.add(item.asText());
        }
        String person = Authentication.person(ctx);
        List<String> erased = erase(person, categories);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("person", person);
        answer.put("categories", categories);
        answer.put("erased", erased);
        answer.put("at", clock.instant());
        ctx.json(answer);
    }

    private void eraseByPage(Context ctx) {
        if (!"yes".equals(ctx.formParam("confirm"))) {
            ctx.status(400);
            page(ctx, "Tick the box to confirm: erasing cannot be undone.", null);
            return;
        }
        try {
            List<String> asked = ctx.formParams("categories");
            erase(Authentication.person(ctx), asked);
            page(ctx, null, "Erased for good: your " + String.join(", ", asked) + " data so far.");
        } catch (ApiException refused) {
            ctx.status(refused.status());
            page(ctx, refused.getMessage(), null);
        }
    }

    /** Destroys the person's keys of {@code categories}; returns those that had one. */
    private List<String> erase(String person, List<String> categories) {
        if (categories.isEmpty()) {
            throw ApiException.badRequest("categories: choose at least one category to erase");
        }
        for (String category : categories) {
            if (!constitution.personalOnly(category)) {
                throw ApiException.badRequest("categories: '" + category + "' is not personal-only; only "
                        + String.join(", ", constitution.personalOnlyCategories()) + " can be erased, since"
                        + " scores must stay reproducible from the ledger (dispute an entry you think is wrong)");
            }
        }
        return keys.erase(person, categories);
    }

    private void page(Context ctx, String error, String notice) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("frame", new Frame("Erase my personal-only data", "data", Authentication.principal(ctx),
                List.of()));
        model.put("categories", constitution.personalOnlyCategories());
        model.put("error", error);
        model.put("notice", notice);
        ctx.html(templates.render("erase.jte", model));
    }
}
