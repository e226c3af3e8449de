package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.server.TestServer.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.civitas.store.vault.VaultQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** A citizen's own data through {@code /api/v1/me}, through real HTTP, on H2 and on PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class MeApiIT {

    private static final ServersPerStorage SERVERS = new ServersPerStorage();
    private static final Instant TODAY = TestServer.START.truncatedTo(ChronoUnit.DAYS);

    @Parameter
    Supplier<StorageSettings> storage;

    private TestServer server;
    private TestServer.Session ada;

    @BeforeEach
    void connect() throws Exception {
        server = SERVERS.serverFor(storage, MeApiIT::history);
        ada = server.login("ada", "correct horse");
    }

    @AfterAll
    static void stop() throws Exception {
        SERVERS.close();
    }

    /** Ada's (and Bob's) last forty days: browsing, places, viewing, a late bill. */
    private static void history(TestServer server) throws Exception {
        server.citizen("ada", "p-ada", "correct horse");
        server.citizen("bob", "p-bob", "hunter2 hunter2");
        RegisteredSource browser = server.source("browser-companion", "web-visit", "browsing");
        RegisteredSource transit = server.source("transit-app", "gps-point", "location");
        RegisteredSource utility = server.source("lakeside-utilities", "bill-payment", "obligations");
        StringBuilder visits = new StringBuilder();
        StringBuilder places = new StringBuilder();
        for (int day = 0; day < 40; day++) {
            Instant at = TODAY.minus(Duration.ofDays(day)).plusSeconds(9 * 3600);
            visits.append(event("browser-companion", "w-" + day, "p-ada", "web-visit", at,
                    "{\"site\":\"news.example\",\"seconds\":600}")).append('\n');
            String site = day < 20 ? "shop.example" : "wiki.example";
            visits.append(event("browser-companion", "x-" + day, "p-ada", "web-visit", at.plusSeconds(60),
                    "{\"site\":\"" + site + "\",\"seconds\":300}")).append('\n');
            visits.append(event("browser-companion", "b-" + day, "p-bob", "web-visit", at,
                    "{\"site\":\"secret.example\",\"seconds\":60}")).append('\n');
            places.append(event("transit-app", "g-" + day + "-1", "p-ada", "gps-point", at,
                    "{\"lat\":52.01,\"lon\":8.51}")).append('\n');
            places.append(event("transit-app", "g-" + day + "-2", "p-ada", "gps-point", at.plusSeconds(900),
                    "{\"lat\":52.05,\"lon\":8.55}")).append('\n');
        }
        assertThat(server.postEvents(browser, visits.toString()).statusCode()).isEqualTo(200);
        assertThat(server.postEvents(transit, places.toString()).statusCode()).isEqualTo(200);
        assertThat(server.postEvents(utility, event("lakeside-utilities", "u-1", "p-ada", "bill-payment",
                TODAY.minus(Duration.ofDays(3)), "{\"daysLate\":45}")).statusCode()).isEqualTo(200);
    }

    @Test
    void showsTheScoreWithEveryContributionsReason() throws Exception {
        JsonNode score = server.getJson("/api/v1/me/score", ada);

        assertThat(score.get("person").asText()).isEqualTo("p-ada");
        assertThat(score.get("score").asDouble()).isBetween(990.0, 991.0);
        JsonNode late = score.get("contributions").get(0);
        assertThat(late.get("rule").asText()).isEqualTo("obligations.bill-paid-late");
        assertThat(late.get("title").asText()).isEqualTo("A bill paid more than 30 days late");
        assertThat(late.get("granted").asLong()).isEqualTo(-10);
        assertThat(late.get("fadesBelowHalfPointAt").asText()).isNotEmpty();
        JsonNode history = server.getJson("/api/v1/me/score/history", ada).get("points");
        assertThat(history.get(0).get("score").asDouble()).isEqualTo(1000.0);
        assertThat(history.get(history.size() - 1).get("score").asDouble()).isLessThan(1000.0);
    }

    @Test
    void pagesThroughTheVaultNewestFirstWithFilters() throws Exception {
        List<String> ids = new ArrayList<>();
        String path = "/api/v1/me/events?category=browsing&limit=7";
        while (path != null) {
            JsonNode page = server.getJson(path, ada);
            page.get("events").forEach(event -> ids.add(event.get("id").asText()));
            path = page.get("next").isNull() ? null
                    : "/api/v1/me/events?category=browsing&limit=7&cursor=" + page.get("next").asText();
        }
        JsonNode lastWeek = server.getJson("/api/v1/me/events?type=gps-point&from="
                + TODAY.minus(Duration.ofDays(6)) + "&to=" + TODAY.plus(Duration.ofDays(1)), ada);

        assertThat(ids).hasSize(80).doesNotHaveDuplicates().startsWith("x-0", "w-0", "x-1");
        assertThat(ids).noneMatch(id -> id.startsWith("b-"));
        assertThat(lastWeek.get("events")).hasSize(14);
        assertThat(server.get("/api/v1/me/events?cursor=garbage", ada).statusCode()).isEqualTo(400);
        assertThat(server.getJson("/api/v1/me/events?limit=" + VaultQuery.MAX_LIMIT, ada).get("events"))
                .hasSize(2 * 40 + 2 * 40 + 1);
        assertThat(server.get("/api/v1/me/events?limit=" + (VaultQuery.MAX_LIMIT + 1), ada).body())
                .contains("limit must be from 1 to " + VaultQuery.MAX_LIMIT);
        assertThat(server.get("/api/v1/me/events?from=yesterday", ada).body()).contains("from: 'yesterday'");
    }

    @Test
    void neverShowsAnotherPersonsData() throws Exception {
        TestServer.Session bob = server.login("bob", "hunter2 hunter2");

        assertThat(server.getJson("/api/v1/me/events?person=p-ada", bob).get("events"))
                .allSatisfy(event -> assertThat(event.get("id").asText()).startsWith("b-"));
        assertThat(server.get("/api/v1/people/p-ada/score", bob).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/people/p-ada/events", bob).statusCode()).isEqualTo(404);
        assertThat(server.getJson("/api/v1/me/score?person=p-ada", bob).get("person").asText()).isEqualTo("p-bob");
    }

    @Test
    void worksOutScreenTimeTopSitesAndTrailsFromTheVault() throws Exception {
        JsonNode insights = server.getJson("/api/v1/me/insights?from=" + TODAY.minus(Duration.ofDays(39))
                + "&to=" + TODAY.plus(Duration.ofDays(1)), ada);

        assertThat(insights.get("secondsPerDay").get(0).get("site").asText()).isEqualTo("news.example");
        assertThat(insights.get("secondsPerDay").get(0).get("seconds").get(39).asLong()).isEqualTo(600);
        assertThat(insights.get("days")).hasSize(40);
        assertThat(insights.get("trailDays")).hasSize(40);
        JsonNode months = insights.get("topSitesByMonth");
        assertThat(months.get(0).get("sites").get(0).get("site").asText()).isEqualTo("news.example");
        JsonNode trail = server.getJson("/api/v1/me/trail?date=" + TODAY.toString().substring(0, 10), ada);
        assertThat(trail.get("points")).hasSize(2);
        assertThat(trail.get("points").get(1).get("lat").asDouble()).isEqualTo(52.05);
    }

    @Test
    void exportsEverythingAsAZipOfJsonAndCsv() throws Exception {
        HttpResponse<byte[]> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/me/export"))
                .header("Cookie", ada.cookie()), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files.keySet()).containsExactlyInAnyOrder("README.txt", "events.ndjson", "events.csv",
                "score.json", "access-log.json", "access-log.csv", "account.json");
        assertThat(files.get("events.ndjson").lines()).hasSize(161);
        assertThat(files.get("events.csv").lines()).hasSize(162).first().asString().startsWith("sequence,id,");
        assertThat(files.get("events.ndjson")).doesNotContain("secret.example");
        assertThat(files.get("score.json")).contains("obligations.bill-paid-late");
    }

    @Test
    void theAccessLogIsEmptyWhileNobodyElseHasLooked() throws Exception {
        assertThat(server.getJson("/api/v1/me/access-log", ada).get("accesses")).isEmpty();
    }

    @Test
    void aWhatIfShowsWhatMadeUpConductWouldDoAndKeepsNothing() throws Exception {
        double now = server.getJson("/api/v1/me/score", ada).get("score").asDouble();
        String lateBill = "{\"type\":\"bill-payment\",\"occurredAt\":\"" + server.now().minus(Duration.ofHours(1))
                + "\",\"jurisdiction\":\"lakeside\",\"attributes\":{\"daysLate\":60}}";

        HttpResponse<String> answer = server.change("POST", "/api/v1/me/what-if", "{\"events\":[" + lateBill + "]}",
                ada);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode whatIf = TestServer.JSON.readTree(answer.body());
        assertThat(whatIf.get("current").asDouble()).isEqualTo(now);
        assertThat(whatIf.at("/whatIf/score").asDouble()).isLessThan(now);
        assertThat(whatIf.at("/whatIf/contributions").toString()).contains("what-if-0")
                .contains("obligations.bill-paid-late");
        assertThat(server.getJson("/api/v1/me/score", ada).get("score").asDouble()).as("nothing is kept")
                .isEqualTo(now);
        HttpResponse<String> someoneElse = server.change("POST", "/api/v1/me/what-if", "{\"events\":["
                + lateBill.replace("{\"type\"", "{\"person\":\"p-bob\",\"type\"") + "]}", ada);
        assertThat(someoneElse.statusCode()).isEqualTo(400);
        assertThat(someoneElse.body()).contains("events[0].person");
        HttpResponse<String> broken = server.change("POST", "/api/v1/me/what-if",
                "{\"events\":[{\"type\":\"bill-payment\",\"occurredAt\":\"soon\",\"jurisdiction\":\"lakeside\"}]}",
                ada);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("events[0].occurredAt");
    }
}
