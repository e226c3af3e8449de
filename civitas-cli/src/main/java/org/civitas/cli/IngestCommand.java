package org.civitas.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.civitas.event.Event;
import org.civitas.event.LineError;
import org.civitas.event.NdjsonReader;
import org.civitas.ledger.AppendResult;
import org.civitas.ledger.FileLedger;
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
            "exits with status 1. Prints {\"accepted\", \"duplicates\", \"rejected\", \"ledgerEvents\"} as JSON."
        })
final class IngestCommand implements Callable<Integer> {

    /** Events are forced to disk in batches of about this many. */
    private static final int BATCH_EVENTS = 65_536;

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, description = "The data directory; its ledger is created if need be.")
    private Path data;

    @Parameters(paramLabel = "FILE", description = "The NDJSON events, or - for standard input.")
    private String file;

    @Override
    public Integer call() throws IOException {
        EventInput input = new EventInput(file);
        PrintWriter err = spec.commandLine().getErr();
        Totals totals = new Totals();
        try (FileLedger ledger = FileLedger.open(data);
                InputStream in = input.open();
                Progress progress = Progress.start("ingest", input.size(), "MiB", 1 << 20)) {
            List<Event> pending = new ArrayList<>(BATCH_EVENTS);
            NdjsonReader.withAvailableProcessors().read(in, batch -> {
                for (LineError error : batch.errors()) {
                    err.println(error.message());
                }
                totals.rejected += batch.errors().size();
                pending.addAll(batch.events());
                if (pending.size() >= BATCH_EVENTS) {
                    totals.add(ledger.append(pending));
                    pending.clear();
                }
                progress.advance(batch.bytes());
            });
            totals.add(ledger.append(pending));
            err.flush();
            try (JsonGenerator json = JsonOutput.lines(System.out)) {
                json.writeStartObject();
                json.writeNumberField("accepted", totals.accepted);
                json.writeNumberField("duplicates", totals.duplicates);
                json.writeNumberField("rejected", totals.rejected);
                json.writeNumberField("ledgerEvents", ledger.size());
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
        return totals.rejected > 0 ? Civitas.FAILED : 0;
    }

    private static final class Totals {
        long accepted;
        long duplicates;
        long rejected;

        void add(AppendResult result) {
            accepted += result.accepted().size();
            duplicates += result.duplicates();
        }
    }
}
