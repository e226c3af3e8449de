package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.civitas.store.StorageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What anyone may read: the rule books, the API's description, health and metrics; and what every answer carries. */
class PublicApiIT {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(new StorageSettings.InMemory("public-" + UUID.randomUUID()));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void publishesTheRuleBooksInForce() throws Exception {
        JsonNode books = server.getJson("/api/v1/rules", null).get("books");

        assertThat(books).extracting(book -> book.get("jurisdiction").asText())
                .containsExactly("lakeside", "riverton", "vale");
        assertThat(books).extracting(book -> book.get("parent").asText("none")).containsExactly("vale", "vale", "none");
        assertThat(books.get(2).get("rules").get(0).get("binding").asBoolean()).as("the nation's reward for"
                + " exposing corruption holds in every city").isTrue();
        JsonNode rule = books.get(0).get("rules").get(0);
        assertThat(rule.get("id").asText()).isEqualTo("traffic.crossing-in-traffic");
        assertThat(rule.get("when").asText()).contains("ctx.hour");
        assertThat(rule.get("halfLife").asText()).isEqualTo("P60D");
        assertThat(rule.get("capPer").asText()).isEqualTo("P7D");
        assertThat(rule.get("warnFirst").isNull()).isTrue();
        assertThat(books.get(0).get("rules")).filteredOn(each -> each.get("id").asText().equals("traffic.speeding"))
                .singleElement()
                .satisfies(speeding -> assertThat(speeding.get("warnFirst").asText()).isEqualTo("P365D"));
    }

    @Test
    void listsEveryJurisdictionWithItsCharter() throws Exception {
        JsonNode jurisdictions = server.getJson("/api/v1/jurisdictions", null).get("jurisdictions");

        assertThat(jurisdictions).extracting(node -> node.get("jurisdiction").asText())
                .containsExactlyInAnyOrder("lakeside", "riverton", "vale");
        JsonNode charter = jurisdictions.get(0).get("charter");
        assertThat(charter.get("supportThreshold").asText()).isEqualTo("1%");
        assertThat(charter.get("debate").asText()).isEqualTo("P14D");
        assertThat(charter.get("quorum").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(charter.get("majority").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(charter.get("noticePeriod").asText()).isEqualTo("P30D");
        assertThat(jurisdictions.get(0).get("rules").asInt()).isPositive();
    }

    @Test
    void describesTheApiInOpenApi() throws Exception {
        JsonNode document = server.getJson("/api/v1/openapi.json", null);

        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(document.get("paths").has("/api/v1/events")).isTrue();
        assertThat(document.get("paths").has("/api/v1/me/feed")).isTrue();
    }

    @Test
    void reportsHealthAndMetrics() throws Exception {
        JsonNode health = server.getJson("/health", null);
        HttpResponse<String> metrics = server.get("/metrics", null);

        assertThat(health.get("status").asText()).isEqualTo("up");
        assertThat(health.get("vaultLag").asLong()).isZero();
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("civitas_ledger_entries").contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_count");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/api/v1/rules", "/rules", "/login", "/static/civitas.css", "/nowhere"}) {
            HttpResponse<String> response = server.get(path, null);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(policy -> assertThat(policy).contains("frame-ancestors 'none'")
                            .contains("script-src 'self'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    @Test
    void anUnknownApiPathIsA404InJsonAndAnUnknownPageA404Page() throws Exception {
        HttpResponse<String> api = server.get("/api/v1/nowhere", null);
        HttpResponse<String> page = server.get("/nowhere", null);

        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).startsWith("{\"error\":").contains("/api/v1/nowhere not found")
                .endsWith("\"status\":404}");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<h1>Not found</h1>");
    }
}
