package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;

/**
 * A test server in a JVM of its own, so that a test can choose its heap: on H2 in memory, with the citizen Ada and
 * the source {@value #SOURCE}, run with {@code -XX:+ExitOnOutOfMemoryError}, so running out of heap ends it. Its
 * {@link #main} writes the server's address and the source's key and secret to the file its first argument names,
 * and stops the server when its standard input closes. Its clock stands still at {@link TestServer#START}: the test,
 * in another JVM, cannot move it, and signs what it sends with that time.
 */
final class ForkedServer implements AutoCloseable {

    static final String USERNAME = "ada";
    static final String PASSWORD = "correct horse";
    static final String SOURCE = "city-traffic";
    static final Duration HEALTH_WITHIN = Duration.ofSeconds(5);

    private final Process process;
    private final Path log;
    private final List<String> written;
    private final HttpClient probe = HttpClient.newBuilder().connectTimeout(HEALTH_WITHIN).build();

    private ForkedServer(Process process, Path log, List<String> written) {
        this.process = process;
        this.log = log;
        this.written = written;
    }

    public static void main(String[] args) throws Exception {
        Path address = Path.of(args[0]);
        try (TestServer server = TestServer.start(new StorageSettings.InMemory("forked-" + UUID.randomUUID()))) {
            server.citizen(USERNAME, "p-ada", PASSWORD);
            RegisteredSource source = server.source(SOURCE, "speeding", "traffic");
            Path part = Files.write(address.resolveSibling(address.getFileName() + ".part"),
                    List.of(server.server().url(), source.keyId(), source.secret()));
            Files.move(part, address, StandardCopyOption.ATOMIC_MOVE);
            while (System.in.read() >= 0) {
                // Runs until the test closes our standard input.
            }
        }
    }

    /** Starts a server with a heap of {@code heap} (as -Xmx takes it) in {@code work}; waits for it to listen. */
    static ForkedServer start(Path work, String heap) throws Exception {
        Path log = work.resolve("server.log");
        Path address = work.resolve("address");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                ForkedServer.class.getName(), address.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ForkedServer server = new ForkedServer(process, log, List.of());
        for (int waited = 0; waited < 600 && !Files.exists(address); waited++) {
            assertThat(process.isAlive()).as("the server started; its log:%n%s", server.tail()).isTrue();
            Thread.sleep(100);
        }
        assertThat(address).as("the server's address; its log:%n%s", server.tail()).exists();
        return new ForkedServer(process, log, Files.readAllLines(address));
    }

    String url() {
        return written.get(0);
    }

    /** The key of {@value #SOURCE}. */
    String sourceKey() {
        return written.get(1);
    }

    /** The secret of {@value #SOURCE}. */
    String sourceSecret() {
        return written.get(2);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The status {@code /health} answers with, failing the test if it does not answer within the time allowed. */
    int health() throws IOException, InterruptedException {
        try {
            return probe.send(HttpRequest.newBuilder(URI.create(url() + "/health")).timeout(HEALTH_WITHIN).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException unanswered) {
            throw new AssertionError("/health did not answer within " + HEALTH_WITHIN.toSeconds() + " s ("
                    + unanswered + "); the server " + (process.isAlive() ? "runs" : "died") + "; its log:\n"
                    + tail(), unanswered);
        }
    }

    /** The last lines the server logged. */
    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
