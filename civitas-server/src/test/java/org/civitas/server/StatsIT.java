package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.server.TestServer.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Public statistics through real HTTP: groups of at least twenty, never a person, never a question about one. */
class StatsIT {

    private static TestServer server;

    /** Twenty-five people pay on time (1001 points), three pay late (990 points). */
    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(new StorageSettings.InMemory("stats-" + UUID.randomUUID()));
        RegisteredSource utility = server.source("lakeside-utilities", "bill-payment", "obligations");
        StringBuilder bills = new StringBuilder();
        Instant day = server.now().minus(Duration.ofDays(1));
        for (int i = 0; i < 28; i++) {
            bills.append(event("lakeside-utilities", "bill-" + i, "p-" + i, "bill-payment", day,
                    "{\"daysLate\":" + (i < 25 ? 0 : 45) + "}")).append('\n');
        }
        assertThat(server.postEvents(utility, bills.toString()).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void showsOnlyGroupsOfAtLeastTwentyAndHidesWhatTheTotalWouldGiveAway() throws Exception {
        JsonNode stats = server.getJson("/api/v1/stats", null);

        assertThat(stats.get("minimumGroup").asInt()).isEqualTo(20);
        JsonNode lakeside = stats.get("jurisdictions").get(0);
        assertThat(lakeside.get("jurisdiction").asText()).isEqualTo("lakeside");
        assertThat(lakeside.get("people").asInt()).isEqualTo(28);
        assertThat(lakeside.get("scores").findValues("people")).as("3 late payers, so 25 would give them away")
                .allMatch(JsonNode::isNull).hasSize(2);
        JsonNode onTime = rule(stats, "obligations.bill-paid-on-time");
        assertThat(onTime.get("people").asInt()).isEqualTo(25);
        assertThat(onTime.get("contributions").asInt()).isEqualTo(25);
        assertThat(rule(stats, "obligations.bill-paid-late").get("people").isNull()).isTrue();
        assertThat(stats.toString()).doesNotContain("p-1").doesNotContain("p-2");
    }

    private static JsonNode rule(JsonNode stats, String id) {
        for (JsonNode rule : stats.get("rules")) {
            if (rule.get("rule").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + id + " in " + stats);
    }

    @Test
    void refusesEveryQuestionAboutAPersonOrAPlace() throws Exception {
        for (String question : new String[] {"?person=p-1", "?near=52.0,8.5", "?lat=52&lon=8", "?maxScore=990"}) {
            HttpResponse<String> refused = server.get("/api/v1/stats" + question, null);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("statistics take no parameters")
                    .contains("never about a person, a place or who is near whom");
        }
        HttpResponse<String> list = server.get("/api/v1/people", null);
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(list.body()).contains("Civitas answers no list of people and no search among them");
    }

    @Test
    void thePublicPageShowsTheSameFigures() throws Exception {
        HttpResponse<String> page = server.get("/stats", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Scores in lakeside").contains("28 people")
                .contains("fewer than 20").contains("A bill paid on time");
    }
}
