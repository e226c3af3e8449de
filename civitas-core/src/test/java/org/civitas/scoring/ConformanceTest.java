package org.civitas.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
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
import org.civitas.ndjson.ParsedBatch;
import org.civitas.rules.RuleBookLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance cases: rule books, events and scores computed independently of Civitas from the scoring semantics.
 * Every case shipped with the tests runs, and so does every case in {@code ../shared/conformance} when it is there.
 */
class ConformanceTest {

    static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");
    private static final Pattern EXPECTED_ENTRY = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(-?[0-9.]+)");

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path shipped = Path.of(ConformanceTest.class.getResource("/conformance").toURI());
        List<Path> cases = new ArrayList<>(foldersIn(shipped));
        Path shared = Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/conformance");
        if (Files.isDirectory(shared)) {
            cases.addAll(foldersIn(shared));
        }
        return cases.stream();
    }

    private static List<Path> foldersIn(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).filter(dir -> Files.exists(dir.resolve("expected.json")))
                    .sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scoresMatchTheIndependentlyComputedOnes(Path folder) throws IOException {
        Scorer scorer = new Scorer(new RuleBookLoader(Constitution.standard()).load(folder.resolve("rules.yaml")));
        ParsedBatch parsed;
        try (InputStream in = Files.newInputStream(folder.resolve("events.ndjson"))) {
            parsed = NdjsonReader.readAll(in);
        }
        assertThat(parsed.errors()).isEmpty();
        ScoringRun run = scorer.start(AT);
        Set<EventKey> seen = new HashSet<>();
        for (Event event : parsed.events()) {
            if (seen.add(event.key())) {
                run.accept(event);
            }
        }
        Map<String, Double> actual = new LinkedHashMap<>();
        run.finish().people().forEach(person -> actual.put(person.person(), person.roundedScore()));

        Map<String, Double> expected = expected(folder.resolve("expected.json"));
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet().stream().sorted().toList());
        expected.forEach((person, score) ->
                assertThat(actual.get(person)).as(person).isCloseTo(score, within(0.01)));
    }

    private static Map<String, Double> expected(Path file) throws IOException {
        Map<String, Double> expected = new LinkedHashMap<>();
        Matcher entry = EXPECTED_ENTRY.matcher(Files.readString(file));
        while (entry.find()) {
            expected.put(entry.group(1), Double.parseDouble(entry.group(2)));
        }
        return expected;
    }
}
