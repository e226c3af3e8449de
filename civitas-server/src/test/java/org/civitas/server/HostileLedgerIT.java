package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.server.TestServer.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.ledger.FileLedger;
import org.civitas.projection.ProjectionRepair;
import org.civitas.server.ops.Repair;
import org.civitas.source.RegisteredSource;
import org.civitas.source.SourceRegistry;
import org.civitas.source.SourceType;
import org.civitas.store.Database;
import org.civitas.store.StorageSettings;
import org.civitas.store.sources.SourceStore;
import org.civitas.testkit.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server started, through real HTTP, on H2 and PostgreSQL, on a ledger holding what older versions let in: an
 * entry whose attributes are not well-formed UTF-8, and an event dated in the last year an instant can name. It
 * starts, says it is degraded and why, and serves everyone else; a repair shows the unreadable entry as such.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileLedgerIT {

    /** {"kmhOver":35,"site":"…"} holding ED A0 80, the UTF-8 form of a lone surrogate: not well-formed UTF-8. */
    private static final byte[] ILL_FORMED = {'{', '"', 'k', 'm', 'h', 'O', 'v', 'e', 'r', '"', ':', '3', '5', ',',
        '"', 's', 'i', 't', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
    private static final Instant AT = Instant.parse("2026-10-01T12:00:00Z");
    private static final Instant LAST_YEAR_OF_INSTANTS = Instant.parse("+999999999-12-31T23:59:59Z");

    @Parameter
    Supplier<StorageSettings> storage;

    private final ManualClock clock = new ManualClock(TestServer.START);
    private StorageSettings settings;
    private Path data;

    private static Event speeding(String id, String person, Instant at, Attributes attributes) {
        return new Event(id, "city-traffic", person, "speeding", at, "lakeside", attributes);
    }

    @BeforeEach
    void writeTheLedgerAndRegisterItsSource() throws Exception {
        settings = storage.get();
        data = Files.createTempDirectory("civitas-hostile-ledger");
        Attributes severe = Attributes.of(Map.of("kmhOver", 35));
        try (FileLedger ledger = FileLedger.open(data)) {
            ledger.append(List.of(speeding("s-1", "p-ada", AT, severe),
                    speeding("s-2", "p-bob", AT, Attributes.ofValidatedJson(ILL_FORMED.clone())),
                    speeding("s-3", "p-cy", AT, severe),
                    speeding("s-4", "p-dee", LAST_YEAR_OF_INSTANTS, severe),
                    speeding("s-5", "p-dee", AT, severe)));
        }
        try (Database database = Database.open(settings)) {
            new SourceRegistry(new SourceStore(database.jdbi()), data, clock).register("city-traffic",
                    List.of(new SourceType("speeding", "traffic")));
        }
    }

    private static void citizens(TestServer server) {
        server.citizen("ada", "p-ada", "ada's password");
        server.citizen("bob", "p-bob", "bob's password");
        server.citizen("dee", "p-dee", "dee's password");
    }

    /** Whether the database could hold the event of the last year of instants: H2 can, PostgreSQL cannot. */
    private static boolean holdsTheLastYear(JsonNode health) {
        return health.get("setAside").get("vault").asLong() == 1;
    }

    @Test
    void startsSaysItIsDegradedAndWhyAndServesEveryoneElse() throws Exception {
        try (TestServer server = TestServer.startOn(data, settings, clock)) {
            citizens(server);

            HttpResponse<String> healthResponse = server.get("/health", null);
            JsonNode health = TestServer.JSON.readTree(healthResponse.body());
            assertThat(healthResponse.statusCode()).isEqualTo(200);
            assertThat(health.get("status").asText()).isEqualTo("degraded");
            assertThat(health.get("projector").asText()).isEqualTo("following");
            assertThat(health.get("reasons").get(0).asText()).contains("set aside by the vault's projection")
                    .contains("'civitas repair'");
            assertThat(health.get("setAside").get("scores").asLong()).isOne();
            assertThat(health.get("vaultLag").asLong()).isZero();

            TestServer.Session ada = server.login("ada", "ada's password");
            assertThat(server.getJson("/api/v1/me/score", ada).get("contributions"))
                    .extracting(contribution -> contribution.get("rule").asText())
                    .containsExactly("traffic.speeding-severe");
            assertThat(server.getJson("/api/v1/me/events", ada).get("events"))
                    .extracting(event -> event.get("id").asText()).containsExactly("s-1");

            TestServer.Session bob = server.login("bob", "bob's password");
            assertThat(server.getJson("/api/v1/me/events", bob).get("events")).isEmpty();
            assertThat(server.getJson("/api/v1/me/score", bob).get("score").asDouble()).isEqualTo(1000.0);

            TestServer.Session dee = server.login("dee", "dee's password");
            JsonNode deesEvents = server.getJson("/api/v1/me/events?limit=1", dee);
            assertThat(deesEvents.get("events").get(0).get("id").asText())
                    .isEqualTo(holdsTheLastYear(health) ? "s-4" : "s-5");
            assertThat(server.get("/api/v1/me/export", dee).statusCode()).isEqualTo(200);

            RegisteredSource traffic = server.server().sources().byName("city-traffic").orElseThrow();
            HttpResponse<String> ingest = server.postEvents(traffic,
                    event("city-traffic", "s-6", "p-cy", "speeding", AT, "{\"kmhOver\":12}"));
            assertThat(ingest.statusCode()).isEqualTo(200);
            assertThat(ingest.body()).startsWith("{\"accepted\":1,");
            assertThat(server.server().civitas().projectors().projected())
                    .as("the ingest answered once its event was projected, not after giving up waiting")
                    .isEqualTo(server.server().civitas().projectors().committed());
        }
    }

    @Test
    void aRepairShowsTheUnreadableEntryInItsPersonsVaultAndTheServerIsUpAgain() throws Exception {
        CivitasServer first = TestServer.startOn(data, settings, clock).server();
        citizens(TestServer.around(first, clock));
        first.close();

        List<ProjectionRepair.Outcome> outcomes = Repair.run(data, settings, clock);

        assertThat(outcomes.get(0).sequence()).isEqualTo(1);
        assertThat(outcomes.get(0).projected()).isFalse();
        assertThat(outcomes.get(0).placeholder()).isTrue();
        assertThat(outcomes.get(0).reason()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("attributes: not well-formed UTF-8"));
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.projected()).isFalse());
        assertThat(Repair.run(data, settings, clock)).as("nothing is left to repair").isEmpty();
        try (TestServer server = TestServer.startOn(data, settings, clock)) {
            JsonNode health = server.getJson("/health", null);
            assertThat(health.get("status").asText()).isEqualTo("up");
            assertThat(health.get("reasons")).isEmpty();
            assertThat(health.get("setAside").get("vault").asLong()).isZero();
            assertThat(health.get("setAside").get("recordedUnreadable").asLong()).isEqualTo(outcomes.size());

            TestServer.Session bob = server.login("bob", "bob's password");
            JsonNode events = server.getJson("/api/v1/me/events", bob).get("events");
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.get("id").asText()).isEqualTo("s-2");
                assertThat(event.get("type").asText()).isEqualTo("speeding");
                assertThat(event.get("attributes").get("$unreadable").asText())
                        .startsWith("attributes: not well-formed UTF-8");
            });
            assertThat(server.getJson("/api/v1/me/score", bob).get("score").asDouble()).isEqualTo(1000.0);
        }
    }
}
