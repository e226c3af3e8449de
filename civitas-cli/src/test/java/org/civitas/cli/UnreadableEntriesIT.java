package org.civitas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cli.CivitasCommand.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.civitas.demo.DemoCity;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.ledger.FileLedger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger holding an entry an older version let in and no reader can read as an event: the commands name it, and
 * none of them is stopped by it.
 */
class UnreadableEntriesIT {

    /** {"kmhOver":35,"site":"…"} holding ED A0 80, the UTF-8 form of a lone surrogate: not well-formed UTF-8. */
    private static final byte[] ILL_FORMED = {'{', '"', 'k', 'm', 'h', 'O', 'v', 'e', 'r', '"', ':', '3', '5', ',',
        '"', 's', 'i', 't', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
    private static final Instant AT = Instant.parse("2026-10-01T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private Path data;

    private static Event speeding(String id, String person, Attributes attributes) {
        return new Event(id, "city-traffic", person, "speeding", AT, "lakeside", attributes);
    }

    @BeforeEach
    void writeALedgerWithAnUnreadableEntry() {
        data = work.resolve("data");
        DemoCity.install(data);
        try (FileLedger ledger = FileLedger.open(data)) {
            ledger.append(List.of(speeding("s-1", "p-ada", Attributes.of(Map.of("kmhOver", 35))),
                    speeding("s-2", "p-bob", Attributes.ofValidatedJson(ILL_FORMED.clone())),
                    speeding("s-3", "p-cy", Attributes.of(Map.of("kmhOver", 35)))));
        }
    }

    @Test
    void verifyFindsTheChainIntactAndNamesTheEntryWithAStatusOfItsOwn() throws Exception {
        CivitasCommand.Result verify = run("verify", "--data", data.toString());

        assertThat(verify.exit()).isEqualTo(3);
        assertThat(verify.out()).startsWith("intact: 3 entries, chain head ");
        assertThat(verify.errLines()).startsWith("civitas verify: 1 entry is intact but cannot be read as events:",
                "  entry 1: attributes: not well-formed UTF-8 (byte 22 of 27 is 0xED, which cannot stand there)");
    }

    @Test
    void scoreScoresEveryoneElseNamesTheEntryAndSucceeds() throws Exception {
        CivitasCommand.Result score = run("score", "--data", data.toString(), "--at", "2026-11-01T00:00:00Z");

        assertThat(score.exit()).as(score.err()).isZero();
        assertThat(score.outLines()).extracting(line -> JSON.readTree(line).get("person").asText())
                .containsExactly("p-ada", "p-bob", "p-cy");
        assertThat(score.outLines()).filteredOn(line -> line.contains("traffic.speeding-severe")).hasSize(2);
        assertThat(score.errLines()).containsExactly("civitas score: ledger entry 1: attributes: not well-formed"
                + " UTF-8 (byte 22 of 27 is 0xED, which cannot stand there); it counts for no one");
    }

    @Test
    void statsCountsTheEntryApart() throws Exception {
        CivitasCommand.Result stats = run("stats", "--data", data.toString());

        assertThat(stats.exit()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("\"events\" : 2,").contains("\"unreadable\" : 1,")
                .contains("\"people\" : 2,");
    }

    @Test
    void serveStartsOnItAndRepairRecordsItInItsPersonsVaultOnceLeavingTheLedgerAsItWas() throws Exception {
        Path config = work.resolve("civitas.yaml");
        Files.writeString(config, "port: 0\ndata: data\nstorage:\n  kind: embedded\n");
        Process serve = CivitasCommand.startWithOutput("serve", "--config", config.toString());
        JsonNode health;
        try {
            String url = CivitasCommand.addressOf(serve);
            health = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                    + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body());
        } finally {
            serve.destroy();
            serve.waitFor(20, TimeUnit.SECONDS);
        }
        byte[] ledgerBefore = ledgerBytes();

        CivitasCommand.Result repair = run("repair", "--data", data.toString());
        CivitasCommand.Result again = run("repair", "--config", config.toString());

        assertThat(health.get("status").asText()).isEqualTo("degraded");
        assertThat(health.get("setAside").get("vault").asLong()).isOne();
        assertThat(repair.exit()).as(repair.err()).isZero();
        assertThat(repair.outLines()).containsExactly("entry 1: recorded as unreadable, shown as such in its person's"
                + " vault: attributes: not well-formed UTF-8 (byte 22 of 27 is 0xED, which cannot stand there)",
                "repaired 1 set-aside entry: 0 projected, 1 recorded as unreadable");
        assertThat(again.outLines()).containsExactly("nothing is set aside");
        assertThat(ledgerBytes()).isEqualTo(ledgerBefore);
    }

    private byte[] ledgerBytes() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(FileLedger.directoryIn(data))) {
            for (Path file : files.filter(file -> file.toString().endsWith(".segment")).sorted().toList()) {
                all.write(Files.readAllBytes(file));
            }
        }
        return all.toByteArray();
    }
}
