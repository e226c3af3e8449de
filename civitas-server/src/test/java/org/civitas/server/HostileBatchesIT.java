package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.civitas.ndjson.RefusedLines;
import org.civitas.server.ingest.EventsApi;
import org.civitas.server.ingest.SourceAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full batches of the smallest bad lines, several at once, at a server in a JVM of its own with a heap of 512 MiB,
 * beside a full batch of valid events. A batch streams a megabyte at a time and of its refused lines only the first
 * thousand are kept, so none of this may exhaust the heap: {@code /health} answers within a few seconds throughout,
 * every batch gets its report, and the server lives on.
 */
class HostileBatchesIT {

    private static final int EMPTY_OBJECT_BATCHES = 4;

    @TempDir
    Path work;

    private final HttpClient sender = HttpClient.newHttpClient();

    @Test
    void fullBatchesOfEmptyObjectsNeitherExhaustTheHeapNorKeepHealthWaiting() throws Exception {
        int emptyLines = (EventsApi.MAX_BODY_BYTES - 1) / 3;
        byte[] emptyObjects = "{}\n".repeat(emptyLines).getBytes(StandardCharsets.UTF_8);
        byte[] events = validEvents();
        try (ForkedServer server = ForkedServer.start(work, "512m")) {
            List<CompletableFuture<HttpResponse<String>>> bad = new ArrayList<>();
            for (int i = 0; i < EMPTY_OBJECT_BATCHES; i++) {
                bad.add(sender.sendAsync(batch(server, emptyObjects, i), HttpResponse.BodyHandlers.ofString()));
            }
            CompletableFuture<HttpResponse<String>> good = sender.sendAsync(batch(server, events, -1),
                    HttpResponse.BodyHandlers.ofString());
            CompletableFuture<Void> all = CompletableFuture.allOf(good, CompletableFuture.allOf(
                    bad.toArray(CompletableFuture[]::new)));
            int probes = 0;
            while (!all.isDone()) {
                assertThat(server.health()).as("health while the batches are read").isEqualTo(200);
                probes++;
                Thread.sleep(200);
            }

            assertThat(server.isAlive()).as("the server lives on; its log:%n%s", server.tail()).isTrue();
            for (CompletableFuture<HttpResponse<String>> answer : bad) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(400);
                JsonNode report = TestServer.JSON.readTree(answer.get().body());
                assertThat(report.get("rejectedLines").asLong()).isEqualTo(emptyLines);
                assertThat(report.get("rejected").findValues("line").stream().map(JsonNode::asLong).distinct())
                        .hasSize(RefusedLines.LISTED);
            }
            assertThat(good.get().statusCode()).as(good.get().body()).isEqualTo(200);
            assertThat(TestServer.JSON.readTree(good.get().body()).get("accepted").asLong())
                    .isEqualTo(events.length / eventLine(0).length());
            assertThat(probes).as("health was asked while the batches were read").isPositive();
            assertThat(server.health()).isEqualTo(200);
        }
    }

    /** Nearly 16 MiB of valid events, every line of the same length. */
    private static byte[] validEvents() {
        int lines = EventsApi.MAX_BODY_BYTES / eventLine(0).length();
        StringBuilder text = new StringBuilder(EventsApi.MAX_BODY_BYTES);
        for (int i = 0; i < lines; i++) {
            text.append(eventLine(i));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String eventLine(int n) {
        return TestServer.event(ForkedServer.SOURCE, String.format("ev-%08d", n), String.format("p-%05d", n % 50_000),
                "speeding", Instant.parse("2026-10-01T12:00:00Z"), "{\"kmhOver\":12}") + "\n";
    }

    /**
     * The body, signed as the source signs it, at the time by the server's clock; {@code nonce} seconds more or less
     * make the signature of equal bodies differ.
     */
    private static HttpRequest batch(ForkedServer server, byte[] body, int nonce) {
        String timestamp = Long.toString(TestServer.START.getEpochSecond() + nonce);
        return HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/events")).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + server.sourceKey())
                .header(SourceAuthenticator.TIMESTAMP_HEADER, timestamp)
                .header(SourceAuthenticator.SIGNATURE_HEADER,
                        SourceAuthenticator.sign(server.sourceSecret(), timestamp, body))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
