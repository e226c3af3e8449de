package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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

    @TempDir
    Path work;

    @Test
    void aStormOfSignInsNeitherExhaustsTheHeapNorKeepsHealthWaiting() throws Exception {
        try (ForkedServer server = ForkedServer.start(work, "512m")) {
            List<CompletableFuture<HttpResponse<String>>> signIns = new ArrayList<>();
            for (int i = 0; i < SIGN_INS; i++) {
                // A client of its own for each sign-in: its own connection, which no other sign-in reuses, so that
                // what is measured is the server's answer, not a race in a shared client's pool of connections.
                signIns.add(HttpClient.newHttpClient().sendAsync(signIn(server.url()),
                        HttpResponse.BodyHandlers.ofString()));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(signIns.toArray(CompletableFuture[]::new));
            int probes = 0;
            while (!all.isDone()) {
                assertThat(server.health()).as("health during the storm").isEqualTo(200);
                probes++;
                Thread.sleep(100);
            }

            assertThat(server.isAlive()).as("the server lives on; its log:%n%s", server.tail()).isTrue();
            Map<Integer, Integer> answers = new TreeMap<>();
            for (CompletableFuture<HttpResponse<String>> signIn : signIns) {
                HttpResponse<String> answer;
                try {
                    answer = signIn.get();
                } catch (ExecutionException e) {
                    throw new AssertionError("a sign-in got no answer; the server's log:\n" + server.tail(), e);
                }
                answers.merge(answer.statusCode(), 1, Integer::sum);
                if (answer.statusCode() == 503) {
                    assertThat(answer.headers().firstValue("Retry-After")).contains("1");
                }
            }
            assertThat(answers.keySet()).as("answers by status: %s", answers).containsAnyOf(200).isSubsetOf(200, 503);
            assertThat(probes).as("health was asked during the storm").isPositive();
            assertThat(server.health()).isEqualTo(200);
        }
    }

    private static HttpRequest signIn(String url) {
        return HttpRequest.newBuilder(URI.create(url + "/api/v1/session")).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + ForkedServer.USERNAME
                        + "\",\"password\":\"" + ForkedServer.PASSWORD + "\"}"))
                .build();
    }
}
