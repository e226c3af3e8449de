package org.civitas.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.civitas.event.Event;
import org.civitas.kafka.runtime.KafkaConfigFile;
import org.civitas.kafka.runtime.KafkaLedger;
import org.civitas.ledger.EntryBody;
import org.civitas.ledger.FileLedger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = {
            "Prints what the ledger holds as JSON: {\"events\": N, \"unreadable\": U, \"people\": M, ...}, with",
            "counts per source, type and jurisdiction, and the first and last instants. Unreadable entries are",
            "intact in the chain but cannot be read as events; 'civitas verify' names them.",
            "With --config, the same of a Kafka runtime's ledger, every partition of it."
        })
final class StatsCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    private LedgerLocation where;

    @Override
    public Integer call() throws IOException {
        Tally tally = new Tally();
        if (where.config != null) {
            KafkaLedger.read(KafkaConfigFile.read(where.config).kafka(), (partition, person, body) -> {
                try {
                    tally.add(EntryBody.event(body));
                } catch (RuntimeException unreadable) {
                    tally.unreadable++;
                }
            });
        } else {
            FileLedger.read(where.data, (sequence, event) -> tally.add(event), unreadable -> tally.unreadable++);
        }
        try (JsonGenerator json = JsonOutput.lines(System.out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("events", tally.events);
            json.writeNumberField("unreadable", tally.unreadable);
            json.writeNumberField("people", tally.people.size());
            json.writeStringField("first", tally.first == null ? null : tally.first.toString());
            json.writeStringField("last", tally.last == null ? null : tally.last.toString());
            writeCounts(json, "sources", tally.sources);
            writeCounts(json, "types", tally.types);
            writeCounts(json, "jurisdictions", tally.jurisdictions);
            json.writeEndObject();
            json.writeRaw('\n');
        }
        return 0;
    }

    private static void writeCounts(JsonGenerator json, String name, Map<String, long[]> counts) throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, long[]> entry : counts.entrySet()) {
            json.writeNumberField(entry.getKey(), entry.getValue()[0]);
        }
        json.writeEndObject();
    }

    private static final class Tally {
        long events;
        /** Entries that are intact in the chain but cannot be read as events: 'civitas verify' names them. */
        long unreadable;
        final Set<String> people = new HashSet<>();
        final Map<String, long[]> sources = new TreeMap<>();
        final Map<String, long[]> types = new TreeMap<>();
        final Map<String, long[]> jurisdictions = new TreeMap<>();
        Instant first;
        Instant last;

        void add(Event event) {
            events++;
            people.add(event.person());
            sources.computeIfAbsent(event.source(), key -> new long[1])[0]++;
            types.computeIfAbsent(event.type(), key -> new long[1])[0]++;
            jurisdictions.computeIfAbsent(event.jurisdiction(), key -> new long[1])[0]++;
            if (first == null || event.occurredAt().isBefore(first)) {
                first = event.occurredAt();
            }
            if (last == null || event.occurredAt().isAfter(last)) {
                last = event.occurredAt();
            }
        }
    }
}
