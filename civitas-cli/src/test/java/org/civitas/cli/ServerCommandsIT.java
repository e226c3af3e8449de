package org.civitas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cli.CivitasCommand.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civitas.demo.DemoCity;
import org.civitas.testkit.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code civitas demo} and {@code civitas serve}, run as processes and used over real HTTP. */
class ServerCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    /** Starts a server command and waits for the address it prints. */
    private static Process startServer(String... args) throws Exception {
        return CivitasCommand.startWithOutput(args);
    }

    private static String addressOf(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("Civitas is running: ")) {
                return line.substring("Civitas is running: ".length()).split(" ")[0];
            }
        }
        throw new AssertionError("the server stopped before it printed its address");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /**
     * Proposes a milder penalty for late bills in Lakeside, as a signed-in resident; tried again while the registry's
     * records of residence are still on their way to the vault.
     */
    private HttpResponse<String> propose(String url, String cookie, String csrf) throws Exception {
        String proposal = "{\"jurisdiction\":\"lakeside\",\"title\":\"Milder late bills\",\"rationale\":\"Help"
                + " first\",\"change\":{\"kind\":\"change\",\"ruleId\":\"obligations.bill-paid-late\",\"rule\":{"
                + "\"title\":\"A bill paid more than 30 days late\",\"category\":\"obligations\","
                + "\"on\":\"bill-payment\",\"when\":\"event.attributes.daysLate > 30\",\"points\":-8,"
                + "\"halfLife\":\"P90D\"}}}";
        HttpResponse<String> answer = null;
        for (int attempt = 0; attempt < 100 && (answer == null || answer.statusCode() == 403); attempt++) {
            if (answer != null) {
                Thread.sleep(100);
            }
            answer = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/proposals"))
                    .header("Cookie", cookie).header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(proposal)).build(), HttpResponse.BodyHandlers.ofString());
        }
        return answer;
    }

    @Test
    void theDemoServesTheCityWithAnAccountForEveryRoleAndTheSourcesKeys() throws Exception {
        Path data = work.resolve("demo");
        Path books = work.resolve("books");
        DemoCity.writeRuleBooks(books);
        Path lakeside = books.resolve("lakeside.yaml");
        Files.writeString(lakeside, Files.readString(lakeside).replace("rules:\n", "charter:\n  supportThreshold: 2\n"
                + "rules:\n"));
        Process demo = startServer("demo", "--people", "40", "--days", "20", "--port", "0", "--data",
                data.toString(), "--accounts", "7", "--rules", books.toString());
        try {
            String url = addressOf(demo);
            JsonNode accounts = JSON.readTree(Files.readString(data.resolve("demo-accounts.json")));
            assertThat(accounts.get("jurisdiction").asText()).isEqualTo("lakeside");
            for (String role : new String[] {"caseworker", "council", "auditor", "admin"}) {
                assertThat(accounts.get(role).get("password").asText()).as(role).isNotBlank();
            }
            assertThat(accounts.get("reviewers")).as("a dispute needs two reviewers").hasSize(2);
            assertThat(accounts.get("citizens")).as("--accounts 7").hasSize(7);
            HttpResponse<String> charters = http.send(HttpRequest.newBuilder(URI.create(url
                    + "/api/v1/jurisdictions")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(charters.body()).as("the books given by --rules").contains("\"supportThreshold\":\"2\"");
            JsonNode citizen = accounts.get("citizens").get(0);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/session"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + citizen.get("username").asText()
                            + "\",\"password\":\"" + citizen.get("password").asText() + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            HttpResponse<String> score = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/me/score"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(score.body()).contains("\"person\":\"" + citizen.get("person").asText() + "\"");
            assertThat(citizen.get("residence").asText()).isEqualTo("lakeside");
            assertThat(propose(url, cookie, JSON.readTree(login.body()).get("csrfToken").asText()).statusCode())
                    .as("a demo citizen is a resident, who may propose").isEqualTo(201);

            Path key = Files.writeString(work.resolve("log.key"), get(url, "/api/v1/log/key", null));
            Path older = Files.writeString(work.resolve("older.checkpoint"), get(url, "/api/v1/log/checkpoint", null));
            JsonNode event = JSON.readTree(get(url, "/api/v1/me/events?limit=1", cookie)).get("events").get(0);
            Path proof = Files.writeString(work.resolve("proof.json"), get(url, "/api/v1/me/events/"
                    + event.get("id").asText() + "/proof?source=" + event.get("source").asText(), cookie));

            for (JsonNode source : accounts.get("sources")) {
                StringBuilder batch = new StringBuilder();
                source.get("examples").forEach(example -> batch.append(example.toString()).append('\n'));
                HttpResponse<String> sent = sendSigned(url, source, batch.toString());
                assertThat(sent.body()).as(source.get("source").asText())
                        .isEqualTo("{\"accepted\":" + source.get("types").size() + ",\"duplicates\":0,"
                                + "\"rejectedLines\":0,\"rejected\":[]}");
            }
            JsonNode traffic = accounts.get("sources").get(0);
            ObjectNode mine = (ObjectNode) traffic.get("examples").get(0).deepCopy();
            mine.put("id", "proof-of-mine").put("person", citizen.get("person").asText());
            assertThat(sendSigned(url, traffic, mine.toString() + "\n").body()).contains("\"accepted\":1");
            String newest = "/api/v1/me/events/proof-of-mine/proof?source=" + traffic.get("source").asText();
            for (int attempt = 0; attempt < 100 && !answers(url, newest, cookie); attempt++) {
                Thread.sleep(100);
            }
            get(url, newest, cookie);
            Path newer = Files.writeString(work.resolve("newer.checkpoint"), get(url, "/api/v1/log/checkpoint", null));
            long from = JSON.readTree(Files.readString(proof)).get("treeSize").asLong();
            long to = Long.parseLong(Files.readString(newer).split("\n")[1]);
            Path consistency = Files.writeString(work.resolve("consistency.json"), get(url, "/api/v1/log/consistency"
                    + "?from=" + from + "&to=" + to, null));
            checkTheLogOffline(Files.readString(key).strip(), proof, older, newer, consistency);
            String[] witness = {"log", "witness", "--once", "--url", url, "--state", work.resolve("witness").toString(),
                "--key", Files.readString(key).strip(), "--name", "witness.test/w1"};
            CivitasCommand.Result unlisted = run(witness);
            assertThat(unlisted.out()).contains("the server refused the cosignature");
            Files.writeString(data.resolve("log").resolve("witnesses"), unlisted.out().lines()
                    .filter(line -> line.startsWith("witness key: ")).findFirst().orElseThrow()
                    .substring("witness key: ".length()) + "\n");
            CivitasCommand.Result witnessed = run(witness);
            assertThat(witnessed.exit()).as(witnessed.err()).isZero();
            assertThat(witnessed.out()).containsPattern("cosigned \\d+ entries\n");
            assertThat(get(url, "/api/v1/log/checkpoint", null)).contains("\u2014 witness.test/w1 ");
        } finally {
            stop(demo);
        }
        Path config = work.resolve("civitas.yaml");
        Files.writeString(config, "port: 0\ndata: demo\nstorage:\n  kind: embedded\n");
        Process again = startServer("serve", "--config", config.toString());
        try {
            String url = addressOf(again);
            JsonNode citizen = JSON.readTree(Files.readString(data.resolve("demo-accounts.json")))
                    .get("citizens").get(0);
            HttpResponse<String> rules = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/rules")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/session"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + citizen.get("username").asText()
                            + "\",\"password\":\"" + citizen.get("password").asText() + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(rules.body()).as("the demo's books, from its data directory").contains("\"lakeside\"")
                    .contains("\"riverton\"");
            assertThat(login.statusCode()).as("the demo's accounts, from its database").isEqualTo(200);
        } finally {
            stop(again);
        }
        CivitasCommand.Result verified = run("verify", "--data", data.toString());
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.out()).containsPattern("transparency log: \\d+ kept checkpoints, each signed by the log's"
                + " key and matching the ledger's \\d+ entries");
        Path example = work.resolve("example.ndjson");
        Files.writeString(example, JSON.readTree(Files.readString(data.resolve("demo-accounts.json")))
                .get("sources").get(0).get("examples").get(0).toString() + "\n");
        CivitasCommand.Result ingest = run("ingest", "--data", data.toString(), example.toString());
        assertThat(ingest.exit()).as("the demo's sources are registered in its data directory: %s", ingest.err())
                .isZero();
        assertThat(ingest.out()).as("sent to the demo before").contains("\"duplicates\":1,");
    }

    /** What the server hands out about its log, checked by {@code civitas log} as anyone would check it. */
    private void checkTheLogOffline(String key, Path proof, Path older, Path newer, Path consistency)
            throws Exception {
        CivitasCommand.Result included = run("log", "verify-inclusion", "--proof", proof.toString(), "--key", key);
        assertThat(included.exit()).as(included.err()).isZero();
        assertThat(included.out()).startsWith("ok: entry ");
        assertThat(run("log", "verify-inclusion", "--proof", proof.toString(), "--checkpoint", newer.toString(),
                "--key", key).err()).contains("fetch a proof for the checkpoint's size");
        ObjectNode moved = (ObjectNode) JSON.readTree(proof.toFile());
        moved.put("index", moved.get("index").asLong() + 1);
        Path forged = Files.writeString(work.resolve("forged.json"), moved.toString());
        assertThat(run("log", "verify-inclusion", "--proof", forged.toString(), "--key", key).exit()).isEqualTo(1);

        CivitasCommand.Result grew = run("log", "verify-consistency", "--old", older.toString(), "--new",
                newer.toString(), "--proof", consistency.toString(), "--key", key);
        assertThat(grew.exit()).as(grew.err()).isZero();
        assertThat(grew.out()).contains("holds the log of");
        Path rewritten = Files.writeString(work.resolve("rewritten.checkpoint"), Files.readString(older)
                .replaceFirst("\n([A-Za-z0-9+/]{10})", "\nAAAAAAAAAA"));
        assertThat(run("log", "verify-consistency", "--old", rewritten.toString(), "--new", newer.toString(),
                "--proof", consistency.toString(), "--key", key).err()).contains("does not hold");
    }

    /** Whether {@code path} answers 200 yet: a new event reaches its person's vault a moment after it is taken. */
    private boolean answers(String url, String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    }

    private String get(String url, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    @Test
    void serveRunsOnPostgreSqlFromAConfigurationFile() throws Exception {
        Path data = work.resolve("city");
        Path events = work.resolve("city.ndjson");
        run("generate", "--people", "20", "--days", "5", "--output", events.toString());
        DemoCity.install(data);
        run("ingest", "--data", data.toString(), events.toString());
        long lines = Files.lines(events).count();
        TestPostgres.Database database = TestPostgres.freshDatabase();
        Path config = work.resolve("civitas.yaml");
        Files.writeString(config, "port: 0\ndata: city\nstorage:\n  kind: postgresql\n  url: " + database.url()
                + "\n  user: " + database.user() + "\n  password: '" + database.password() + "'\n");

        Process serve = startServer("serve", "--config", config.toString());
        try {
            String url = addressOf(serve);
            JsonNode health = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(health.get("status").asText()).isEqualTo("up");
            assertThat(health.get("ledgerEntries").asLong()).isEqualTo(lines);
            assertThat(health.get("vaultLag").asLong()).isZero();
            assertThat(health.get("people").asLong()).isEqualTo(20);
        } finally {
            stop(serve);
        }
    }

    @Test
    void kafkaRunsABrokerOnTheLoopbackThatKeepsWhatItIsSent() throws Exception {
        Process kafka = startServer("kafka", "--data", work.resolve("nation").toString(), "--port", "0");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(kafka.getInputStream(),
                    StandardCharsets.UTF_8));
            String started = out.readLine();
            assertThat(started).startsWith("Kafka is running: 127.0.0.1:");
            String bootstrap = started.substring("Kafka is running: ".length()).split(" ")[0];
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                    "acks", "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("civitas-try", "p-ada", "hello")).get();
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                    "group.id", "try", "auto.offset.reset", "earliest"), new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of("civitas-try"));
                List<String> read = new ArrayList<>();
                for (int poll = 0; poll < 30 && read.isEmpty(); poll++) {
                    consumer.poll(Duration.ofSeconds(1)).forEach(record -> read.add(record.value()));
                }
                assertThat(read).containsExactly("hello");
            }
        } finally {
            stop(kafka);
        }
        assertThat(work.resolve("nation").resolve("kafka").resolve("meta.properties")).exists();
    }

    @Test
    void aBrokenConfigurationIsRefusedWithEveryProblemNamed() throws Exception {
        Path config = work.resolve("civitas.yaml");
        Files.writeString(config, "prot: 8080\nstorage:\n  kind: oracle\n");

        CivitasCommand.Result result = run("serve", "--config", config.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("civitas.yaml:1:1: unknown field 'prot' — did you mean 'port'?")
                .contains("data: missing (required)");
    }

    /**
     * Signs at the time by this machine's clock: the server runs in a process of its own, on the system clock, which
     * the demo command takes itself and no test can replace.
     */
    private HttpResponse<String> sendSigned(String url, JsonNode source, String body) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(source.get("secret").asText().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + "\n").getBytes(StandardCharsets.UTF_8));
        String signature = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/events"))
                .header("Authorization", "Bearer " + source.get("key").asText())
                .header("X-Civitas-Timestamp", timestamp)
                .header("X-Civitas-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
