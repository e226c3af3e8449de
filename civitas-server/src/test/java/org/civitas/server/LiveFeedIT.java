package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.server.TestServer.event;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.junit.jupiter.api.Test;

/** The live feed: what a source sends reaches the person's open page within a second of being acknowledged. */
class LiveFeedIT {

    @Test
    void aNewEventAndTheContributionItEarnsArriveWithinASecond() throws Exception {
        try (TestServer server = TestServer.start(new StorageSettings.InMemory("feed-" + UUID.randomUUID()))) {
            RegisteredSource hub = server.source("volunteer-hub", "volunteering", "volunteering");
            server.citizen("ada", "p-ada", "correct horse");
            TestServer.Session ada = server.login("ada", "correct horse");
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            HttpResponse<InputStream> feed = server.send(HttpRequest.newBuilder(server.uri("/api/v1/me/feed"))
                    .header("Cookie", ada.cookie()).header("Accept", "text/event-stream"),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(feed.statusCode()).isEqualTo(200);
            Thread reader = new Thread(() -> read(feed.body(), lines), "feed-reader");
            reader.setDaemon(true);
            reader.start();
            assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo(": connected");

            HttpResponse<String> posted = server.postEvents(hub, event("volunteer-hub", "v-1", "p-ada",
                    "volunteering", server.now(), "{\"hours\":3}"));
            long acknowledged = System.nanoTime();
            assertThat(posted.statusCode()).isEqualTo(200);

            List<String> received = new ArrayList<>();
            while (received.stream().filter(line -> line.startsWith("data:")).count() < 2) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                assertThat(line).as("the feed fell silent after %s", received).isNotNull();
                received.add(line);
            }
            long elapsedMillis = (System.nanoTime() - acknowledged) / 1_000_000;
            assertThat(elapsedMillis).as("milliseconds from acknowledgement to the page").isLessThan(1_000);
            assertThat(received).contains("event: event", "event: score");
            assertThat(String.join("\n", received)).contains("\"id\":\"v-1\"")
                    .contains("\"rule\":\"civic.volunteering\"");
            feed.body().close();
        }
    }

    private static void read(InputStream stream, BlockingQueue<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        } catch (IOException closed) {
            // The test closed the feed.
        }
    }
}
