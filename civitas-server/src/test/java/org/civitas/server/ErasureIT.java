package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.server.TestServer.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.civitas.account.Role;
import org.civitas.ledger.FileLedger;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Erasure through real HTTP, on H2 and PostgreSQL: personal-only attributes are sealed in the ledger and the vault;
 * erasing destroys the person's key, and the data is unreadable everywhere while the ledger still verifies and the
 * score stays as it was.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class ErasureIT {

    private static final ServersPerStorage SERVERS = new ServersPerStorage();
    private static final Instant DAY = TestServer.START.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));

    @Parameter
    Supplier<StorageSettings> storage;

    private TestServer server;

    @BeforeEach
    void connect() throws Exception {
        server = SERVERS.serverFor(storage, running -> {
            running.source("browser-companion", "web-visit", "browsing");
            running.source("transit-app", "gps-point", "location");
            running.source("lakeside-utilities", "bill-payment", "obligations");
            running.account("olga", Role.CASEWORKER, Optional.empty(), "case worker 1");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        SERVERS.close();
    }

    /** A citizen of their own, with a visit to a clinic's site, a place and a late bill. */
    private TestServer.Session citizenWithHistory(String name) throws Exception {
        String person = "p-" + name;
        server.citizen(name, person, name + "'s password");
        RegisteredSource browser = server.server().sources().byName("browser-companion").orElseThrow();
        RegisteredSource transit = server.server().sources().byName("transit-app").orElseThrow();
        RegisteredSource utility = server.server().sources().byName("lakeside-utilities").orElseThrow();
        assertThat(server.postEvents(browser, event("browser-companion", "w-" + name, person, "web-visit", DAY,
                "{\"site\":\"clinic-" + name + ".example\",\"seconds\":900}")).statusCode()).isEqualTo(200);
        assertThat(server.postEvents(transit, event("transit-app", "g-" + name, person, "gps-point", DAY,
                "{\"lat\":52.0123,\"lon\":8.5432}")).statusCode()).isEqualTo(200);
        assertThat(server.postEvents(utility, event("lakeside-utilities", "u-" + name, person, "bill-payment", DAY,
                "{\"daysLate\":45}")).statusCode()).isEqualTo(200);
        return server.login(name, name + "'s password");
    }

    private String everythingStoredAbout(String person) {
        List<byte[]> rows = server.server().civitas().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT events FROM vault_batches WHERE person = :person").bind("person", person)
                .mapTo(byte[].class).list());
        StringBuilder all = new StringBuilder();
        rows.forEach(row -> all.append(new String(row, StandardCharsets.UTF_8)).append('\n'));
        return all.toString();
    }

    private String ledgerFiles() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> segments = Files.list(server.dataDirectory().resolve("ledger"))) {
            for (Path segment : segments.toList()) {
                all.append(new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    @Test
    void personalOnlyAttributesAreSealedWhereTheyAreKeptAndOpenOnlyForTheirPerson() throws Exception {
        TestServer.Session ana = citizenWithHistory("ana");

        assertThat(server.getJson("/api/v1/me/events?category=browsing", ana).toString())
                .contains("clinic-ana.example");
        assertThat(everythingStoredAbout("p-ana")).contains("\"daysLate\":45").doesNotContain("clinic-ana.example")
                .doesNotContain("52.0123");
        assertThat(ledgerFiles()).doesNotContain("clinic-ana.example").contains("\"daysLate\":45");
    }

    @Test
    void erasingMakesTheDataUnreadableEverywhereWhileTheLedgerVerifiesAndTheScoreStays() throws Exception {
        TestServer.Session eve = citizenWithHistory("eve");
        double score = server.getJson("/api/v1/me/score", eve).get("score").asDouble();
        server.change("POST", "/api/v1/me/grants", "{\"party\":\"olga\",\"categories\":[\"browsing\"],"
                + "\"purpose\":\"support\",\"expiresAt\":\"" + server.now().plus(Duration.ofDays(3)) + "\"}", eve);
        assertThat(server.get("/api/v1/me/export", eve).body()).isNotEmpty();

        HttpResponse<String> erased = server.change("POST", "/api/v1/me/erase",
                "{\"categories\":[\"browsing\",\"location\"]}", eve);

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(TestServer.JSON.readTree(erased.body()).get("erased")).hasSize(2);
        JsonNode events = server.getJson("/api/v1/me/events", eve).get("events");
        for (JsonNode event : events) {
            boolean personal = List.of("browsing", "location").contains(event.get("category").asText());
            assertThat(event.get("erased").asBoolean()).as(event.toString()).isEqualTo(personal);
            assertThat(event.get("attributes").isNull()).isEqualTo(personal);
        }
        assertThat(events.toString()).doesNotContain("clinic-eve.example").doesNotContain("52.0123")
                .contains("\"daysLate\":45");
        assertThat(exported(eve)).doesNotContain("clinic-eve.example").doesNotContain("52.0123")
                .contains("daysLate");
        TestServer.Session olga = server.login("olga", "case worker 1");
        assertThat(server.getJson("/api/v1/people/p-eve/events", olga).toString())
                .doesNotContain("clinic-eve.example").contains("\"erased\":true");
        assertThat(server.getJson("/api/v1/me/score", eve).get("score").asDouble()).isEqualTo(score);
        assertThat(FileLedger.verify(server.dataDirectory()).intact()).isTrue();
    }

    @Test
    void whatIsRecordedAfterAnErasureIsKeptAgain() throws Exception {
        TestServer.Session ian = citizenWithHistory("ian");
        server.change("POST", "/api/v1/me/erase", "{\"categories\":[\"browsing\"]}", ian);
        RegisteredSource browser = server.server().sources().byName("browser-companion").orElseThrow();

        server.postEvents(browser, event("browser-companion", "w-ian-2", "p-ian", "web-visit", server.now(),
                "{\"site\":\"library.example\",\"seconds\":60}"));

        String browsing = server.getJson("/api/v1/me/events?category=browsing", ian).toString();
        assertThat(browsing).contains("library.example").doesNotContain("clinic-ian.example");
    }

    @Test
    void onlyPersonalOnlyCategoriesCanBeErased() throws Exception {
        TestServer.Session uma = citizenWithHistory("uma");

        HttpResponse<String> refused = server.change("POST", "/api/v1/me/erase",
                "{\"categories\":[\"browsing\",\"obligations\"]}", uma);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("'obligations' is not personal-only");
        assertThat(server.getJson("/api/v1/me/events?category=browsing", uma).toString())
                .as("nothing was erased").contains("clinic-uma.example");
        assertThat(server.change("POST", "/api/v1/me/erase", "{\"categories\":[]}", uma).statusCode())
                .isEqualTo(400);
    }

    private String exported(TestServer.Session session) throws Exception {
        HttpResponse<byte[]> zip = server.send(HttpRequest.newBuilder(server.uri("/api/v1/me/export"))
                .header("Cookie", session.cookie()).GET(), HttpResponse.BodyHandlers.ofByteArray());
        StringBuilder all = new StringBuilder();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                all.append(new String(entries.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
