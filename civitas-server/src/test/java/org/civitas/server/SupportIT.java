package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.server.TestServer.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.civitas.account.Role;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.civitas.support.SupportDesk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Support through real HTTP: a score below the base opens an offer of help that only its person sees; an accepted
 * offer reaches the case workers, and each look at it is in the person's access log; demand shows per district in the
 * public statistics only for groups of at least twenty.
 */
class SupportIT {

    private static final int HARBOUR = 45;
    private static final int HARBOUR_LATE = 22;
    private static final int OLD_TOWN = 10;

    private static TestServer server;
    private static SupportDesk desk;

    /**
     * The harbour has 45 residents, 22 of whom paid a bill late (990 points); the old town has 10, half of them late.
     */
    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(new StorageSettings.InMemory("support-" + UUID.randomUUID()));
        RegisteredSource registry = server.source("city-registry", "residence-registered", "residence");
        RegisteredSource utility = server.source("lakeside-utilities", "bill-payment", "obligations");
        StringBuilder homes = new StringBuilder();
        StringBuilder bills = new StringBuilder();
        Instant day = server.now().minus(Duration.ofDays(1));
        for (int i = 0; i < HARBOUR + OLD_TOWN; i++) {
            boolean harbour = i < HARBOUR;
            String person = (harbour ? "p-h" : "p-o") + i;
            boolean late = harbour ? i < HARBOUR_LATE : i % 2 == 0;
            homes.append(event("city-registry", "home-" + i, person, "residence-registered", day.minusSeconds(60),
                    "{\"district\":\"" + (harbour ? "harbour" : "old-town") + "\"}")).append('\n');
            bills.append(event("lakeside-utilities", "bill-" + i, person, "bill-payment", day,
                    "{\"daysLate\":" + (late ? 45 : 0) + "}")).append('\n');
        }
        assertThat(server.postEvents(registry, homes.toString()).statusCode()).isEqualTo(200);
        assertThat(server.postEvents(utility, bills.toString()).statusCode()).isEqualTo(200);
        server.citizen("hana", "p-h0", "hana's password");
        server.citizen("hugo", "p-o46", "hugo's password");
        server.citizen("otto", "p-h30", "otto's password");
        server.account("olga", Role.CASEWORKER, Optional.empty(), "olga's password");
        desk = server.server().civitas().supportDesk();
        desk.offerHelp();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aFallenScoreOpensAnOfferThatOnlyItsPersonSeesUntilTheyAccept() throws Exception {
        TestServer.Session hana = server.login("hana", "hana's password");
        TestServer.Session olga = server.login("olga", "olga's password");

        JsonNode offers = server.getJson("/api/v1/me/support", hana).get("offers");
        assertThat(offers).hasSize(1);
        JsonNode offer = offers.get(0);
        assertThat(offer.get("kind").asText()).isEqualTo("debt-advice");
        assertThat(offer.get("status").asText()).isEqualTo("open");
        assertThat(offer.get("reason").asText()).containsPattern("Your score is 99\\d\\.\\d\\d, below the 1000")
                .contains("mostly from obligations");
        assertThat(cases(olga)).doesNotContain("p-h0");

        String id = offer.get("id").asText();
        HttpResponse<String> unknown = server.change("POST", "/api/v1/me/support/" + id,
                "{\"answer\":\"accept\",\"share\":[\"obligations\",\"gossip\"]}", hana);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("share: 'gossip' is not a category");
        assertThat(cases(olga)).as("a refused answer records nothing").doesNotContain("p-h0");

        HttpResponse<String> accepted = server.change("POST", "/api/v1/me/support/" + id,
                "{\"answer\":\"accept\",\"share\":[\"obligations\"]}", hana);

        assertThat(accepted.statusCode()).isEqualTo(200);
        JsonNode answered = TestServer.JSON.readTree(accepted.body());
        assertThat(answered.get("status").asText()).isEqualTo("accepted");
        assertThat(answered.get("shared").toString()).isEqualTo("[\"obligations\"]");
        assertThat(cases(olga)).contains("p-h0").contains("debt-advice").doesNotContain("p-h2");
        JsonNode log = server.getJson("/api/v1/me/access-log", hana);
        assertThat(log.toString()).contains("olga").contains("support case (debt-advice)");
        assertThat(server.change("POST", "/api/v1/me/support/" + id,
                "{\"answer\":\"decline\"}", hana).statusCode()).as("an answered offer stays answered").isEqualTo(404);

        JsonNode shared = server.getJson("/api/v1/support/cases/" + id + "/events", olga).get("events");
        assertThat(shared).as("hana's bill, not her registered home").hasSize(1);
        assertThat(shared.get(0).get("category").asText()).isEqualTo("obligations");
        assertThat(server.getJson("/api/v1/me/access-log", hana).toString())
                .contains("events of their support case in obligations");
        assertThat(server.getJson("/api/v1/officials/record", null).toString()).contains("shared-data-read");
        String grant = server.getJson("/api/v1/me/grants", hana).get("grants").get(0).get("id").asText();
        assertThat(server.change("DELETE", "/api/v1/me/grants/" + grant, null, hana).statusCode()).isEqualTo(204);
        assertThat(server.get("/api/v1/support/cases/" + id + "/events", olga).statusCode())
                .as("revoked, the case shares nothing").isEqualTo(404);
    }

    @Test
    void aCaseWorkerRecordsStepsAndAnOutcomeAndThePersonsConfirmationEarnsThePointsTheBookGives() throws Exception {
        TestServer.Session olga = server.login("olga", "olga's password");
        TestServer.Session otto = server.login("otto", "otto's password");
        String id = desk.offersTo("p-h1").get(0).id();
        server.citizen("hans", "p-h1", "hans's password");
        TestServer.Session hans = server.login("hans", "hans's password");
        server.change("POST", "/api/v1/me/support/" + id, "{\"answer\":\"accept\",\"share\":[\"obligations\"]}",
                hans);
        assertThat(server.change("POST", "/api/v1/me/support/" + id + "/completion", null, hans).statusCode())
                .as("no outcome to confirm yet").isEqualTo(409);

        HttpResponse<String> step = server.change("POST", "/api/v1/support/cases/" + id + "/notes",
                "{\"kind\":\"step\",\"text\":\"first talk about the bills\"}", olga);
        HttpResponse<String> outcome = server.change("POST", "/api/v1/support/cases/" + id + "/notes",
                "{\"kind\":\"outcome\",\"text\":\"a budgeting course\"}", olga);

        assertThat(step.statusCode()).as(step.body()).isEqualTo(201);
        assertThat(outcome.statusCode()).isEqualTo(201);
        assertThat(server.change("POST", "/api/v1/support/cases/" + id + "/notes", "{\"kind\":\"verdict\","
                + "\"text\":\"x\"}", olga).statusCode()).isEqualTo(400);
        JsonNode notes = server.getJson("/api/v1/me/support/" + id + "/notes", hans).get("notes");
        assertThat(notes).hasSize(2);
        assertThat(notes.get(1).get("kind").asText()).isEqualTo("outcome");
        assertThat(notes.get(1).get("badge").asText()).startsWith("C-");
        assertThat(server.get("/api/v1/me/support/" + id + "/notes", otto).statusCode()).isEqualTo(404);
        assertThat(server.change("POST", "/api/v1/me/support/" + id + "/completion", null, otto).statusCode())
                .isEqualTo(404);

        HttpResponse<String> completed = server.change("POST", "/api/v1/me/support/" + id + "/completion", null,
                hans);

        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        assertThat(TestServer.JSON.readTree(completed.body()).get("status").asText()).isEqualTo("completed");
        server.awaitProjection();
        assertThat(server.getJson("/api/v1/me/score", hans).toString()).contains("civic.support-completed")
                .contains("\"granted\":5");
        assertThat(server.change("POST", "/api/v1/me/support/" + id + "/completion", null, hans).statusCode())
                .as("completed once").isEqualTo(409);
        assertThat(cases(olga)).as("a completed case is no longer open").doesNotContain(id);
        assertThat(server.getJson("/api/v1/me/grants", hans).get("grants").get(0).get("active").asBoolean())
                .as("a completed case shares no more").isFalse();
        assertThat(server.getJson("/api/v1/officials/record", null).toString()).contains("case-noted");
    }

    @Test
    void aDeclinedOfferGoesNowhereAndIsNotMadeAgain() throws Exception {
        TestServer.Session hugo = server.login("hugo", "hugo's password");
        String id = server.getJson("/api/v1/me/support", hugo).get("offers").get(0).get("id").asText();

        HttpResponse<String> unclear = server.change("POST", "/api/v1/me/support/" + id, "{\"answer\":\"maybe\"}",
                hugo);
        assertThat(unclear.statusCode()).isEqualTo(400);
        assertThat(unclear.body()).contains("answer: must be \\\"accept\\\" or \\\"decline\\\"");
        assertThat(server.change("POST", "/api/v1/me/support/" + id, "{\"answer\":\"decline\"}", hugo).statusCode())
                .isEqualTo(200);
        desk.offerHelp();

        assertThat(server.getJson("/api/v1/me/support", hugo).get("offers")).hasSize(1);
        assertThat(cases(server.login("olga", "olga's password"))).doesNotContain("p-o46");
    }

    @Test
    void noOfferForAGoodScoreAndNoAnsweringSomeoneElsesOffer() throws Exception {
        TestServer.Session otto = server.login("otto", "otto's password");
        TestServer.Session hana = server.login("hana", "hana's password");
        String hugosOffer = desk.offersTo("p-o46").get(0).id();

        assertThat(server.getJson("/api/v1/me/support", otto).get("offers")).isEmpty();
        assertThat(server.change("POST", "/api/v1/me/support/" + hugosOffer, "{\"answer\":\"accept\"}", hana)
                .statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/support/cases", hana).statusCode()).isEqualTo(403);
    }

    @Test
    void publicStatisticsShowDemandPerDistrictOnlyForGroupsOfTwenty() throws Exception {
        JsonNode support = server.getJson("/api/v1/stats", null).get("support");

        assertThat(support).hasSize(2);
        JsonNode harbour = support.get(0);
        assertThat(harbour.get("district").asText()).isEqualTo("harbour");
        assertThat(harbour.get("residents").asInt()).isEqualTo(HARBOUR);
        assertThat(harbour.get("seekingHelp").asInt()).isEqualTo(HARBOUR_LATE);
        JsonNode oldTown = support.get(1);
        assertThat(oldTown.get("district").asText()).isEqualTo("old-town");
        assertThat(oldTown.get("residents").isNull()).isTrue();
        assertThat(oldTown.get("seekingHelp").isNull()).isTrue();
        assertThat(server.get("/stats", null).body()).contains("Support demand by district").contains("harbour")
                .contains("not shown");
    }

    private static String cases(TestServer.Session caseWorker) throws Exception {
        return server.getJson("/api/v1/support/cases", caseWorker).toString();
    }
}
