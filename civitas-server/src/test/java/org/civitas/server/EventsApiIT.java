package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.server.TestServer.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;
import org.civitas.ndjson.RefusedLines;
import org.civitas.server.ingest.EventsApi;
import org.civitas.server.ingest.SourceAuthenticator;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /api/v1/events}, through real HTTP, on H2 and on PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class EventsApiIT {

    private static final Instant AT = Instant.parse("2026-10-01T12:00:00Z");
    private static final ServersPerStorage SERVERS = new ServersPerStorage();

    @Parameter
    Supplier<StorageSettings> storage;

    private TestServer server;
    private RegisteredSource traffic;
    private TestServer.Session ada;

    @BeforeEach
    void connect() throws Exception {
        server = SERVERS.serverFor(storage, started -> {
            started.source("city-traffic", "speeding", "traffic", "red-light-crossing", "traffic");
            started.citizen("ada", "p-ada", "correct horse");
        });
        traffic = server.server().sources().byName("city-traffic").orElseThrow();
        ada = server.login("ada", "correct horse");
    }

    @AfterAll
    static void stop() throws Exception {
        SERVERS.close();
    }

    private static String speeding(String id, String person, int kmhOver) {
        return event("city-traffic", id, person, "speeding", AT, "{\"kmhOver\":" + kmhOver + "}");
    }

    @Test
    void acceptsASignedBatchAndTheEventsReachTheVaultAndTheScore() throws Exception {
        HttpResponse<String> response = server.postEvents(traffic, speeding("s-1", "p-ada", 35) + "\n"
                + speeding("s-2", "p-ada", 5) + "\n");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"accepted\":2,\"duplicates\":0,\"rejectedLines\":0,\"rejected\":[]}");
        JsonNode events = server.getJson("/api/v1/me/events?type=speeding", ada).get("events");
        assertThat(events).extracting(event -> event.get("id").asText()).contains("s-1", "s-2");
        assertThat(events.get(0).get("category").asText()).isEqualTo("traffic");
        JsonNode score = server.getJson("/api/v1/me/score", ada);
        assertThat(score.get("contributions")).extracting(c -> c.get("rule").asText())
                .contains("traffic.speeding-severe");
    }

    @Test
    void countsARepeatedEventOnce() throws Exception {
        server.postEvents(traffic, speeding("dup-1", "p-bob", 12));

        HttpResponse<String> again = server.postEvents(traffic, speeding("dup-1", "p-bob", 40) + "\n"
                + speeding("dup-2", "p-bob", 12));

        assertThat(again.body()).isEqualTo("{\"accepted\":1,\"duplicates\":1,\"rejectedLines\":0,\"rejected\":[]}");
    }

    @Test
    void keepsTheValidLinesAndNamesEachMalformedOneByNumber() throws Exception {
        HttpResponse<String> response = server.postEvents(traffic, speeding("m-1", "p-cy", 20) + "\n"
                + "{\"id\":\"m-2\"\n"
                + speeding("m-3", "p-cy", 20).replace("2026-10-01T12:00:00Z", "yesterday") + "\n"
                + speeding("m-4", "p-cy", 20).replace("\"city-traffic\"", "\"bank\"") + "\n"
                + speeding("m-5", "p-cy", 20) + "\n");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = TestServer.JSON.readTree(response.body());
        assertThat(report.get("accepted").asLong()).isEqualTo(2);
        assertThat(report.get("rejected")).extracting(line -> line.get("line").asLong()).containsExactly(2L, 3L, 4L);
        assertThat(report.get("rejected").get(1).get("error").asText()).startsWith("occurredAt: \"yesterday\"");
        assertThat(report.get("rejected").get(2).get("error").asText())
                .isEqualTo("source: must be 'city-traffic', the source this key belongs to, not 'bank'");
    }

    @Test
    void refusesABatchWithNothingValidWith400() throws Exception {
        HttpResponse<String> response = server.postEvents(traffic, "not json\n{}\n");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"accepted\":0").contains("\"line\":1").contains("\"line\":2");
    }

    @Test
    void refusesTheLinesOfATypeTheSourceDidNotRegisterOrOfAJurisdictionWithoutARuleBook() throws Exception {
        HttpResponse<String> response = server.postEvents(traffic, speeding("t-1", "p-dee", 20) + "\n"
                + event("city-traffic", "t-2", "p-dee", "bill-payment", AT, "{}") + "\n"
                + speeding("t-3", "p-dee", 20).replace("lakeside", "atlantis") + "\n");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = TestServer.JSON.readTree(response.body());
        assertThat(report.get("accepted").asLong()).isEqualTo(1);
        assertThat(report.get("rejected")).extracting(line -> line.get("error").asText()).containsExactly(
                "type: source 'city-traffic' did not register type 'bill-payment'; it registered ['red-light-crossing',"
                        + " 'speeding']",
                "jurisdiction: 'atlantis' has no rule book here; known are ['lakeside', 'riverton', 'vale']");
    }

    @Test
    void refusesABadSignatureAStaleTimestampAReplayAndAnUnknownKey() throws Exception {
        String body = speeding("sig-1", "p-eve", 20);
        byte[] bytes = body.getBytes();
        long now = server.now().getEpochSecond();
        String signature = SourceAuthenticator.sign(traffic.secret(), Long.toString(now),
                bytes);
        HttpRequest.Builder tampered = HttpRequest.newBuilder(server.uri("/api/v1/events"))
                .header("Authorization", "Bearer " + traffic.keyId())
                .header("X-Civitas-Timestamp", Long.toString(now))
                .header("X-Civitas-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("20", "21")));

        assertThat(server.send(tampered).statusCode()).isEqualTo(401);
        assertThat(server.postEvents(traffic, body, now - 400).statusCode()).isEqualTo(401);
        assertThat(server.postEvents(traffic, body, now + 400).body()).contains("more than five minutes");
        HttpResponse<String> first = server.postEvents(traffic, body, now);
        HttpResponse<String> replay = server.postEvents(traffic, body, now);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("received before");
        HttpResponse<String> unknown = server.send(HttpRequest.newBuilder(server.uri("/api/v1/events"))
                .header("Authorization", "Bearer ck_nobody").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("unknown or revoked source key");
    }

    /**
     * The refusal comes from the declared length, before the body is read; so the client sends the head and the first
     * part of a body it has signed whole, then reads the answer (a client that wrote on while the server closed the
     * connection could lose the answer to a reset).
     */
    @Test
    void refusesABatchOverSixteenMebibytesWith413() throws Exception {
        String line = speeding("big", "p-fay", 20) + "\n";
        byte[] body = line.repeat(17 * 1024 * 1024 / line.length() + 1).getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(server.now().getEpochSecond());
        URI uri = server.uri("/api/v1/events");
        long before = server.server().civitas().projectors().committed();
        String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\n"
                + "Authorization: Bearer " + traffic.keyId() + "\r\n"
                + SourceAuthenticator.TIMESTAMP_HEADER + ": " + timestamp + "\r\n"
                + SourceAuthenticator.SIGNATURE_HEADER + ": " + SourceAuthenticator.sign(traffic.secret(), timestamp,
                        body) + "\r\n"
                + "Content-Type: application/x-ndjson\r\nContent-Length: " + body.length + "\r\n\r\n";

        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 64 * 1024);
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 413 ");
        }
        assertThat(server.server().civitas().projectors().committed()).isEqualTo(before);
    }

    @Test
    void refusesTheRawBytesOfASurrogateAloneAndTheLedgerGoesOnProjecting() throws Exception {
        String before = speeding("u-1", "p-gus", 20) + "\n" + speeding("u-2", "p-gus", 20).replace("}}", ",\"note\":\"");
        byte[] body = concat(before.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xED, (byte) 0xA0,
            (byte) 0x80}, ("\"}}\n" + speeding("u-3", "p-ada", 20) + "\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = server.postEvents(traffic, body, server.now().getEpochSecond());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = TestServer.JSON.readTree(response.body());
        assertThat(report.get("accepted").asLong()).isEqualTo(2);
        assertThat(report.get("rejected")).extracting(line -> line.get("line").asLong()).containsExactly(2L);
        assertThat(report.get("rejected").get(0).get("error").asText())
                .matches("line: byte \\d+: 0xED 0xA0 0x80 is not well-formed UTF-8; send text as UTF-8");
        assertThat(server.getJson("/api/v1/me/events?type=speeding", ada).get("events"))
                .extracting(event -> event.get("id").asText()).contains("u-3");
        assertThat(server.server().civitas().projectors().projected())
                .isEqualTo(server.server().civitas().projectors().committed());
    }

    @Test
    void aLineOfNulBytesLosesOnlyItselfNotTheBatch() throws Exception {
        byte[] body = concat((speeding("z-1", "p-hal", 20) + "\n").getBytes(StandardCharsets.UTF_8),
                new byte[] {0, 0, 0, 0}, ("\n" + speeding("z-2", "p-hal", 20) + "\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = server.postEvents(traffic, body, server.now().getEpochSecond());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = TestServer.JSON.readTree(response.body());
        assertThat(report.get("accepted").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").get(0).get("error").asText()).startsWith("line: byte 1: the control character"
                + " U+0000");
    }

    @Test
    void refusesAnInstantFarInTheFutureAndPathsInNames() throws Exception {
        HttpResponse<String> response = server.postEvents(traffic,
                speeding("f-1", "p-ada", 20).replace(AT.toString(), "+999999999-12-31T23:59:59Z") + "\n"
                + speeding("f-2", "p-ada", 20).replace(AT.toString(), server.now().plusSeconds(2 * 86_400).toString())
                + "\n" + speeding("f-3", "../p-ada", 20) + "\n");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode rejected = TestServer.JSON.readTree(response.body()).get("rejected");
        assertThat(rejected).extracting(line -> line.get("error").asText()).satisfiesExactly(
                error -> assertThat(error).startsWith("occurredAt: +999999999-12-31T23:59:59Z is after "),
                error -> assertThat(error).contains("an event may say it occurred at most 24 hours after it is"
                        + " received"),
                error -> assertThat(error).isEqualTo("person: holds the path separator '/' at character 3"));
        assertThat(server.get("/api/v1/me/events", ada).statusCode()).isEqualTo(200);
    }

    /** 16 MiB of the smallest bad lines: every line counted, the first thousand named, the answer small. */
    @Test
    void aFullBatchOfEmptyObjectsIsCountedAndTheAnswerStaysSmall() throws Exception {
        int lines = (EventsApi.MAX_BODY_BYTES - 1) / 3;
        byte[] body = "{}\n".repeat(lines).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = server.postEvents(traffic, body, server.now().getEpochSecond());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode report = TestServer.JSON.readTree(response.body());
        assertThat(report.get("rejectedLines").asLong()).isEqualTo(lines);
        assertThat(report.get("rejected").findValues("line").stream().map(JsonNode::asLong).distinct())
                .hasSize(RefusedLines.LISTED);
        assertThat(response.body().length()).isLessThan(1 << 20);
        assertThat(server.get("/health", null).statusCode()).isEqualTo(200);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
