package org.civitas.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.civitas.CivitasException;
import org.civitas.constitution.Constitution;
import org.civitas.ingest.Admission;
import org.civitas.ingest.Intake;
import org.civitas.ingest.IntakeReport;
import org.civitas.ledger.FileLedger;
import org.civitas.ndjson.NdjsonReader;
import org.civitas.ndjson.OccurrenceWindow;
import org.civitas.privacy.PersonalDataSeal;
import org.civitas.privacy.PersonalKeys;
import org.civitas.rules.RuleBookLoader;
import org.civitas.source.SourceCatalogue;
import org.civitas.source.SourcesFile;
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
            "Only the types each registered source registered are taken (see --sources), and, when DIR has rule",
            "books in DIR/rules/, only events in their jurisdictions. The attributes of events in personal-only",
            "categories are sealed with a key per person and category, kept in DIR/keys/."
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

    @Option(names = "--sources", paramLabel = "FILE", description = "The sources that may send events, their types"
            + " and categories (YAML); registered in DIR for later runs (default: those registered in DIR).")
    private Path sources;

    @Parameters(paramLabel = "FILE", description = "The NDJSON events, or - for standard input.")
    private String file;

    @Override
    public Integer call() throws IOException {
        EventInput input = new EventInput(file);
        SourceCatalogue registered = registerSources();
        Admission admission = admission(registered);
        RefusalReport refusals = new RefusalReport(spec.commandLine().getErr());
        PersonalDataSeal seal = new PersonalDataSeal(PersonalKeys.open(data), registered::category,
                Constitution.standard().personalOnlyCategories());
        NdjsonReader reader = NdjsonReader.withAvailableProcessors(
                OccurrenceWindow.receivedAt(Clock.systemUTC().instant()));
        IntakeReport taken;
        long ledgerEvents;
        try (FileLedger ledger = FileLedger.open(data);
                InputStream in = input.open();
                Progress progress = Progress.start("ingest", input.size(), "MiB", 1 << 20)) {
            if (input.size() > 0) {
                ledger.expect(input.size() / TYPICAL_EVENT_BYTES);
            }
            taken = new Intake(ledger, seal).take(in, reader, admission, COMMIT_BYTES, (refused, bytes) -> {
                refusals.add(refused);
                progress.advance(bytes);
            });
            ledgerEvents = ledger.size();
        }
        refusals.finish();
        try (JsonGenerator json = JsonOutput.lines(System.out)) {
            json.writeStartObject();
            json.writeNumberField("accepted", taken.accepted());
            json.writeNumberField("duplicates", taken.duplicates());
            json.writeNumberField("rejected", refusals.count());
            json.writeNumberField("ledgerEvents", ledgerEvents);
            json.writeEndObject();
            json.writeRaw('\n');
        }
        return refusals.count() > 0 ? Civitas.FAILED : 0;
    }

    /** The sources registered in the data directory, with those of {@code --sources} registered there first. */
    private SourceCatalogue registerSources() {
        SourceCatalogue kept = SourcesFile.readIn(data);
        SourceCatalogue registered = sources == null ? kept : kept.with(SourcesFile.read(sources));
        if (!registered.equals(kept)) {
            SourcesFile.write(SourcesFile.in(data), registered);
        }
        if (registered.isEmpty()) {
            throw new CivitasException("no source is registered in " + data + " to send events: give them with"
                    + " --sources FILE, a YAML file such as\n  sources:\n    - source: city-traffic\n"
                    + "      types: { speeding: traffic }");
        }
        return registered;
    }

    /** Events of the registered sources, in the jurisdictions the data directory has rule books for, if it has any. */
    private Admission admission(SourceCatalogue registered) {
        return RuleBookLoader.jurisdictionsIn(data)
                .map(jurisdictions -> Admission.of(registered, jurisdictions))
                .orElseGet(() -> Admission.inAnyJurisdiction(registered));
    }
}
