package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storm of sign-ins at a server in a JVM of its own, with a heap of 512 MiB. Each password check holds 19 MiB while
 * it runs, so a few hundred at once would need gigabytes. Throughout the storm {@code /health} must answer within a
 * few seconds, every sign-in must be answered (signed in, or 503 with when to try again), and the server must live on:
 * it runs with {@code -XX:+ExitOnOutOfMemoryError}, so running out of heap ends it.
 */
class LoginStormIT {

    private static final int SIGN_INS = 250;
    private static final Duration HEALTH_WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path work;

    private final HttpClient storm = HttpClient.newHttpClient();
    private final HttpClient probe = HttpClient.newBuilder().connectTimeout(HEALTH_WITHIN).build();

    @Test
    void aStormOfSignInsNeitherExhaustsTheHeapNorKeepsHealthWaiting() throws Exception {
        Path log = work.resolve("server.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                ForkedServer.class.getName(), work.resolve("address").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String url = addressOf(server, log);
            List<CompletableFuture<HttpResponse<String>>> signIns = new ArrayList<>();
            for (int i = 0; i < SIGN_INS; i++) {
                signIns.add(storm.sendAsync(signIn(url), HttpResponse.BodyHandlers.ofString()));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(signIns.toArray(CompletableFuture[]::new));
            int probes = 0;
            while (!all.isDone()) {
                assertThat(health(url, server, log)).as("health during the storm").isEqualTo(200);
                probes++;
                Thread.sleep(100);
            }

            assertThat(server.isAlive()).as("the server lives on; its log:%n%s", tail(log)).isTrue();
            Map<Integer, Integer> answers = new TreeMap<>();
            for (CompletableFuture<HttpResponse<String>> signIn : signIns) {
                HttpResponse<String> answer = signIn.get();
                answers.merge(answer.statusCode(), 1, Integer::sum);
                if (answer.statusCode() == 503) {
                    assertThat(answer.headers().firstValue("Retry-After")).contains("1");
                }
            }
            assertThat(answers.keySet()).as("answers by status: %s", answers).containsAnyOf(200).isSubsetOf(200, 503);
            assertThat(probes).as("health was asked during the storm").isPositive();
            assertThat(health(url, server, log)).isEqualTo(200);
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static HttpRequest signIn(String url) {
        return HttpRequest.newBuilder(URI.create(url + "/api/v1/session")).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + ForkedServer.USERNAME
                        + "\",\"password\":\"" + ForkedServer.PASSWORD + "\"}"))
                .build();
    }

    /** The status {@code /health} answers with, failing the test if it does not answer within the time allowed. */
    private int health(String url, Process server, Path log) throws IOException, InterruptedException {
        try {
            return probe.send(HttpRequest.newBuilder(URI.create(url + "/health")).timeout(HEALTH_WITHIN).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException unanswered) {
            throw new AssertionError("/health did not answer within " + HEALTH_WITHIN.toSeconds() + " s ("
                    + unanswered + "); the server " + (server.isAlive() ? "runs" : "died") + "; its log:\n"
                    + tail(log), unanswered);
        }
    }

    /** Waits, at most a minute, for the server to write its address. */
    private String addressOf(Process server, Path log) throws Exception {
        Path address = work.resolve("address");
        for (int waited = 0; waited < 600 && !Files.exists(address); waited++) {
            assertThat(server.isAlive()).as("the server started; its log:%n%s", tail(log)).isTrue();
            Thread.sleep(100);
        }
        assertThat(address).as("the server's address; its log:%n%s", tail(log)).exists();
        return Files.readString(address);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
