package org.civitas.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.civitas.event.Event;
import org.civitas.event.EventKey;
import org.civitas.kafka.runtime.KafkaConfig;
import org.civitas.kafka.runtime.KafkaConfigFile;
import org.civitas.kafka.runtime.KafkaLedger;
import org.civitas.kafka.runtime.KafkaSettings;
import org.civitas.ledger.EntryBody;
import org.civitas.ledger.FileLedger;
import org.civitas.ndjson.NdjsonReader;
import org.civitas.ndjson.OccurrenceWindow;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.ScoreJson;
import org.civitas.scoring.ScoreSheet;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.ScoringRun;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Scores everyone in the events: 1000 plus what the rules grant, decayed to the scoring instant.",
            "Prints one line per person, sorted by person, each contribution with its reason:",
            "{\"person\":\"p-001\",\"score\":996.04,\"contributions\":[...]}",
            "An event that cannot be read or scored counts for no one, and is named on standard error."
        })
final class ScoreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RuleBookOptions ruleBooks = new RuleBookOptions();

    @ArgGroup(multiplicity = "1")
    private Events events;

    static final class Events {
        @Option(names = "--events", paramLabel = "FILE", required = true,
                description = "NDJSON events to score, or - for standard input.")
        String file;

        @Option(names = "--data", paramLabel = "DIR", required = true, description = "Score the ledger in DIR.")
        Path data;

        @Option(names = "--config", paramLabel = "FILE", required = true,
                description = "Score the ledger of the Kafka runtime that FILE configures (runtime: kafka).")
        Path config;
    }

    @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Score as of this ISO-8601 instant (default: now).")
    private Instant at;

    @Option(names = "--format", defaultValue = "json", description = "json or table (default: ${DEFAULT-VALUE}).")
    private Format format;

    enum Format { json, table }

    @Override
    public Integer call() throws IOException {
        KafkaConfig kafka = events.config == null ? null : KafkaConfigFile.read(events.config);
        Scorer scorer = new Scorer(kafka != null ? ruleBooks.load(kafka)
                : ruleBooks.load(Optional.ofNullable(events.data)));
        ScoringRun run = scorer.start(at != null ? at : Clock.systemUTC().instant());
        long rejected = events.file != null ? scoreFile(run)
                : kafka != null ? scoreKafkaLedger(kafka.kafka(), run) : scoreLedger(scorer, run);
        ScoreSheet sheet = run.finish();
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)) {
            if (format == Format.table) {
                ScoreTable.write(sheet, out);
            } else {
                writeJson(sheet, out);
            }
        }
        return rejected > 0 ? Civitas.FAILED : 0;
    }

    private long scoreFile(ScoringRun run) throws IOException {
        EventInput input = new EventInput(events.file);
        PrintWriter err = spec.commandLine().getErr();
        RefusalReport refusals = new RefusalReport(err);
        Set<EventKey> seen = new HashSet<>();
        try (InputStream in = input.open(); Progress progress = Progress.start("score", input.size(), "MiB", 1 << 20)) {
            NdjsonReader.withAvailableProcessors(OccurrenceWindow.RECORDED).read(in, batch -> {
                refusals.add(batch.refused());
                for (Event event : batch.events()) {
                    if (seen.add(event.key())) {
                        try {
                            run.accept(event);
                        } catch (RuntimeException e) {
                            countsForNoOne(err, "event " + event.key() + ": cannot be scored: " + e.getMessage());
                        }
                    }
                }
                progress.advance(batch.bytes());
            });
        }
        refusals.finish();
        return refusals.count();
    }

    /**
     * Scores the ledger. An entry that cannot be read or scored counts for no one, as on the server, and is named on
     * standard error; the scores of everyone else are whole, so it does not fail the command ('civitas verify' is
     * the one that does).
     */
    private long scoreLedger(Scorer scorer, ScoringRun run) {
        PrintWriter err = spec.commandLine().getErr();
        FileLedger.read(events.data, scorer::readsAny, (sequence, event) -> {
            try {
                run.accept(event);
            } catch (RuntimeException e) {
                // Scoring is pure computation over the event: what fails here fails for this event alone.
                countsForNoOne(err, "ledger entry " + sequence + ": cannot be scored: " + e.getMessage());
            }
        }, (sequence, person) -> run.include(person), unreadable -> {
            unreadable.envelope().ifPresent(envelope -> run.include(envelope.person()));
            countsForNoOne(err, "ledger " + unreadable);
        });
        err.flush();
        return 0;
    }

    /**
     * Scores the ledger of a Kafka runtime, partition by partition: each person's entries are in one partition, in
     * their order, so everyone scores as in the file ledger.
     */
    private long scoreKafkaLedger(KafkaSettings kafka, ScoringRun run) {
        PrintWriter err = spec.commandLine().getErr();
        KafkaLedger.read(kafka, (partition, person, body) -> {
            try {
                run.accept(EntryBody.event(body));
            } catch (RuntimeException e) {
                run.include(person);
                countsForNoOne(err, "partition " + partition + ", an entry of " + person + ": cannot be scored: "
                        + e.getMessage());
            }
        });
        err.flush();
        return 0;
    }

    private static void countsForNoOne(PrintWriter err, String what) {
        err.println("civitas score: " + what + "; it counts for no one");
    }

    private static void writeJson(ScoreSheet sheet, OutputStream out) throws IOException {
        try (JsonGenerator json = JsonOutput.lines(out)) {
            for (PersonScore person : sheet.people()) {
                ScoreJson.write(json, person);
            }
            if (!sheet.people().isEmpty()) {
                json.writeRaw('\n');
            }
        }
    }
}
