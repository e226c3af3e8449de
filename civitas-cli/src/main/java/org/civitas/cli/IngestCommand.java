package org.civitas.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.civitas.CivitasException;
import org.civitas.constitution.Constitution;
import org.civitas.ingest.Admission;
import org.civitas.ingest.Intake;
import org.civitas.ingest.IntakeReport;
import org.civitas.kafka.runtime.KafkaConfig;
import org.civitas.kafka.runtime.KafkaConfigFile;
import org.civitas.kafka.runtime.KafkaIntake;
import org.civitas.ledger.FileLedger;
import org.civitas.ndjson.NdjsonReader;
import org.civitas.ndjson.OccurrenceWindow;
import org.civitas.privacy.PersonalDataSeal;
import org.civitas.privacy.PersonalKeys;
import org.civitas.rules.RuleBookLoader;
import org.civitas.source.SourceCatalogue;
import org.civitas.source.SourcesFile;
import picocli.CommandLine.ArgGroup;
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
            "categories are sealed with a key per person and category, kept in DIR/keys/.",
            "With --config, the events go to the intake of the Kafka runtime the file configures, each acknowledged",
            "by every copy before the command ends; the sources and keys are those of the file's data directory. It",
            "then prints {\"sent\", \"rejected\"}: the runtime counts a duplicate once as it takes it."
        })
final class IngestCommand implements Callable<Integer> {

    /** About how many bytes of NDJSON an event takes, to size the ledger's index of keys for a file. */
    private static final long TYPICAL_EVENT_BYTES = 200;

    /** Written events are forced to disk, and so acknowledged, every this many bytes of input. */
    private static final long COMMIT_BYTES = 32L << 20;

    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private LedgerLocation where;

    /** The data directory: the sources registered and the keys that seal are kept there. */
    private Path data;

    /** The Kafka runtime the events go to, if not the file ledger in {@link #data}. */
    private KafkaConfig kafka;

    @Option(names = "--sources", paramLabel = "FILE", description = "The sources that may send events, their types"
            + " and categories (YAML); registered in DIR for later runs (default: those registered in DIR).")
    private Path sources;

    @Parameters(paramLabel = "FILE", description = "The NDJSON events, or - for standard input.")
    private String file;

    @Override
    public Integer call() throws IOException {
        kafka = where.config == null ? null : KafkaConfigFile.read(where.config);
        data = kafka == null ? where.data : kafka.data().orElseThrow(() -> new CivitasException("the configuration "
                + where.config + " names no data directory (data: DIR): ingest takes the sources registered there,"
                + " and keeps there the keys that seal personal data"));
        EventInput input = new EventInput(file);
        SourceCatalogue registered = registerSources();
        RefusalReport refusals = new RefusalReport(spec.commandLine().getErr());
        PersonalDataSeal seal = new PersonalDataSeal(PersonalKeys.open(data), registered::category,
                Constitution.standard().personalOnlyCategories());
        Map<String, Long> report = new LinkedHashMap<>();
        if (kafka == null) {
            try (FileLedger ledger = FileLedger.open(data)) {
                if (input.size() > 0) {
                    ledger.expect(input.size() / TYPICAL_EVENT_BYTES);
                }
                IntakeReport taken = take(new Intake(ledger, seal), input, registered, refusals);
                report.put("accepted", taken.accepted());
                report.put("duplicates", taken.duplicates());
                report.put("rejected", refusals.count());
                report.put("ledgerEvents", ledger.size());
            }
        } else {
            try (KafkaIntake intake = KafkaIntake.open(kafka.kafka())) {
                take(new Intake(intake, seal), input, registered, refusals);
                report.put("sent", intake.sent());
                report.put("rejected", refusals.count());
            }
        }
        try (JsonGenerator json = JsonOutput.lines(System.out)) {
            json.writeStartObject();
            for (Map.Entry<String, Long> field : report.entrySet()) {
                json.writeNumberField(field.getKey(), field.getValue());
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }
        return refusals.count() > 0 ? Civitas.FAILED : 0;
    }

    private IntakeReport take(Intake intake, EventInput input, SourceCatalogue registered, RefusalReport refusals)
            throws IOException {
        NdjsonReader reader = NdjsonReader.withAvailableProcessors(
                OccurrenceWindow.receivedAt(Clock.systemUTC().instant()));
        IntakeReport taken;
        try (InputStream in = input.open();
                Progress progress = Progress.start("ingest", input.size(), "MiB", 1 << 20)) {
            taken = intake.take(in, reader, admission(registered), COMMIT_BYTES, (refused, bytes) -> {
                refusals.add(refused);
                progress.advance(bytes);
            });
        }
        refusals.finish();
        return taken;
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

    /** Events of the registered sources, in the jurisdictions there are rule books for, if there are any. */
    private Admission admission(SourceCatalogue registered) {
        Optional<Set<String>> jurisdictions = kafka != null
                ? kafka.rules().map(RuleBookLoader::jurisdictionsOf) : RuleBookLoader.jurisdictionsIn(data);
        return jurisdictions.map(books -> Admission.of(registered, books))
                .orElseGet(() -> Admission.inAnyJurisdiction(registered));
    }
}
