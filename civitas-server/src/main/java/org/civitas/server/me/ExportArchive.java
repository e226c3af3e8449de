package org.civitas.server.me;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.civitas.access.AccessRecord;
import org.civitas.server.api.AccessView;
import org.civitas.server.api.EventView;
import org.civitas.server.api.ScoreView;
import org.civitas.store.vault.VaultStore;

/**
 * Everything Civitas holds about a person, as one ZIP of JSON and CSV files: every event in their vault, their score
 * with every contribution, and every look anyone else took at their data.
 */
final class ExportArchive {

    private final ObjectMapper json;

    ExportArchive(ObjectMapper json) {
        this.json = json;
    }

    void write(OutputStream target, String person, Map<String, Object> account, VaultStore vault, ScoreView score,
            List<AccessRecord> accesses, Instant at) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8)) {
            Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            entry(zip, "README.txt");
            text.write("Everything Civitas holds about " + person + ", as of " + at + ".\n\n"
                    + "events.ndjson  every event in your vault, one JSON object per line\n"
                    + "events.csv     the same events as a table\n"
                    + "score.json     your score and every point in it, with its reason and when it fades\n"
                    + "access-log.*   every time someone other than you read your data\n"
                    + "account.json   your account\n");
            text.flush();
            entry(zip, "events.ndjson");
            vault.forEach(person, event -> write(text, EventView.of(event)));
            text.flush();
            entry(zip, "events.csv");
            Csv csv = new Csv(text);
            csv.row(List.of("sequence", "id", "source", "type", "category", "occurredAt", "jurisdiction",
                    "attributes"));
            vault.forEach(person, event -> {
                try {
                    csv.row(List.of(event.sequence(), event.eventId(), event.source(), event.type(),
                            event.category(), event.occurredAt(), event.jurisdiction(),
                            event.erased() ? "(erased)" : event.attributes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            text.flush();
            entry(zip, "score.json");
            text.write(json.writerWithDefaultPrettyPrinter().writeValueAsString(score));
            text.flush();
            entry(zip, "access-log.json");
            text.write(json.writerWithDefaultPrettyPrinter().writeValueAsString(
                    accesses.stream().map(AccessView::of).toList()));
            text.flush();
            entry(zip, "access-log.csv");
            Csv log = new Csv(text);
            log.row(List.of("at", "actor", "role", "what", "purpose", "grant"));
            for (AccessRecord access : accesses) {
                log.row(List.of(access.at(), access.actor(), access.actorRole(), access.what(), access.purpose(),
                        access.grantId().orElse("")));
            }
            text.flush();
            entry(zip, "account.json");
            text.write(json.writerWithDefaultPrettyPrinter().writeValueAsString(account));
            text.flush();
        }
    }

    private static void entry(ZipOutputStream zip, String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
    }

    private void write(Writer text, Object value) {
        try {
            text.write(json.writeValueAsString(value));
            text.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
