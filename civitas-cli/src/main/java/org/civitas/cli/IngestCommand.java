package org.civitas.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civitas.city.DemoCity;
import org.civitas.event.NdjsonReader;
import org.civitas.event.OccurrenceWindow;
import org.civitas.ingest.IngestEncoder;
import org.civitas.ledger.AppendResult;
import org.civitas.ledger.FileLedger;
import org.civitas.privacy.PersonalDataSeal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Appends the events of an NDJSON file to the ledger in DIR/ledger/.",
            "An event already in the ledger (same source and id) is a duplicate and counts once. Malformed lines are",
            "reported on standard error as 'line N: field: why'; every valid line is still kept, and the command then",
            "exits with status 1; past the first 1000, refused lines are only counted. An event must have occurred",
            "from 1900 on and at most a day after now. Prints {\"accepted\", \"duplicates\", \"rejected\",",
            "\"ledgerEvents\"} as JSON.",
            "The attributes of personal-only events (by the demo city's categories) are sealed with a key per person",
            "and category, kept in DIR/keys/."
        })
final class IngestCommand implements Callable<Integer> {

    /** About how many bytes of NDJSON an event takes, to size the ledger's index of keys for a file. */
    private static final long TYPICAL_EVENT_BYTES = 200;

    /** Written events are forced to disk, and so acknowledged, every this many bytes of input. */
    private static final long COMMIT_BYTES = 32L << 20;

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, description = "The data directory; its ledger is created if need be.")
    private Path data;

    @Parameters(paramLabel = "FILE", description = "The NDJSON events, or - for standard input.")
    private String file;

    @Override
    public Integer call() throws IOException {
        EventInput input = new EventInput(file);
        RefusalReport refusals = new RefusalReport(spec.commandLine().getErr());
        Totals totals = new Totals();
        PersonalDataSeal seal = DemoCity.seal(data);
        OccurrenceWindow window = OccurrenceWindow.receivedAt(Clock.systemUTC().instant());
        try (FileLedger ledger = FileLedger.open(data);
                InputStream in = input.open();
                Progress progress = Progress.start("ingest", input.size(), "MiB", 1 << 20)) {
            if (input.size() > 0) {
                ledger.expect(input.size() / TYPICAL_EVENT_BYTES);
            }
            NdjsonReader.withAvailableProcessors(window).read(in, IngestEncoder.into(ledger, seal),
                    (encoded, refused, bytes) -> {
                        refusals.add(refused);
                        totals.add(ledger.write(encoded));
                        if (totals.uncommittedBytes(bytes) >= COMMIT_BYTES) {
                            seal.keys().sync();
                            ledger.commit();
                        }
                        progress.advance(bytes);
                    });
            seal.keys().sync();
            ledger.commit();
            refusals.finish();
            try (JsonGenerator json = JsonOutput.lines(System.out)) {
                json.writeStartObject();
                json.writeNumberField("accepted", totals.accepted);
                json.writeNumberField("duplicates", totals.duplicates);
                json.writeNumberField("rejected", refusals.count());
                json.writeNumberField("ledgerEvents", ledger.size());
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
        return refusals.count() > 0 ? Civitas.FAILED : 0;
    }

    private static final class Totals {
        long accepted;
        long duplicates;
        long uncommitted;

        /** Adds {@code bytes} to what is written but not committed; returns the total, then starts over if large. */
        long uncommittedBytes(long bytes) {
            uncommitted += bytes;
            long total = uncommitted;
            if (uncommitted >= COMMIT_BYTES) {
                uncommitted = 0;
            }
            return total;
        }

        void add(AppendResult result) {
            accepted += result.accepted();
            duplicates += result.duplicates();
        }
    }
}
