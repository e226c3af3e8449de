package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.server.TestServer.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.civitas.account.Role;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Grants through real HTTP, on H2 and PostgreSQL: a party sees exactly what an active grant covers, and is logged. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class SharingIT {

    private static final ServersPerStorage SERVERS = new ServersPerStorage();

    @Parameter
    Supplier<StorageSettings> storage;

    private TestServer server;
    private TestServer.Session ada;
    private TestServer.Session olga;

    @BeforeEach
    void connect() throws Exception {
        server = SERVERS.serverFor(storage, SharingIT::history);
        // A second after the test before, so that the newest grant and the latest look are this test's own.
        server.clock().advance(Duration.ofSeconds(1));
        ada = server.login("ada", "correct horse");
        olga = server.login("olga", "case worker 1");
        for (JsonNode grant : server.getJson("/api/v1/me/grants", ada).get("grants")) {
            if (grant.get("active").asBoolean()) {
                server.change("DELETE", "/api/v1/me/grants/" + grant.get("id").asText(), null, ada);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        SERVERS.close();
    }

    private static void history(TestServer server) throws Exception {
        server.citizen("ada", "p-ada", "correct horse");
        server.citizen("bob", "p-bob", "hunter2 hunter2");
        server.account("olga", Role.CASEWORKER, Optional.empty(), "case worker 1");
        RegisteredSource browser = server.source("browser-companion", "web-visit", "browsing");
        RegisteredSource utility = server.source("lakeside-utilities", "bill-payment", "obligations");
        Instant day = server.now().minus(Duration.ofDays(2));
        assertThat(server.postEvents(browser, event("browser-companion", "w-1", "p-ada", "web-visit", day,
                "{\"site\":\"clinic.example\",\"seconds\":600}")).statusCode()).isEqualTo(200);
        assertThat(server.postEvents(utility, event("lakeside-utilities", "u-1", "p-ada", "bill-payment", day,
                "{\"daysLate\":45}") + "\n" + event("lakeside-utilities", "u-2", "p-bob", "bill-payment", day,
                "{\"daysLate\":0}")).statusCode()).isEqualTo(200);
    }

    private String grant(String party, String categories, boolean score, String purpose, Instant expiresAt) {
        return "{\"party\":\"" + party + "\",\"categories\":" + categories + ",\"score\":" + score
                + ",\"purpose\":\"" + purpose + "\",\"expiresAt\":\"" + expiresAt + "\"}";
    }

    private String share(String categories, boolean score) throws Exception {
        HttpResponse<String> created = server.change("POST", "/api/v1/me/grants",
                grant("olga", categories, score, "support", server.now().plus(Duration.ofDays(30))), ada);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestServer.JSON.readTree(created.body()).get("id").asText();
    }

    private List<String> categoriesOlgaSees() throws Exception {
        JsonNode events = server.getJson("/api/v1/people/p-ada/events", olga).get("events");
        return events.findValuesAsText("category").stream().distinct().sorted().toList();
    }

    @Test
    void nothingIsSharedByDefault() throws Exception {
        assertThat(server.get("/api/v1/people/p-ada/score", olga).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/people/p-ada/events", olga).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/people/p-nobody/events", olga).body())
                .as("an unknown person answers like one who shares nothing")
                .isEqualTo(server.get("/api/v1/people/p-ada/events", olga).body().replace("p-ada", "p-nobody"));
    }

    @Test
    void aPartySeesExactlyTheGrantedCategoriesUntilTheGrantIsRevoked() throws Exception {
        String id = share("[\"obligations\"]", false);

        assertThat(categoriesOlgaSees()).containsExactly("obligations");
        assertThat(server.get("/api/v1/people/p-ada/events?category=browsing", olga).body())
                .doesNotContain("clinic.example");
        assertThat(server.get("/api/v1/people/p-ada/score", olga).statusCode())
                .as("the score was not shared").isEqualTo(404);
        assertThat(server.get("/api/v1/people/p-bob/events", olga).statusCode()).isEqualTo(404);

        assertThat(server.change("DELETE", "/api/v1/me/grants/" + id, null, ada).statusCode()).isEqualTo(204);

        assertThat(server.get("/api/v1/people/p-ada/events", olga).statusCode()).isEqualTo(404);
        JsonNode listed = server.getJson("/api/v1/me/grants", ada).get("grants").get(0);
        assertThat(listed.get("id").asText()).isEqualTo(id);
        assertThat(listed.get("active").asBoolean()).isFalse();
        assertThat(listed.get("revokedAt").asText()).isNotEmpty();
    }

    @Test
    void everyLookIsInThePersonsAccessLogWithItsGrantAndPurpose() throws Exception {
        String id = share("[\"obligations\", \"browsing\"]", true);

        assertThat(server.getJson("/api/v1/people/p-ada/score", olga).get("score").asDouble()).isLessThan(1000);
        assertThat(categoriesOlgaSees()).containsExactly("browsing", "obligations");

        JsonNode accesses = server.getJson("/api/v1/me/access-log", ada).get("accesses");
        assertThat(accesses.findValuesAsText("what")).contains("score", "events in browsing, obligations");
        JsonNode latest = accesses.get(0);
        assertThat(latest.get("actor").asText()).isEqualTo("olga");
        assertThat(latest.get("actorRole").asText()).isEqualTo("caseworker");
        assertThat(latest.get("purpose").asText()).isEqualTo("support");
        assertThat(latest.get("grantId").asText()).isEqualTo(id);
        JsonNode olgas = server.getJson("/api/v1/me/official-acts", ada).get("acts").get(0);
        assertThat(olgas.get("act").asText()).as("a case worker's read is an official act").isEqualTo(
                "shared-data-read");
        assertThat(olgas.get("reason").asText()).contains("shared for support");
        assertThat(server.getJson("/api/v1/officials/record", null).toString())
                .contains(olgas.get("concerning").asText()).doesNotContain("p-ada");
    }

    @Test
    void whenTheLookCannotBeLoggedNothingIsShown() throws Exception {
        share("[\"obligations\"]", true);
        var jdbi = server.server().civitas().database().jdbi();
        jdbi.useHandle(handle -> handle.execute("ALTER TABLE access_log RENAME TO access_log_away"));
        try {
            HttpResponse<String> events = server.get("/api/v1/people/p-ada/events", olga);
            HttpResponse<String> score = server.get("/api/v1/people/p-ada/score", olga);

            assertThat(events.statusCode()).isEqualTo(500);
            assertThat(score.statusCode()).isEqualTo(500);
            assertThat(events.body() + score.body()).doesNotContain("u-1").doesNotContain("daysLate")
                    .doesNotContain("contributions");
        } finally {
            jdbi.useHandle(handle -> handle.execute("ALTER TABLE access_log_away RENAME TO access_log"));
        }
        assertThat(categoriesOlgaSees()).containsExactly("obligations");
    }

    @Test
    void anExpiredGrantSharesNothing() throws Exception {
        Duration lifetime = Duration.ofMinutes(10);
        HttpResponse<String> created = server.change("POST", "/api/v1/me/grants",
                grant("olga", "[\"obligations\"]", true, "support", server.now().plus(lifetime)), ada);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        server.clock().advance(lifetime.minusSeconds(1));
        assertThat(categoriesOlgaSees()).as("a second before it expires").containsExactly("obligations");

        server.clock().advance(Duration.ofSeconds(1));

        assertThat(server.get("/api/v1/people/p-ada/events", olga).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/people/p-ada/score", olga).statusCode()).isEqualTo(404);
        assertThat(server.getJson("/api/v1/shared", olga).get("grants")).isEmpty();
    }

    @Test
    void aPurposeIsKeptInLowerCaseWhateverCaseItWasSentIn() throws Exception {
        HttpResponse<String> created = server.change("POST", "/api/v1/me/grants",
                grant("olga", "[\"obligations\"]", false, "SuPPorT", server.now().plus(Duration.ofDays(3))), ada);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        server.getJson("/api/v1/people/p-ada/events", olga);

        assertThat(TestServer.JSON.readTree(created.body()).get("purpose").asText()).isEqualTo("support");
        assertThat(server.getJson("/api/v1/me/grants", ada).get("grants").get(0).get("purpose").asText())
                .isEqualTo("support");
        assertThat(server.getJson("/api/v1/shared", olga).get("grants").get(0).get("purpose").asText())
                .isEqualTo("support");
        assertThat(server.getJson("/api/v1/me/access-log", ada).get("accesses").get(0).get("purpose").asText())
                .isEqualTo("support");
    }

    @Test
    void thePartyListsWhatIsSharedWithIt() throws Exception {
        String id = share("[\"obligations\"]", true);

        JsonNode shared = server.getJson("/api/v1/shared", olga).get("grants");

        assertThat(shared).hasSize(1);
        assertThat(shared.get(0).get("id").asText()).isEqualTo(id);
        assertThat(shared.get(0).get("person").asText()).isEqualTo("p-ada");
    }

    @Test
    void aGrantForADecisionAboutCreditIsRefusedCitingTheConstitution() throws Exception {
        HttpResponse<String> refused = server.change("POST", "/api/v1/me/grants",
                grant("olga", "[]", true, "credit", server.now().plus(Duration.ofDays(3))), ada);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("purpose: breaks clause art-8")
                .contains("no data or score is shared for a decision about credit");
        assertThat(server.getJson("/api/v1/me/grants", ada).get("grants").findValuesAsText("active"))
                .doesNotContain("true");
    }

    @Test
    void aMalformedGrantIsRefusedNamingTheField() throws Exception {
        Instant soon = server.now().plus(Duration.ofDays(3));
        Instant tooLate = server.now().plus(Duration.ofDays(400));
        assertRefused(grant("nobody", "[\"obligations\"]", false, "support", soon), 400,
                "party: there is no account 'nobody'");
        assertRefused(grant("ada", "[\"obligations\"]", false, "support", soon), 400, "party: you see your own");
        assertRefused(grant("olga", "[\"horoscope\"]", false, "support", soon), 400,
                "categories: 'horoscope' is not a category");
        assertRefused(grant("olga", "[]", false, "support", soon), 400, "categories: name at least one");
        assertRefused(grant("olga", "[\"obligations\"]", false, "support", tooLate), 400,
                "expiresAt: must be in the future and at most 366 days away");
        assertRefused(grant("olga", "[\"obligations\"]", false, "support", soon).replace("}",
                ",\"person\":\"p-bob\"}"), 400, "person: unknown field");
        assertRefused("{\"party\":", 400, "the body is not valid JSON");
        assertRefused("[".repeat(5_000), 400, "the body is not valid JSON");
        assertRefused("{\"party\":\"" + "x".repeat(70_000) + "\"}", 413, "at most 65536 bytes");
        assertThat(server.getJson("/api/v1/me/grants", ada).get("grants").findValuesAsText("active"))
                .doesNotContain("true");
    }

    private void assertRefused(String body, int status, String message) throws Exception {
        HttpResponse<String> refused = server.change("POST", "/api/v1/me/grants", body, ada);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(status);
        assertThat(refused.body()).contains(message);
    }

    @Test
    void nobodyRevokesAGrantTheyDidNotGive() throws Exception {
        String id = share("[\"obligations\"]", false);
        TestServer.Session bob = server.login("bob", "hunter2 hunter2");

        assertThat(server.change("DELETE", "/api/v1/me/grants/" + id, null, bob).statusCode()).isEqualTo(404);
        assertThat(server.change("DELETE", "/api/v1/me/grants/" + id, null, olga).statusCode()).isEqualTo(403);
        assertThat(categoriesOlgaSees()).containsExactly("obligations");
    }
}
