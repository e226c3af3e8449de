package org.civitas.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.civitas.constitution.Constitution;
import org.civitas.event.Event;
import org.civitas.event.EventKey;
import org.civitas.ndjson.NdjsonReader;
import org.civitas.rules.RuleBookLoader;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.ScoringRun;

/**
 * The scoring conformance cases, as the Kafka runtime's tests take them: core's, and the shared ones where they are.
 * Each is a rule book, its events and the scores computed independently of Civitas at {@link #AT}.
 */
public record ConformanceCases(Path folder) {

    public static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");
    private static final Pattern EXPECTED_ENTRY = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(-?[0-9.]+)");

    public static Stream<ConformanceCases> all() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> folders = new ArrayList<>(foldersIn(root.resolve("civitas-core/src/test/resources/conformance")));
        Path shared = root.getParent().resolve("shared/conformance");
        if (Files.isDirectory(shared)) {
            folders.addAll(foldersIn(shared));
        }
        return folders.stream().map(ConformanceCases::new);
    }

    private static List<Path> foldersIn(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(dir -> Files.exists(dir.resolve("expected.json"))).sorted().toList();
        }
    }

    public Scorer scorer() {
        return new Scorer(new RuleBookLoader(Constitution.standard()).load(folder.resolve("rules.yaml")));
    }

    /** The case's events, duplicates and all, in the order of its file. */
    public List<Event> events() throws IOException {
        try (InputStream in = Files.newInputStream(folder.resolve("events.ndjson"))) {
            return NdjsonReader.readAll(in).events();
        }
    }

    /** What the embedded engine gives: the first event of each source and id, scored in order at {@link #AT}. */
    public List<PersonScore> embeddedScores() throws IOException {
        Scorer scorer = scorer();
        ScoringRun run = scorer.start(AT);
        Set<EventKey> seen = new HashSet<>();
        events().stream().filter(event -> seen.add(event.key())).forEach(run::accept);
        return run.finish().people();
    }

    /** The scores computed independently, by person. */
    public Map<String, Double> expected() throws IOException {
        Map<String, Double> expected = new LinkedHashMap<>();
        Matcher entry = EXPECTED_ENTRY.matcher(Files.readString(folder.resolve("expected.json")));
        while (entry.find()) {
            expected.put(entry.group(1), Double.parseDouble(entry.group(2)));
        }
        return expected;
    }

    @Override
    public String toString() {
        return folder.getParent().getFileName() + "/" + folder.getFileName();
    }
}
