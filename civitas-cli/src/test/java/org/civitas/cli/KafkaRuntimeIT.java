package org.civitas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.civitas.kafka.broker.KafkaBroker;
import org.civitas.kafka.runtime.KafkaConfigFile;
import org.civitas.kafka.runtime.KafkaLedger;
import org.civitas.kafka.runtime.KafkaSettings;
import org.civitas.server.http.Json;
import org.civitas.testkit.TestPostgres;
import org.civitas.transparency.Checkpoint;
import org.civitas.transparency.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka runtime as a user runs it, a broker in this process and stream instances in processes of their own. A
 * city is sent through {@code civitas ingest --config} while one of three instances is killed with {@code kill -9} and
 * started again, or while the broker stops and starts again. Either way every event is sent, each partition of the
 * ledger is an intact chain holding each event once, and {@code civitas score --config} prints, byte for byte, what
 * {@code civitas score --data} prints for the same city on the embedded runtime.
 */
class KafkaRuntimeIT {

    private static final String AT = "2026-11-01T00:00:00Z";

    @TempDir
    Path work;

    /**
     * A generated city, taken in by the embedded runtime: its files, how many events, and what {@code score} and
     * {@code stats} print of them.
     */
    private record City(Path events, Path rules, long count, String scores, String stats) {
    }

    private City city(int people, int days) throws Exception {
        Path city = work.resolve("city.ndjson");
        Path sources = work.resolve("sources.yaml");
        Path rules = work.resolve("rules");
        assertThat(CivitasCommand.run("generate", "--people", String.valueOf(people), "--days", String.valueOf(days),
                "--seed", "7", "--output", city.toString(), "--write-sources", sources.toString(), "--write-rules",
                rules.toString()).exit()).isZero();
        CivitasCommand.Result ingest = CivitasCommand.run("ingest", "--sources", sources.toString(), "--data",
                work.resolve("embedded").toString(), city.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        CivitasCommand.Result scores = CivitasCommand.run("score", "--rules", rules.toString(), "--data",
                work.resolve("embedded").toString(), "--at", AT);
        assertThat(scores.outLines()).hasSize(people);
        String stats = CivitasCommand.run("stats", "--data", work.resolve("embedded").toString()).out();
        Files.copy(sources, Files.createDirectories(work.resolve("kafka-data")).resolve("sources.yaml"));
        return new City(city, rules, ledgerEvents(ingest.out()), scores.out(), stats);
    }

    private Path config(KafkaBroker broker) throws IOException {
        return Files.writeString(work.resolve("civitas.yaml"), """
                runtime: kafka
                kafka: { bootstrap: '%s', topicPrefix: nation, partitions: 4, applicationId: nation }
                rules: rules
                data: kafka-data
                """.formatted(broker.bootstrapServers()));
    }

    /**
     * The ledger on Kafka holds the city once, every partition intact, and scores and counts as the embedded runtime
     * does.
     */
    private static void assertScoredAsEmbedded(Path config, City city) throws Exception {
        awaitLedger(KafkaConfigFile.read(config).kafka(), city.count());
        CivitasCommand.Result verified = CivitasCommand.run("verify", "--config", config.toString());
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.outLines()).hasSize(4).allSatisfy(line -> assertThat(line).contains("intact"));
        CivitasCommand.Result onKafka = CivitasCommand.run("score", "--config", config.toString(), "--at", AT);
        assertThat(onKafka.exit()).as(onKafka.err()).isZero();
        assertThat(onKafka.out()).as("byte for byte").isEqualTo(city.scores());
        assertThat(CivitasCommand.run("stats", "--config", config.toString()).out()).isEqualTo(city.stats());
    }

    @Test
    void threeInstancesOneKilledMidStreamScoreExactlyAsEmbedded() throws Exception {
        City city = city(400, 30);
        try (KafkaBroker broker = KafkaBroker.start(work.resolve("broker"), 0)) {
            Path config = config(broker);
            List<Process> instances = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    instances.add(startInstance(config, "instance-" + i));
                }
                Process ingest = CivitasCommand.startWithOutput("ingest", "--config", config.toString(),
                        city.events().toString());
                Thread.sleep(1_000);
                assertThat(ingest.isAlive()).as("the kill lands while events still come in").isTrue();
                Process killed = instances.get(1);
                killed.destroyForcibly();
                assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertSent(ingest, city);
                instances.set(1, startInstance(config, "instance-1-again"));

                assertScoredAsEmbedded(config, city);
            } finally {
                stop(instances);
            }
        }
    }

    @Test
    void eventsSentWhileTheBrokerRestartsAreAllInTheLedgerOnce() throws Exception {
        City city = city(300, 20);
        Path logs = work.resolve("broker");
        KafkaBroker broker = KafkaBroker.start(logs, 0);
        int port = Integer.parseInt(broker.bootstrapServers().substring(broker.bootstrapServers().indexOf(':') + 1));
        Path config = config(broker);
        List<Process> instances = new ArrayList<>();
        try {
            instances.add(startInstance(config, "only"));
            Process ingest = CivitasCommand.startWithOutput("ingest", "--config", config.toString(),
                    city.events().toString());
            Thread.sleep(1_000);
            assertThat(ingest.isAlive()).as("the broker stops while events still come in").isTrue();
            broker.close();
            Thread.sleep(3_000);
            broker = KafkaBroker.start(logs, port);
            assertSent(ingest, city);

            assertScoredAsEmbedded(config, city);
            assertTheLogProvesAnEvent(config, city);
            assertServed(config, city);
        } finally {
            stop(instances);
            broker.close();
        }
    }

    /**
     * The transparency log of the event's partition proves the city's first event is in it, as {@code civitas log
     * verify-inclusion} checks with nothing but the key; what it signed is kept, and {@code verify} checks it.
     */
    private void assertTheLogProvesAnEvent(Path config, City city) throws Exception {
        JsonNode first = Json.mapper().readTree(Files.readAllLines(city.events()).get(0));
        String key = CivitasCommand.run("log", "key", "--config", config.toString()).out().strip();
        CivitasCommand.Result proved = CivitasCommand.run("log", "prove", "--config", config.toString(), "--person",
                first.path("person").asText(), "--event", first.path("id").asText(), "--source",
                first.path("source").asText());
        assertThat(proved.exit()).as(proved.err()).isZero();
        Path proof = Files.writeString(work.resolve("proof.json"), proved.out());
        CivitasCommand.Result checked = CivitasCommand.run("log", "verify-inclusion", "--proof", proof.toString(),
                "--key", key);
        assertThat(checked.exit()).as(checked.err()).isZero();
        assertThat(checked.out()).startsWith("ok: entry ");
        CivitasCommand.Result checkpoint = CivitasCommand.run("log", "checkpoint", "--config", config.toString(),
                "--partition", "3");
        assertThat(checkpoint.outLines().get(0)).endsWith("/partition/3");
        long size = Long.parseLong(checkpoint.outLines().get(1));
        CivitasCommand.Result grown = CivitasCommand.run("log", "consistency", "--config", config.toString(),
                "--partition", "3", "--from", "1", "--to", String.valueOf(size));
        assertThat(grown.exit()).as(grown.err()).isZero();
        JsonNode consistency = Json.mapper().readTree(grown.out());
        assertThat(consistency.path("from").asLong()).isEqualTo(1);
        assertThat(consistency.path("to").asLong()).isEqualTo(size).isGreaterThan(1);
        assertThat(consistency.path("path")).isNotEmpty();
        CivitasCommand.Result verified = CivitasCommand.run("verify", "--config", config.toString());
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.outLines()).filteredOn(line -> line.startsWith("transparency log, partition "))
                .hasSize(4).anySatisfy(line -> assertThat(line).contains(": 1 kept checkpoints"));
    }

    /** The ingest ended having sent every event, each acknowledged. */
    /**
     * {@code civitas serve --config} on the same runtime, with PostgreSQL beside it, projects every person of the
     * city and publishes each partition's checkpoint, signed by the key the command line's {@code log} commands use,
     * which {@code civitas log witness --partition} cosigns once the operator lists the witness.
     */
    private void assertServed(Path config, City city) throws Exception {
        TestPostgres.Database database = TestPostgres.freshDatabase();
        Path served = Files.writeString(work.resolve("serve.yaml"), Files.readString(config).replace(
                "applicationId: nation }", "applicationId: nation, stateDir: " + work.resolve("state-serve") + " }")
                + "port: 0\nstorage: { kind: postgresql, url: '" + database.url() + "', user: " + database.user()
                + ", password: '" + database.password() + "' }\n");
        Process server = CivitasCommand.startWithOutput("serve", "--config", served.toString());
        try {
            String running = runningLine(server);
            assertThat(running).contains("(ledger on Kafka at ").contains("topic nation.ledger)");
            String url = running.substring("Civitas is running: ".length()).split(" ")[0];
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            JsonNode health = get(http, url + "/health");
            while (health.get("people").asLong() < city.scores().lines().count() && System.nanoTime() < deadline) {
                Thread.sleep(250);
                health = get(http, url + "/health");
            }
            assertThat(health.get("people").asLong()).as(health.toString()).isEqualTo(city.scores().lines().count());
            assertThat(health.get("status").asText()).as(health.toString()).isEqualTo("up");
            String key = CivitasCommand.run("log", "key", "--config", config.toString()).out().strip();
            String note = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/log/checkpoint?partition=3"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(Checkpoint.parse(SignedNote.verify(note, key).body()).orElseThrow().origin())
                    .endsWith("/partition/3");
            String[] witness = {"log", "witness", "--once", "--url", url, "--state", work.resolve("witness")
                    .toString(), "--key", key, "--name", "witness.test/w1", "--partition", "3"};
            CivitasCommand.Result unlisted = CivitasCommand.run(witness);
            assertThat(unlisted.out()).contains("the server refused the cosignature");
            Files.writeString(work.resolve("kafka-data").resolve("log").resolve("witnesses"), unlisted.out().lines()
                    .filter(line -> line.startsWith("witness key: ")).findFirst().orElseThrow()
                    .substring("witness key: ".length()) + "\n");
            CivitasCommand.Result witnessed = CivitasCommand.run(witness);
            assertThat(witnessed.exit()).as(witnessed.err()).isZero();
            assertThat(witnessed.out()).containsPattern("cosigned \\d+ entries\n");
        } finally {
            stop(List.of(server));
        }
    }

    private static String runningLine(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("Civitas is running: ")) {
                return line;
            }
        }
        throw new AssertionError("the server stopped before it ran");
    }

    private static JsonNode get(HttpClient http, String url) throws Exception {
        return Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void assertSent(Process ingest, City city) throws Exception {
        assertThat(ingest.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(new String(ingest.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("\"sent\":" + city.count()).contains("\"rejected\":0");
        assertThat(ingest.exitValue()).isZero();
    }

    private static void stop(List<Process> instances) throws InterruptedException {
        for (Process instance : instances) {
            instance.destroy();
            if (!instance.waitFor(30, TimeUnit.SECONDS)) {
                instance.destroyForcibly();
            }
        }
    }

    private static long ledgerEvents(String ingestReport) {
        return Long.parseLong(ingestReport.replaceAll(".*\"ledgerEvents\":(\\d+).*", "$1").strip());
    }

    /** Starts an instance of the stream processing in a process of its own, and waits until it runs. */
    private Process startInstance(Path config, String name) throws IOException {
        Path state = work.resolve("state-" + name);
        Path own = Files.writeString(work.resolve(name + ".yaml"), Files.readString(config).replace(
                "applicationId: nation }", "applicationId: nation, stateDir: " + state + " }"));
        Process instance = CivitasCommand.startWithOutput("streams", "--config", own.toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(instance.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("streams are running")) {
                return instance;
            }
        }
        throw new AssertionError(name + " stopped before it ran");
    }

    private static void awaitLedger(KafkaSettings settings, long entries) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        long read = 0;
        while (System.nanoTime() < deadline && read < entries) {
            read = KafkaLedger.read(settings, (partition, person, body) -> { });
            Thread.sleep(250);
        }
        assertThat(read).as("entries in the ledger").isEqualTo(entries);
    }
}
