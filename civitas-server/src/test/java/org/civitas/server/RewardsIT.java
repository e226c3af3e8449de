package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import org.civitas.reward.RewardDesk;
import org.civitas.rules.RuleBookLoader;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rewards through real HTTP, on H2 and PostgreSQL: the catalogue is public; a resident for whom a reward's condition
 * holds claims a token that names the reward and nothing of them, once a month; its provider redeems it once, and no
 * other provider can; a token altered, or expired, is refused.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class RewardsIT {

    private static final ServersPerStorage SERVERS = new ServersPerStorage();
    private static final String BOOK = "jurisdiction: lakeside\ntimezone: Europe/Berlin\nrules:\n"
            + "  - id: civic.volunteering\n    title: Volunteering\n    category: civic\n    on: volunteering\n"
            + "    points: 4\n    halfLife: P180D\n"
            + "rewards:\n  - id: hall\n    title: The community hall for an evening\n"
            + "    gives: the hall free for an evening\n    provider: volunteer-hub\n"
            + "    eligible: \"count['civic.volunteering'] >= 2\"\n";

    @Parameter
    Supplier<StorageSettings> storage;

    private TestServer server;
    private RegisteredSource hub;

    @BeforeEach
    void connect() throws Exception {
        server = SERVERS.serverFor(storage, RewardsIT::startWithBook, RewardsIT::city);
        hub = server.server().civitas().sources().find("volunteer-hub").orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        SERVERS.close();
    }

    private static TestServer startWithBook(StorageSettings storage) throws IOException {
        Path data = Files.createTempDirectory("civitas-rewards");
        Files.writeString(Files.createDirectories(RuleBookLoader.folderIn(data)).resolve("lakeside.yaml"), BOOK);
        return TestServer.startOn(data, storage);
    }

    /** Ada, Cyd and Eve volunteered twice, Bob once; they all live in Lakeside. */
    private static void city(TestServer server) throws Exception {
        RegisteredSource registry = server.source("city-registry", "residence-registered", "residence");
        RegisteredSource hub = server.source("volunteer-hub", "volunteering", "civic");
        server.source("library", "book-returned", "civic");
        StringBuilder homes = new StringBuilder();
        for (String name : new String[] {"ada", "bob", "cyd", "eve"}) {
            homes.append(TestServer.event("city-registry", "home-" + name, "p-" + name, "residence-registered",
                    server.now().minus(Duration.ofDays(3)), "{}")).append('\n');
            server.citizen(name, "p-" + name, name + "'s password");
        }
        assertThat(server.postEvents(registry, homes.toString()).statusCode()).isEqualTo(200);
        String volunteering = TestServer.event("volunteer-hub", "v-1", "p-ada", "volunteering",
                server.now().minus(Duration.ofDays(9)), "{}") + "\n" + TestServer.event("volunteer-hub", "v-2",
                "p-ada", "volunteering", server.now().minus(Duration.ofDays(2)), "{}") + "\n"
                + TestServer.event("volunteer-hub", "v-3", "p-bob", "volunteering",
                        server.now().minus(Duration.ofDays(2)), "{}") + "\n"
                + TestServer.event("volunteer-hub", "v-4", "p-cyd", "volunteering",
                        server.now().minus(Duration.ofDays(5)), "{}") + "\n"
                + TestServer.event("volunteer-hub", "v-5", "p-cyd", "volunteering",
                        server.now().minus(Duration.ofDays(4)), "{}") + "\n"
                + TestServer.event("volunteer-hub", "v-6", "p-eve", "volunteering",
                        server.now().minus(Duration.ofDays(6)), "{}") + "\n"
                + TestServer.event("volunteer-hub", "v-7", "p-eve", "volunteering",
                        server.now().minus(Duration.ofDays(5)), "{}") + "\n";
        assertThat(server.postEvents(hub, volunteering).statusCode()).isEqualTo(200);
        server.awaitProjection();
    }

    private TestServer.Session login(String name) throws Exception {
        return server.login(name, name + "'s password");
    }

    private HttpResponse<String> claim(String name) throws Exception {
        return server.change("POST", "/api/v1/me/rewards/claims", "{\"jurisdiction\":\"lakeside\",\"reward\":\"hall\"}",
                login(name));
    }

    private HttpResponse<String> redeem(RegisteredSource provider, String token) throws Exception {
        return server.signed("POST", "/api/v1/rewards/redeem", provider, "{\"token\":\"" + token + "\"}");
    }

    @Test
    void anEligibleResidentClaimsATokenThatNamesNothingOfThemAndItsProviderRedeemsItOnce() throws Exception {
        assertThat(server.getJson("/api/v1/rewards", null).toString()).contains("The community hall");
        assertThat(server.getJson("/api/v1/me/rewards", login("ada")).get("eligible")).hasSize(1);
        assertThat(server.getJson("/api/v1/me/rewards", login("bob")).get("eligible")).isEmpty();
        assertThat(claim("bob").statusCode()).as("one volunteering is not two").isEqualTo(409);

        HttpResponse<String> claimed = claim("ada");

        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(201);
        String token = TestServer.JSON.readTree(claimed.body()).get("token").asText();
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        assertThat(payload).startsWith("v1|lakeside|hall|").doesNotContain("ada").doesNotContain("1004");
        assertThat(verifiesOffline(token, payload)).as("anyone can check it with the published key").isTrue();
        assertThat(claim("ada").statusCode()).as("once a month").isEqualTo(409);
        RegisteredSource library = server.server().civitas().sources().find("library").orElseThrow();
        assertThat(redeem(library, token).statusCode()).as("another provider's reward").isEqualTo(403);
        HttpResponse<String> redeemed = redeem(hub, token);
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        assertThat(redeemed.body()).contains("\"id\":\"hall\"").doesNotContain("p-ada");
        server.clock().advance(Duration.ofSeconds(1));
        HttpResponse<String> twice = redeem(hub, token);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("spent already");
        assertThat(server.get("/me/rewards", login("ada")).body()).contains("The community hall");
        JsonNode redemptions = server.getJson("/api/v1/officials/record", null).get("acts");
        assertThat(redemptions.toString()).contains("reward-redeemed").doesNotContain("p-ada");
        JsonNode act = redemptions.get(0);
        assertThat(act.get("role").asText() + " " + act.get("badge").asText()).isEqualTo("source " + hub.name());
        assertThat(act.has("concerning") && !act.get("concerning").isNull()).as("it concerns no one").isFalse();
    }

    @Test
    void theRewardsPageClaimsThroughItsFormAndShowsTheToken() throws Exception {
        TestServer.Session eve = login("eve");
        assertThat(server.get("/me/rewards", eve).body()).contains("Claim The community hall");

        HttpResponse<String> claimed = server.send(HttpRequest.newBuilder(server.uri("/me/rewards/claims"))
                .header("Cookie", eve.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + eve.csrf()
                        + "&jurisdiction=lakeside&reward=hall")));

        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.body()).containsPattern("<code id=\"token\">[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+</code>");
    }

    @Test
    void anAlteredOrExpiredTokenIsRefused() throws Exception {
        HttpResponse<String> claimed = claim("cyd");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(201);
        String token = TestServer.JSON.readTree(claimed.body()).get("token").asText();
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("v1|lakeside|hall|",
                "v1|lakeside|hall|0").getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));

        assertThat(redeem(hub, forged).statusCode()).isEqualTo(400);
        assertThat(redeem(hub, "not a token").statusCode()).isEqualTo(400);
        server.clock().advance(RewardDesk.TOKEN_LIFETIME.plusSeconds(1));
        HttpResponse<String> late = redeem(hub, token);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("expired");
    }

    private boolean verifiesOffline(String token, String payload) throws Exception {
        JsonNode keys = server.getJson("/api/v1/rewards/keys", null).get("keys");
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(keys.get("lakeside").asText()))));
        signature.update(payload.getBytes(StandardCharsets.UTF_8));
        return signature.verify(Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1)));
    }
}
