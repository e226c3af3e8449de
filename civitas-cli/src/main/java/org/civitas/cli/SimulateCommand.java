package org.civitas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.civitas.governance.Impact;
import org.civitas.governance.ImpactSimulation;
import org.civitas.ledger.FileLedger;
import org.civitas.ledger.LedgerReadAhead;
import org.civitas.rules.RuleBookLoader;
import org.civitas.rules.RuleBooks;
import org.civitas.scoring.Scorer;
import org.civitas.server.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what proposed rule books would do to everyone's score, before anyone votes on them.",
            "Scores the window's events of the ledger in DIR under the books in force and under the proposed ones,",
            "in one pass, with the engine that scores: the proposed scores are exactly what 'score' gives with them.",
            "Prints how many people would be affected, by how much (in bands), the scores before and after, and who",
            "would cross 1000; a cell about fewer than 20 people is suppressed."
        })
final class SimulateCommand implements Callable<Integer> {

    private static final Duration DEFAULT_WINDOW = Duration.ofDays(365);

    @Spec
    private CommandSpec spec;

    @Mixin
    private RuleBookOptions ruleBooks = new RuleBookOptions();

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "The ledger's data directory.")
    private Path data;

    @Option(names = "--proposed", paramLabel = "BOOK", required = true,
            description = "The proposed rule books: a file, or a folder with one per jurisdiction.")
    private Path proposed;

    @Option(names = "--from", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Start of the window, an ISO-8601 instant (default: 365 days before its end).")
    private Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "End of the window, and the instant scored at (default: now).")
    private Instant to;

    @Option(names = "--format", defaultValue = "json", description = "json or table (default: ${DEFAULT-VALUE}).")
    private Format format;

    enum Format { json, table }

    @Override
    public Integer call() throws Exception {
        Instant end = to != null ? to : Clock.systemUTC().instant();
        Instant start = from != null ? from : end.minus(DEFAULT_WINDOW);
        PrintWriter err = spec.commandLine().getErr();
        Impact impact;
        try (LedgerReadAhead ahead = LedgerReadAhead.start(data)) {
            RuleBookLoader loader = ruleBooks.loader(Optional.of(data));
            RuleBooks current = ruleBooks.load(loader, Optional.of(data));
            RuleBooks changed = loader.load(proposed);
            try (Progress progress = Progress.start("simulate", FileLedger.committedIn(data), "entries", 1)) {
                long[] shown = {0};
                impact = ImpactSimulation.replay(ahead, new Scorer(current), new Scorer(changed), start, end,
                        unreadable -> err.println("civitas simulate: ledger " + unreadable + "; it counts for no one"),
                        read -> {
                            progress.advance(read - shown[0]);
                            shown[0] = read;
                        }).impact();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.table) {
            table(impact, out);
        } else {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(impact));
        }
        out.flush();
        err.flush();
        return 0;
    }

    private static void table(Impact impact, PrintWriter out) {
        out.printf(Locale.ROOT, "window            %s to %s%n", impact.from(), impact.to());
        out.printf(Locale.ROOT, "people            %d%n", impact.people());
        out.printf(Locale.ROOT, "affected          %d%n", impact.affected());
        out.printf(Locale.ROOT, "mean change       %+.2f%n", impact.meanChange());
        out.printf(Locale.ROOT, "median change     %+.2f%n", impact.medianChange());
        out.printf(Locale.ROOT, "fall below 1000   %d%n", impact.crossBelow1000());
        out.printf(Locale.ROOT, "rise to 1000      %d%n", impact.crossAbove1000());
        out.printf(Locale.ROOT, "events matched    %d%n", impact.matchedEvents());
        out.println("change            people");
        for (Impact.Cell band : impact.bands()) {
            out.printf(Locale.ROOT, "%-17s %s%n", range(band), band.people() == null ? "fewer than "
                    + Impact.LEAST_PEOPLE_IN_A_CELL : band.people());
        }
    }

    private static String range(Impact.Cell band) {
        if (band.from() == null) {
            return String.format(Locale.ROOT, "below %.0f", band.to());
        }
        if (band.to() == null) {
            return String.format(Locale.ROOT, "%.0f or more", band.from());
        }
        if (band.from().equals(band.to())) {
            return "none";
        }
        return String.format(Locale.ROOT, "%.0f to %.0f", band.from(), band.to());
    }
}
