package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.civitas.demo.DemoCity;
import org.civitas.kafka.broker.KafkaBroker;
import org.civitas.kafka.runtime.KafkaSettings;
import org.civitas.kafka.streams.PersonPartitions;
import org.civitas.ledger.EventCodec;
import org.civitas.rules.RuleBookLoader;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.civitas.testkit.ManualClock;
import org.civitas.testkit.TestPostgres;
import org.civitas.transparency.Checkpoint;
import org.civitas.transparency.Proofs;
import org.civitas.transparency.SignedNote;
import org.civitas.transparency.Witness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server on the Kafka runtime, through real HTTP, a real broker and a real PostgreSQL: a source's batch goes
 * through the intake topic and the topology running in the server into the ledger topic, and each partition is
 * projected into the vault and the scores, as the embedded server gives them; a dispute's entry takes the same way;
 * each partition is a transparency log the API serves, with proofs a verifier checks; and a server started again on
 * the same cluster and database resumes each partition where it stopped.
 */
class KafkaServerIT {

    private static final Instant AT = Instant.parse("2026-10-01T12:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path work;

    @Test
    void servesTheSameScoresAsTheEmbeddedServerAndResumesEachPartitionAfterARestart() throws Exception {
        String batch = speeding("s-1", "p-ada", 35) + "\n" + speeding("s-2", "p-ada", 5) + "\n"
                + speeding("s-3", "p-bob", 40) + "\n" + speeding("s-4", "p-cy", 12) + "\n";
        TestPostgres.Database database = TestPostgres.freshDatabase();
        StorageSettings postgres = new StorageSettings.Postgres(database.url(), database.user(), database.password());
        Path data = books(work.resolve("kafka-data"));
        ManualClock clock = new ManualClock(TestServer.START);
        JsonNode embeddedScore;
        try (TestServer embedded = TestServer.startOn(books(work.resolve("embedded-data")),
                new StorageSettings.InMemory("kafka-peer"), new ManualClock(TestServer.START))) {
            assertThat(embedded.postEvents(traffic(embedded), batch).statusCode()).isEqualTo(200);
            embedded.citizen("ada", "p-ada", "correct horse");
            embedded.awaitProjection();
            embeddedScore = embedded.getJson("/api/v1/me/score", embedded.login("ada", "correct horse"));
        }

        try (KafkaBroker broker = KafkaBroker.start(work.resolve("broker"), 0)) {
            KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), "civitas", 3, (short) 1, "civitas-it",
                    work.resolve("streams"));
            ServerSettings settings = new ServerSettings("127.0.0.1", 0, data, postgres, Optional.of(kafka),
                    Optional.empty(), Optional.empty(), clock);
            try (CivitasServer running = CivitasServer.start(settings);
                    TestServer server = TestServer.around(running, clock)) {
                HttpResponse<String> taken = server.postEvents(traffic(server), batch + speeding("s-1", "p-ada", 99));
                assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
                assertThat(taken.body()).contains("\"accepted\":5");
                server.citizen("ada", "p-ada", "correct horse");
                TestServer.Session ada = server.login("ada", "correct horse");
                eventually("Ada's two events in her vault", () -> events(server, ada) == 2);
                JsonNode score = server.getJson("/api/v1/me/score", ada);
                assertThat(score).as("the same score, point for point, as the embedded server's")
                        .isEqualTo(embeddedScore);
                assertThat(score.get("contributions")).extracting(contribution -> contribution.get("rule").asText())
                        .contains("traffic.speeding-severe");

                HttpResponse<String> disputed = server.change("POST", "/api/v1/me/disputes",
                        "{\"event\":\"s-1\",\"reason\":\"I was not driving\"}", ada);
                assertThat(disputed.statusCode()).as(disputed.body()).isEqualTo(201);
                eventually("the disputed point counting nothing", () -> severe(server, ada).get("disputed")
                        .asBoolean());
                assertThat(severe(server, ada).get("granted").asLong()).isZero();
                assertEachPartitionIsALogThatProvesAdasEventAndGrowsConsistently(server, ada);
                assertAWitnessCosignsAPartitionsLog(server, data);
                eventually("no lag on /health", () -> server.getJson("/health", null).get("vaultLag").asLong() == 0);
            }

            try (CivitasServer running = CivitasServer.start(settings);
                    TestServer server = TestServer.around(running, clock)) {
                TestServer.Session ada = server.login("ada", "correct horse");
                eventually("the score back, with the dispute", () -> severe(server, ada).get("disputed")
                        .asBoolean());
                assertThat(events(server, ada)).as("nothing projected twice").isEqualTo(3);
                JsonNode health = server.getJson("/health", null);
                assertThat(health.get("status").asText()).as(health.toString()).isEqualTo("up");
                assertThat(health.get("people").asLong()).isEqualTo(3);
            }
        }
    }

    private static void assertEachPartitionIsALogThatProvesAdasEventAndGrowsConsistently(TestServer server,
            TestServer.Session ada) throws Exception {
        String key = server.get("/api/v1/log/key", null).body().strip();
        HttpResponse<String> unnamed = server.get("/api/v1/log/checkpoint", null);
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(unnamed.body()).contains("the ledger is 3 logs, one a partition");
        assertThat(server.get("/api/v1/log/witnesses", null).statusCode()).as("which partition's witnesses")
                .isEqualTo(400);

        HttpResponse<String> proof = server.get("/api/v1/me/events/s-2/proof", ada);
        assertThat(proof.statusCode()).as(proof.body()).isEqualTo(200);
        JsonNode inclusion = TestServer.JSON.readTree(proof.body());
        Checkpoint against = signed(inclusion.get("checkpoint").asText(), key);
        int partition = PersonPartitions.of("p-ada", 3);
        assertThat(against.origin()).isEqualTo(key.split("\\+")[0] + "/partition/" + partition);
        byte[] entry = Base64.getDecoder().decode(inclusion.get("entry").asText());
        assertThat(EventCodec.decode(entry, 0, entry.length).id()).isEqualTo("s-2");
        assertThat(Proofs.checkInclusion(inclusion.get("index").asLong(), against.size(), Proofs.leafHash(entry),
                hashes(inclusion.get("path")), against.root())).isEmpty();

        Checkpoint before = signed(server.get("/api/v1/log/checkpoint?partition=" + partition, null).body(), key);
        assertThat(server.postEvents(traffic(server), speeding("s-5", "p-ada", 3)).statusCode()).isEqualTo(200);
        eventually("Ada's third event in her vault", () -> events(server, ada) == 3);
        server.server().civitas().logs().signCheckpoints();
        Checkpoint after = signed(server.get("/api/v1/log/checkpoint?partition=" + partition, null).body(), key);
        assertThat(after.size()).isGreaterThan(before.size());
        JsonNode consistency = server.getJson("/api/v1/log/consistency?partition=" + partition + "&from="
                + before.size() + "&to=" + after.size(), null);
        assertThat(Proofs.checkConsistency(before.size(), after.size(), before.root(), after.root(),
                hashes(consistency.get("path")))).isEmpty();
    }

    /** A witness the operator lists takes Ada's partition's checkpoint, cosigns it, and the server shows it. */
    private void assertAWitnessCosignsAPartitionsLog(TestServer server, Path data) throws Exception {
        String key = server.get("/api/v1/log/key", null).body().strip();
        int partition = PersonPartitions.of("p-ada", 3);
        Witness witness = Witness.ofPartition(work.resolve("witness"), "lakeside-watch", key, partition);
        Files.writeString(data.resolve("log").resolve("witnesses"), witness.verifierKey() + "\n");
        String checkpoint = "/api/v1/log/checkpoint?partition=" + partition;
        Witness.Taken taken = witness.observe(server.get(checkpoint, null).body(), (from, to) -> {
            throw new AssertionError("a first look needs no proof");
        }, server.now());

        String cosignature = TestServer.JSON.writeValueAsString(Map.of("key", witness.verifierKey(), "note",
                taken.body() + "\n" + taken.cosignature()));
        HttpResponse<String> handedIn = server.send(HttpRequest.newBuilder(server.uri("/api/v1/log/cosignatures"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(cosignature)));

        assertThat(handedIn.statusCode()).as(handedIn.body()).isEqualTo(201);
        assertThat(server.get(checkpoint, null).body()).contains(taken.cosignature().strip());
        JsonNode witnesses = server.getJson("/api/v1/log/witnesses?partition=" + partition, null).get("witnesses");
        assertThat(witnesses).singleElement().satisfies(cosigned -> assertThat(cosigned.get("size").asLong())
                .isEqualTo(taken.checkpoint().size()));
        assertThat(server.getJson("/api/v1/log/witnesses?partition=" + (partition + 1) % 3, null).get("witnesses"))
                .as("another partition's log").isEmpty();
    }

    private static Checkpoint signed(String note, String key) {
        return Checkpoint.parse(SignedNote.verify(note, key).body()).orElseThrow();
    }

    private static List<byte[]> hashes(JsonNode hex) {
        List<byte[]> hashes = new ArrayList<>();
        hex.forEach(hash -> hashes.add(HexFormat.of().parseHex(hash.asText())));
        return hashes;
    }

    private static Path books(Path data) throws Exception {
        DemoCity.writeRuleBooks(RuleBookLoader.folderIn(Files.createDirectories(data)));
        return data;
    }

    private static RegisteredSource traffic(TestServer server) {
        return server.server().sources().byName("city-traffic")
                .orElseGet(() -> server.source("city-traffic", "speeding", "traffic"));
    }

    private static String speeding(String id, String person, int kmhOver) {
        return TestServer.event("city-traffic", id, person, "speeding", AT, "{\"kmhOver\":" + kmhOver + "}");
    }

    private static int events(TestServer server, TestServer.Session session) throws Exception {
        return server.getJson("/api/v1/me/events?type=speeding", session).get("events").size();
    }

    /** The contribution of Ada's severe speeding, s-1. */
    private static JsonNode severe(TestServer server, TestServer.Session ada) throws Exception {
        for (JsonNode contribution : server.getJson("/api/v1/me/score", ada).get("contributions")) {
            if (contribution.get("event").asText().equals("s-1")) {
                return contribution;
            }
        }
        throw new AssertionError("no contribution of s-1");
    }

    private static void eventually(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
