package org.civitas.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.civitas.account.Account;
import org.civitas.account.Role;
import org.civitas.demo.DemoCity;
import org.civitas.rules.RuleBookLoader;
import org.civitas.server.auth.PasswordHasher;
import org.civitas.server.http.Json;
import org.civitas.server.ingest.SourceAuthenticator;
import org.civitas.source.RegisteredSource;
import org.civitas.source.SourceType;
import org.civitas.store.StorageSettings;
import org.civitas.testkit.ManualClock;

/**
 * A real Civitas server on a free port, with helpers to talk to it over real HTTP as its users would. It runs on a
 * {@link ManualClock} that stands at {@link #START} until the test moves it, and the helpers take their times from
 * that clock, so that no test depends on the day it runs.
 */
final class TestServer implements AutoCloseable {

    static final ObjectMapper JSON = Json.mapper();

    /**
     * Where a test server's clock starts: a day after 2026-10-01, when the tests' events of fixed dates occurred; and
     * in the summer time of Europe/Berlin, the demo books' zone, so that every day the tests look back on (70 at
     * most) has 24 hours.
     */
    static final Instant START = Instant.parse("2026-10-02T12:00:00Z");

    private final Path data;
    private final CivitasServer server;
    private final ManualClock clock;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(Path data, CivitasServer server, ManualClock clock) {
        this.data = data;
        this.server = server;
        this.clock = clock;
    }

    /** Helpers for a server started elsewhere on {@code clock}; closing them leaves the server running. */
    static TestServer around(CivitasServer running, ManualClock clock) {
        return new TestServer(null, running, clock);
    }

    static TestServer start(StorageSettings storage) throws IOException {
        return startOn(Files.createTempDirectory("civitas-server-test"), storage);
    }

    /**
     * A server on a data directory the test prepared (a ledger it wrote, say), under the demo city's rule books;
     * closing it deletes the directory.
     */
    static TestServer startOn(Path data, StorageSettings storage) {
        return startOn(data, storage, new ManualClock(START));
    }

    /**
     * A server on {@code clock}, which the test may share with what it runs beside the server, under the demo city's
     * rule books unless the data directory has its own.
     */
    static TestServer startOn(Path data, StorageSettings storage, ManualClock clock) {
        if (!Files.exists(RuleBookLoader.folderIn(data))) {
            DemoCity.writeRuleBooks(RuleBookLoader.folderIn(data));
        }
        return new TestServer(data, CivitasServer.start(new ServerSettings("127.0.0.1", 0, data, storage,
                Optional.empty(), Optional.empty(), Optional.empty(), clock)), clock);
    }

    CivitasServer server() {
        return server;
    }

    /** The clock the server runs on: a test moves it to let time pass. */
    /** Waits until the projectors have caught up with the ledger: the scores and the vault hold all it committed. */
    void awaitProjection() throws InterruptedException {
        long committed = server.civitas().projectors().committed();
        for (int i = 0; i < 3_000 && server.civitas().projectors().projected() < committed; i++) {
            Thread.sleep(10);
        }
        if (server.civitas().projectors().projected() < committed) {
            throw new AssertionError("the projector is still behind the ledger after 30 s");
        }
    }

    ManualClock clock() {
        return clock;
    }

    /** The time by the server's clock. */
    Instant now() {
        return clock.instant();
    }

    Path dataDirectory() {
        return data;
    }

    URI uri(String path) {
        return URI.create(server.url() + path);
    }

    void citizen(String username, String person, String password) {
        account(username, Role.CITIZEN, Optional.of(person), password);
    }

    void account(String username, Role role, Optional<String> person, String password) {
        server.civitas().accounts().create(List.of(new Account(username, new PasswordHasher().hash(password), role,
                person, now())));
    }

    RegisteredSource source(String name, String... typesAndCategories) {
        List<SourceType> types = new ArrayList<>();
        for (int i = 0; i < typesAndCategories.length; i += 2) {
            types.add(new SourceType(typesAndCategories[i], typesAndCategories[i + 1]));
        }
        return server.sources().register(name, types);
    }

    /** A signed-in session: its cookie and CSRF token. */
    record Session(String cookie, String csrf) {
    }

    Session login(String username, String password) throws Exception {
        HttpResponse<String> response = signIn(username, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        return new Session(cookie, JSON.readTree(response.body()).get("csrfToken").asText());
    }

    /** The answer to signing in, whatever it is. */
    HttpResponse<String> signIn(String username, String password) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + password + "\"}")));
    }

    HttpResponse<String> get(String path, Session session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (session != null) {
            request.header("Cookie", session.cookie());
        }
        return send(request);
    }

    JsonNode getJson(String path, Session session) throws Exception {
        HttpResponse<String> response = get(path, session);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A state-changing request with the session's cookie and CSRF token, and {@code json} as its body if not null. */
    HttpResponse<String> change(String method, String path, String json, Session session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Cookie", session.cookie())
                .header("X-CSRF-Token", session.csrf())
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    /** Posts a batch signed as {@code source} would sign it, at {@code timestamp} (Unix seconds). */
    HttpResponse<String> postEvents(RegisteredSource source, String body, long timestamp) throws Exception {
        return postEvents(source, body.getBytes(StandardCharsets.UTF_8), timestamp);
    }

    /** Posts a batch of any bytes, signed as {@code source} would sign it, at {@code timestamp} (Unix seconds). */
    HttpResponse<String> postEvents(RegisteredSource source, byte[] bytes, long timestamp) throws Exception {
        String signature = SourceAuthenticator.sign(source.secret(), Long.toString(timestamp), bytes);
        return send(HttpRequest.newBuilder(uri("/api/v1/events"))
                .header("Authorization", "Bearer " + source.keyId())
                .header(SourceAuthenticator.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(SourceAuthenticator.SIGNATURE_HEADER, signature)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** A JSON request signed as {@code source} would sign it, at the time by the server's clock; body may be null. */
    HttpResponse<String> signed(String method, String path, RegisteredSource source, String body) throws Exception {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(now().getEpochSecond());
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + source.keyId())
                .header(SourceAuthenticator.TIMESTAMP_HEADER, timestamp)
                .header(SourceAuthenticator.SIGNATURE_HEADER, SourceAuthenticator.sign(source.secret(), timestamp,
                        bytes))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** Posts a batch signed as {@code source} would sign it, at the time by the server's clock. */
    HttpResponse<String> postEvents(RegisteredSource source, String body) throws Exception {
        return postEvents(source, body, now().getEpochSecond());
    }

    /** An answer read off the wire: its status, its headers (by lower-case name) and the rest, as sent. */
    record RawResponse(int status, Map<String, String> headers, String body) {
    }

    /**
     * POSTs {@code json} to {@code path} from the local address {@code from}, which may be any of 127.0.0.0/8: the
     * server sees it as a client of its own address, as it would another machine.
     */
    RawResponse postJsonFrom(String from, String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, end).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                String[] header = lines[i].split(":", 2);
                headers.put(header[0].trim().toLowerCase(Locale.ROOT), header[1].trim());
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, answer.substring(end + 4));
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return http.send(request.build(), handler);
    }

    static String event(String source, String id, String person, String type, Instant at, String attributes) {
        return "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"person\":\"" + person + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + at + "\",\"jurisdiction\":\"lakeside\",\"attributes\":" + attributes + "}";
    }

    @Override
    public void close() throws IOException {
        if (data == null) {
            return;
        }
        server.close();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
