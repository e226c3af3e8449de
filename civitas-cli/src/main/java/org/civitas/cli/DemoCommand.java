package org.civitas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.civitas.CivitasException;
import org.civitas.city.CityGenerator;
import org.civitas.city.DemoCity;
import org.civitas.constitution.Constitution;
import org.civitas.event.Event;
import org.civitas.ledger.AppendResult;
import org.civitas.ledger.FileLedger;
import org.civitas.ledger.Verification;
import org.civitas.rules.RuleBookLoader;
import org.civitas.scoring.Contribution;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.ScoreSheet;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.ScoringRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Builds the demo city of Lakeside and shows it scored, from the terminal.",
            "Generates residents and their recent history, appends it to a fresh ledger in DIR, verifies the chain,",
            "scores everyone now with the demo rule books and explains the highest and lowest scores."
        })
final class DemoCommand implements Callable<Integer> {

    private static final String MARKER = ".civitas-demo";
    private static final int BATCH = 65_536;

    @Spec
    private CommandSpec spec;

    @Option(names = "--people", defaultValue = "1000", description = "Residents (default: ${DEFAULT-VALUE}).")
    private int people;

    @Option(names = "--days", defaultValue = "90", description = "Days of history (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--data", defaultValue = "civitas-data/demo",
            description = "Where the demo keeps its ledger; recreated on every run (default: ${DEFAULT-VALUE}).")
    private Path data;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Instant now = Clock.systemUTC().instant();
        Instant until = now.truncatedTo(ChronoUnit.HOURS);
        prepare(data);
        out.printf("Lakeside, a synthetic city: %,d residents, %d days of history.%n", people, days);

        long started = System.nanoTime();
        long[] counts = new long[2];
        try (FileLedger ledger = FileLedger.open(data)) {
            List<Event> batch = new ArrayList<>(BATCH);
            new CityGenerator(new CityGenerator.Settings(people, days, 1, until)).generate(event -> {
                batch.add(event);
                if (batch.size() == BATCH) {
                    append(ledger, batch, counts);
                }
            });
            append(ledger, batch, counts);
        }
        out.printf("  recorded %,d events in the ledger %s, each durable before it counted (%.1f s)%n",
                counts[0], FileLedger.directoryIn(data), seconds(started));

        Verification verification = FileLedger.verify(data);
        out.printf("  walked the hash chain: %s, head %s%n", verification.intact() ? "intact" : "DAMAGED",
                verification.headHash().substring(0, 16));

        Scorer scorer = new Scorer(DemoCity.ruleBooks(new RuleBookLoader(Constitution.standard())));
        ScoringRun run = scorer.start(now);
        FileLedger.read(data, scorer::readsAny, (sequence, event) -> run.accept(event),
                (sequence, person) -> run.include(person));
        ScoreSheet sheet = run.finish();
        out.printf("  scored everyone as of %s with the demo rule books%n%n", now.truncatedTo(ChronoUnit.SECONDS));

        List<PersonScore> byScore = sheet.people().stream()
                .sorted(Comparator.comparingDouble(PersonScore::score)).toList();
        out.println("Lowest scores: a falling score opens an offer of help, and never decides anything else.");
        byScore.stream().limit(5).forEach(person -> explain(out, person));
        out.println();
        out.println("Highest scores: good conduct earns extras, never basic rights.");
        byScore.stream().skip(Math.max(0, byScore.size() - 3)).forEach(person -> explain(out, person));
        out.println();
        out.printf("Explore it: ./civitas score --data %s --format table%n", data);
        out.printf("            ./civitas stats --data %s%n", data);
        out.printf("            ./civitas verify --data %s%n", data);
        out.flush();
        return verification.intact() ? 0 : Civitas.FAILED;
    }

    private static void append(FileLedger ledger, List<Event> batch, long[] counts) {
        AppendResult result = ledger.append(batch);
        counts[0] += result.accepted().size();
        counts[1] += result.duplicates();
        batch.clear();
    }

    private static void explain(PrintWriter out, PersonScore person) {
        out.printf("  %-8s %8.2f%n", person.person(), person.roundedScore());
        person.contributions().stream()
                .sorted(Comparator.comparingDouble((Contribution c) -> Math.abs(c.worth())).reversed())
                .limit(3)
                .forEach(contribution -> out.printf("      %+7.2f  %s (%s, %s)%n", contribution.worth(),
                        contribution.title(), contribution.rule(), contribution.occurredAt().truncatedTo(
                                ChronoUnit.DAYS).toString().substring(0, 10)));
    }

    /** Empties the demo's own directory; refuses to touch a directory the demo did not make. */
    private static void prepare(Path data) throws IOException {
        if (Files.exists(data)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(data)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(data.resolve(MARKER))) {
                throw new CivitasException(data + " exists and was not made by the demo; choose another --data");
            }
            try (Stream<Path> tree = Files.walk(data)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(data);
        Files.writeString(data.resolve(MARKER), "made by 'civitas demo'; deleted and made anew on every run\n");
    }

    private static double seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() / 1000.0;
    }
}
