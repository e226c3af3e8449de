package org.civitas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.civitas.CivitasException;
import org.civitas.constitution.Constitution;
import org.civitas.demo.CityGenerator;
import org.civitas.demo.DemoAccounts;
import org.civitas.demo.DemoCity;
import org.civitas.demo.DemoSetup;
import org.civitas.rules.RuleBookLoader;
import org.civitas.scoring.ScoreSheet;
import org.civitas.server.CivitasServer;
import org.civitas.server.ServerSettings;
import org.civitas.server.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the demo city of Lakeside in the browser, on embedded storage, with no setup.",
            "Generates the residents and their recent history, registers the city's sources, makes an account for",
            "every role, and serves the pages and the API. The accounts are written to DIR/demo-accounts.json."
        })
final class DemoCommand implements Callable<Integer> {

    private static final String MARKER = ".civitas-demo";
    private static final double EVENTS_PER_PERSON_DAY = 5.4;
    private static final long MAX_HISTORY_EVENTS = 550_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port to serve on (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--people", defaultValue = "1000", description = "Residents (default: ${DEFAULT-VALUE}).")
    private int people;

    @Option(names = "--days", description = "Days of history (default: 90, fewer (down to 10) for large cities,"
            + " so that the demo starts in seconds).")
    private Integer days;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the city (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--data", defaultValue = "civitas-data/demo",
            description = "Where the demo keeps its data; made anew on every run (default: ${DEFAULT-VALUE}).")
    private Path data;

    @Option(names = "--accounts", description = "Residents who get a sign-in account (default: "
            + DemoSetup.CITIZEN_ACCOUNTS + "; a vote needs voters, and each account takes a moment to make).")
    private int citizenAccounts = DemoSetup.CITIZEN_ACCOUNTS;

    @Option(names = "--rules", paramLabel = "BOOKS", description = "Serve the city under these rule books and their"
            + " charters (a file, or a folder with one per jurisdiction) instead of the demo's own.")
    private Path rules;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Instant now = Clock.systemUTC().instant();
        int historyDays = days != null ? days : defaultDays(people);
        prepare(data);
        DemoCity.install(data);
        if (rules != null) {
            replaceRuleBooks(rules, RuleBookLoader.folderIn(data));
        }
        out.printf("Building Lakeside: %,d residents, %d days of history...%n", people, historyDays);
        out.flush();
        CityGenerator.Settings city = new CityGenerator.Settings(people, historyDays, seed,
                now.truncatedTo(ChronoUnit.MINUTES));
        long expected = Math.round(people * historyDays * EVENTS_PER_PERSON_DAY);
        ScoreSheet scores;
        try (Progress progress = Progress.start("recording", expected, "events", 1)) {
            long[] last = {0};
            scores = DemoSetup.recordHistory(city, data, written -> {
                progress.advance(written - last[0]);
                last[0] = written;
            });
        }
        ServerSettings settings = ServerSettings.embedded(data, port);
        DemoAccounts accounts = DemoAccountsSetup.create(settings.storage(), data, scores, citizenAccounts, now);
        Path accountsFile = data.resolve("demo-accounts.json");
        ObjectMapper json = Json.mapper();
        json.writerWithDefaultPrettyPrinter().writeValue(accountsFile.toFile(), accounts);
        CivitasServer server = startServer(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "civitas-shutdown"));
        DemoAccounts.Citizen citizen = accounts.citizens().get(0);
        out.printf("%nCivitas is running: %s%n", server.url());
        out.printf("Demo accounts (citizens, officials, and the sources' keys): %s%n", accountsFile);
        out.printf("Sign in as a citizen, e.g. %s with password %s. Press Ctrl-C to stop.%n", citizen.username(),
                citizen.password());
        out.flush();
        Thread.currentThread().join();
        return 0;
    }

    private static int defaultDays(int people) {
        long fit = Math.round(MAX_HISTORY_EVENTS / (people * EVENTS_PER_PERSON_DAY));
        return (int) Math.max(10, Math.min(90, fit));
    }

    private static CivitasServer startServer(ServerSettings settings) {
        try (StartupBar bar = new StartupBar()) {
            return CivitasServer.start(settings, bar);
        }
    }

    /** Puts the books in {@code given} (a file, or a folder of them) in place of the demo's, checked first. */
    private static void replaceRuleBooks(Path given, Path folder) throws IOException {
        new RuleBookLoader(Constitution.standard()).load(given);
        try (Stream<Path> demo = Files.list(folder)) {
            for (Path book : demo.toList()) {
                Files.delete(book);
            }
        }
        if (Files.isDirectory(given)) {
            try (Stream<Path> books = Files.list(given)) {
                for (Path book : books.filter(file -> file.toString().endsWith(".yaml")
                        || file.toString().endsWith(".yml")).toList()) {
                    Files.copy(book, folder.resolve(book.getFileName()));
                }
            }
        } else {
            Files.copy(given, folder.resolve(given.getFileName()));
        }
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
}
