package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.server.TestServer.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.civitas.transparency.Checkpoint;
import org.civitas.transparency.Proofs;
import org.civitas.transparency.SignedNote;
import org.civitas.transparency.Witness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transparency log through real HTTP: a checkpoint signed with the published key over every ledger entry; a
 * person's proof that their event is in it, which a verifier checks with nothing but the checkpoint; a consistency
 * proof that the log only grew; and proofs that stay good after the person erases the event's data.
 */
class TransparencyLogIT {

    private static final HexFormat HEX = HexFormat.of();

    private static TestServer server;
    private static RegisteredSource traffic;
    private static RegisteredSource browser;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(new StorageSettings.InMemory("log-" + UUID.randomUUID()));
        traffic = server.source("city-traffic", "speeding", "traffic");
        browser = server.source("browser-companion", "web-visit", "browsing");
        server.citizen("ada", "p-ada", "ada's password");
        server.citizen("bob", "p-bob", "bob's password");
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            events.append(event("city-traffic", "speed-" + i, i % 2 == 0 ? "p-ada" : "p-bob", "speeding",
                    server.now().minus(Duration.ofDays(i + 1)), "{\"kmhOver\":" + (12 + i) + "}")).append('\n');
        }
        assertThat(server.postEvents(traffic, events.toString()).statusCode()).isEqualTo(200);
        assertThat(server.postEvents(browser, event("browser-companion", "visit-1", "p-ada", "web-visit",
                server.now().minus(Duration.ofHours(3)), "{\"site\":\"news.example\",\"seconds\":120}"))
                .statusCode()).isEqualTo(200);
        server.awaitProjection();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String key() throws Exception {
        return server.get("/api/v1/log/key", null).body().strip();
    }

    /** The checkpoint the server publishes, once it has signed the ledger as it is (as it does each minute). */
    private static Checkpoint checkpoint() throws Exception {
        server.awaitProjection();
        server.server().civitas().logs().signCheckpoints();
        HttpResponse<String> note = server.get("/api/v1/log/checkpoint", null);
        assertThat(note.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        return Checkpoint.parse(SignedNote.verify(note.body(), key()).body()).orElseThrow();
    }

    private static void assertProves(JsonNode proof) throws Exception {
        byte[] entry = Base64.getDecoder().decode(proof.get("entry").asText());
        byte[] leafHash = HEX.parseHex(proof.get("leafHash").asText());
        assertThat(leafHash).isEqualTo(Proofs.leafHash(entry));
        Checkpoint signed = Checkpoint.parse(SignedNote.verify(proof.get("checkpoint").asText(), key()).body())
                .orElseThrow();
        assertThat(signed.size()).isEqualTo(proof.get("treeSize").asLong());
        List<byte[]> path = new ArrayList<>();
        proof.get("path").forEach(hash -> path.add(HEX.parseHex(hash.asText())));
        assertThat(Proofs.checkInclusion(proof.get("index").asLong(), signed.size(), leafHash, path, signed.root()))
                .isEmpty();
    }

    @Test
    void aCheckpointSignsEveryEntryAndAPersonsEventProvesAgainstIt() throws Exception {
        TestServer.Session ada = server.login("ada", "ada's password");
        Checkpoint checkpoint = checkpoint();
        assertThat(checkpoint.size()).isEqualTo(server.server().civitas().projectors().committed());
        assertThat(checkpoint.origin()).isEqualTo(key().split("\\+")[0]);

        HttpResponse<String> proof = server.get("/api/v1/me/events/speed-0/proof", ada);

        assertThat(proof.statusCode()).as(proof.body()).isEqualTo(200);
        assertThat(proof.headers().firstValue("Content-Disposition")).get().asString().contains("attachment");
        assertProves(TestServer.JSON.readTree(proof.body()));
        assertThat(server.get("/api/v1/me/events/speed-1/proof", ada).statusCode()).as("bob's").isEqualTo(404);
        assertThat(server.get("/api/v1/me/events/speed-0/proof", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theLogOnlyGrowsAndAConsistencyProofShowsIt() throws Exception {
        Checkpoint before = checkpoint();
        assertThat(server.postEvents(traffic, event("city-traffic", "speed-late", "p-bob", "speeding",
                server.now().minus(Duration.ofHours(1)), "{\"kmhOver\":15}")).statusCode()).isEqualTo(200);
        Checkpoint after = checkpoint();
        assertThat(after.size()).isGreaterThan(before.size());

        JsonNode consistency = server.getJson("/api/v1/log/consistency?from=" + before.size() + "&to=" + after.size(),
                null);

        List<byte[]> path = new ArrayList<>();
        consistency.get("path").forEach(hash -> path.add(HEX.parseHex(hash.asText())));
        assertThat(Proofs.checkConsistency(before.size(), after.size(), before.root(), after.root(), path)).isEmpty();
        assertThat(server.get("/api/v1/log/consistency?from=0&to=1", null).statusCode()).isEqualTo(400);
        assertThat(server.getJson("/api/v1/log/consistency?partition=0&from=" + before.size() + "&to="
                + after.size(), null)).as("the file ledger's one log is log 0").isEqualTo(consistency);
        assertThat(server.get("/api/v1/log/checkpoint?partition=1", null).body())
                .contains("partition: the ledger is one log, 0, not '1'");
        assertThat(server.get("/api/v1/log/consistency?from=1&to=" + (after.size() + 1), null).body())
                .contains("to: sizes from 1 to the log's");
    }

    @Test
    void erasingAnEventsDataLeavesItsProofGood() throws Exception {
        TestServer.Session ada = server.login("ada", "ada's password");
        JsonNode before = TestServer.JSON.readTree(server.get("/api/v1/me/events/visit-1/proof", ada).body());
        assertThat(Base64.getDecoder().decode(before.get("entry").asText())).asString()
                .as("the leaf is over the sealed entry").doesNotContain("news.example");

        assertThat(server.change("POST", "/api/v1/me/erase", "{\"categories\":[\"browsing\"]}", ada).statusCode())
                .isEqualTo(200);

        JsonNode after = TestServer.JSON.readTree(server.get("/api/v1/me/events/visit-1/proof", ada).body());
        assertThat(after.get("entry")).isEqualTo(before.get("entry"));
        assertProves(after);
        assertProves(before);
    }

    @Test
    void aWitnessCosignsTheLogAsItGrowsAndTheCheckpointShowsTheCosignature() throws Exception {
        Witness witness = Witness.open(Files.createTempDirectory("witness"), "witness.test/w1", key());
        witness.observe(server.get("/api/v1/log/checkpoint", null).body(), this::consistency, server.now());
        assertThat(server.postEvents(traffic, event("city-traffic", "speed-witnessed", "p-ada", "speeding",
                server.now().minus(Duration.ofHours(2)), "{\"kmhOver\":11}")).statusCode()).isEqualTo(200);

        server.server().civitas().logs().signCheckpoints();
        Witness.Taken taken = witness.observe(server.get("/api/v1/log/checkpoint", null).body(), this::consistency,
                server.now());
        String note = TestServer.JSON.writeValueAsString(taken.body() + "\n" + taken.cosignature());
        assertThat(post("{\"key\":\"" + witness.verifierKey() + "\",\"note\":" + note + "}").statusCode())
                .as("a witness its operator does not list").isEqualTo(403);
        Files.writeString(server.dataDirectory().resolve("log").resolve("witnesses"), witness.verifierKey() + "\n");
        HttpResponse<String> handedIn = post("{\"key\":\"" + witness.verifierKey() + "\",\"note\":"
                + TestServer.JSON.writeValueAsString(taken.body() + "\n" + taken.cosignature()) + "}");

        assertThat(handedIn.statusCode()).as(handedIn.body()).isEqualTo(201);
        String shown = server.get("/api/v1/log/checkpoint", null).body();
        assertThat(SignedNote.verify(shown, key()).body()).isEqualTo(taken.body());
        assertThat(shown).contains(taken.cosignature());
        assertThat(server.getJson("/api/v1/log/witnesses", null).toString()).contains("witness.test/w1")
                .contains("\"size\":" + taken.checkpoint().size());
        String[] line = taken.cosignature().strip().split(" ");
        byte[] signed = Base64.getDecoder().decode(line[2]);
        signed[signed.length - 1] ^= 1;
        String forged = line[0] + " " + line[1] + " " + Base64.getEncoder().encodeToString(signed) + "\n";
        String forgedNote = TestServer.JSON.writeValueAsString(taken.body() + "\n" + forged);
        assertThat(post("{\"key\":\"" + witness.verifierKey() + "\",\"note\":" + forgedNote + "}").body())
                .contains("note: the cosignature of witness.test/w1 does not hold");
        assertThat(post("{\"key\":\"" + witness.verifierKey() + "\",\"note\":\"origin\\n1\\nAAAA\\n\\n\"}").body())
                .contains("not one of the 64 latest checkpoints");
    }

    private List<byte[]> consistency(long from, long to) {
        try {
            List<byte[]> path = new ArrayList<>();
            server.getJson("/api/v1/log/consistency?from=" + from + "&to=" + to, null).get("path")
                    .forEach(hash -> path.add(HEX.parseHex(hash.asText())));
            return path;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String json) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/api/v1/log/cosignatures"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
