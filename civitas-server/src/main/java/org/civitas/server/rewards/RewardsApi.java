package org.civitas.server.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civitas.reward.RewardDesk;
import org.civitas.server.auth.Authentication;
import org.civitas.server.http.Access;
import org.civitas.server.http.Forms;
import org.civitas.server.http.JsonBodies;
import org.civitas.server.ingest.SourceAuthenticator;
import org.civitas.server.pages.Frame;
import org.civitas.server.pages.Templates;

/**
 * Rewards: the catalogue and the keys that sign tokens, in public ({@code /api/v1/rewards}); what the reader may
 * claim and the claim itself, for them alone ({@code /api/v1/me/rewards}, and the page "Rewards"); a provider, signing
 * with its source key, redeems a token ({@code POST /api/v1/rewards/redeem}).
 */
public final class RewardsApi {

    private final RewardDesk desk;
    private final SourceAuthenticator signatures;
    private final Templates templates;
    private final ObjectMapper json;

    public RewardsApi(RewardDesk desk, SourceAuthenticator signatures, Templates templates, ObjectMapper json) {
        this.desk = desk;
        this.signatures = signatures;
        this.templates = templates;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/rewards", ctx -> ctx.json(Map.of("rewards", views(desk.catalogue()))), Access.PUBLIC);
        routes.get("/api/v1/rewards/keys", ctx -> ctx.json(Map.of("keys", desk.publicKeys())), Access.PUBLIC);
        routes.get("/api/v1/me/rewards", ctx -> ctx.json(Map.of("eligible", views(desk.eligibleFor(
                Authentication.person(ctx))))), Access.CITIZEN);
        routes.post("/api/v1/me/rewards/claims", this::claim, Access.CITIZEN);
        routes.post("/api/v1/rewards/redeem", this::redeem, Access.SOURCE);
        routes.get("/me/rewards", ctx -> page(ctx, null), Access.CITIZEN);
        routes.post("/me/rewards/claims", ctx -> page(ctx, desk.claim(Authentication.person(ctx),
                Forms.field(ctx, "jurisdiction"), Forms.field(ctx, "reward"))), Access.CITIZEN);
    }

    /** A reward as the catalogue shows it. */
    public record RewardView(String jurisdiction, String id, String title, String gives, String provider,
            String eligible) {

        static RewardView of(RewardDesk.Offered offered) {
            return new RewardView(offered.jurisdiction(), offered.reward().id(), offered.reward().title(),
                    offered.reward().gives(), offered.reward().provider(), offered.reward().eligible());
        }
    }

    /** {@code {"jurisdiction","reward"}} → 201 {@code {"token","jurisdiction","reward","expires"}}. */
    private void claim(Context ctx) throws IOException {
        JsonNode body = JsonBodies.read(ctx, json);
        RewardDesk.Claim claim = desk.claim(Authentication.person(ctx), body.path("jurisdiction").asText(""),
                body.path("reward").asText(""));
        ctx.status(201).json(Map.of("token", claim.token(), "jurisdiction", claim.says().jurisdiction(), "reward",
                claim.says().reward(), "expires", claim.says().expires()));
    }

    /** {@code {"token"}}, signed as a source signs: checks the token and spends it. */
    private void redeem(Context ctx) throws IOException {
        SourceAuthenticator.SignedJson signed = signatures.signedJson(ctx, json);
        RewardDesk.Redeemed redeemed = desk.redeem(signed.source().name(), signed.body().path("token").asText(""));
        ctx.json(Map.of("redeemed", RewardView.of(new RewardDesk.Offered(redeemed.jurisdiction(),
                redeemed.reward()))));
    }

    private void page(Context ctx, RewardDesk.Claim claimed) {
        Map<String, Object> model = new HashMap<>();
        model.put("frame", new Frame("Rewards", "rewards", Authentication.principal(ctx), List.of()));
        model.put("catalogue", views(desk.catalogue()));
        model.put("eligible", views(desk.eligibleFor(Authentication.person(ctx))));
        model.put("claimed", claimed);
        ctx.html(templates.render("rewards.jte", model));
    }

    private static List<RewardView> views(List<RewardDesk.Offered> offered) {
        return offered.stream().map(RewardView::of).toList();
    }
}
