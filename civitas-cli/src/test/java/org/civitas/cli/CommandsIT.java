package org.civitas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cli.CivitasCommand.run;
import static org.civitas.cli.CivitasCommand.runWithInput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.civitas.account.Actor;
import org.civitas.account.Role;
import org.civitas.constitution.Constitution;
import org.civitas.demo.DemoCity;
import org.civitas.governance.Legislation;
import org.civitas.governance.Proposal;
import org.civitas.governance.ProposalCheck;
import org.civitas.governance.ProposalDraft;
import org.civitas.governance.ProposalState;
import org.civitas.governance.ProposedChange;
import org.civitas.officials.Act;
import org.civitas.officials.OfficialRecord;
import org.civitas.privacy.PersonalKeys;
import org.civitas.rules.RuleBookLoader;
import org.civitas.source.SourcesFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The civitas commands, run as processes on real files. */
class CommandsIT {

    private static final String AT = "2026-11-01T00:00:00Z";
    private static final Path CONFORMANCE = Path.of("..", "civitas-core", "src", "test", "resources", "conformance");

    @TempDir
    Path work;

    /** The demo city's sources and rule books, as a user of these commands would give them. */
    private Path sources;
    private Path rules;

    @BeforeEach
    void writeTheCitysSourcesAndRuleBooks() {
        sources = work.resolve("city-sources.yaml");
        rules = work.resolve("city-rules");
        SourcesFile.write(sources, DemoCity.sources());
        DemoCity.writeRuleBooks(rules);
    }

    /** Ingests {@code events} into {@code data}, from the city's sources. */
    private CivitasCommand.Result ingest(Path data, String events) throws Exception {
        return run("ingest", "--sources", sources.toString(), "--data", data.toString(), events);
    }

    /** Scores by the city's rule books. */
    private CivitasCommand.Result score(String... arguments) throws Exception {
        return run(Stream.concat(Stream.of("score", "--rules", rules.toString()), Stream.of(arguments))
                .toArray(String[]::new));
    }

    private Path generate(int people, int days, long seed) throws Exception {
        Path file = work.resolve("city-" + people + "-" + days + "-" + seed + ".ndjson");
        CivitasCommand.Result result = run("generate", "--people", "" + people, "--days", "" + days,
                "--seed", "" + seed, "--output", file.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        return file;
    }

    @Test
    void helpListsEveryCommandAndEachCommandHasItsOwn() throws Exception {
        CivitasCommand.Result help = run("--help");

        assertThat(help.exit()).isZero();
        for (String command : List.of("demo", "serve", "generate", "ingest", "score", "simulate", "verify", "stats")) {
            assertThat(help.out()).contains("  " + command + " ");
            CivitasCommand.Result own = run(command, "--help");
            assertThat(own.exit()).isZero();
            assertThat(own.out()).startsWith("Usage: civitas " + command);
        }
    }

    @Test
    void aWrongCommandLineExitsWithTwoAndSaysWhy() throws Exception {
        CivitasCommand.Result result = score("--events");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter for option '--events'");
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedInOneLineWithoutAStackTrace() throws Exception {
        Path nowhere = work.resolve("missing-folder").resolve("city.ndjson");

        CivitasCommand.Result result = run("generate", "--people", "5", "--days", "1", "--output", nowhere.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.errLines()).containsExactly("civitas generate: no such file or directory: " + nowhere);
        assertThat(work.resolve("missing-folder")).doesNotExist();
    }

    @Test
    void aFileThatCannotBeReadIsNamedInOneLineWithoutAStackTrace() throws Exception {
        Path missing = work.resolve("missing.ndjson");

        CivitasCommand.Result result = score("--events", missing.toString(), "--at", AT);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.errLines()).containsExactly("civitas score: no such file or directory: " + missing);
    }

    @Test
    void generateGivesTheSameCityForTheSameSeed() throws Exception {
        CivitasCommand.Result first = run("generate", "--people", "20", "--days", "3", "--seed", "9");
        CivitasCommand.Result again = run("generate", "--people", "20", "--days", "3", "--seed", "9");
        CivitasCommand.Result other = run("generate", "--people", "20", "--days", "3", "--seed", "10");

        assertThat(first.out()).isNotEmpty().isEqualTo(again.out()).isNotEqualTo(other.out());
        assertThat(first.outLines()).allSatisfy(line -> assertThat(line).startsWith("{\"id\":"));
    }

    @Test
    void ingestedEventsScoreAsTheFileDoesAndCountOnce() throws Exception {
        Path events = generate(150, 20, 4);
        long lines = Files.lines(events).count();
        Path data = work.resolve("data");

        CivitasCommand.Result ingest = ingest(data, events.toString());
        CivitasCommand.Result again = ingest(data, events.toString());

        assertThat(ingest.exit()).as(ingest.err()).isZero();
        assertThat(ingest.out().trim()).isEqualTo("{\"accepted\":" + lines + ",\"duplicates\":0,\"rejected\":0,"
                + "\"ledgerEvents\":" + lines + "}");
        assertThat(again.out().trim()).isEqualTo("{\"accepted\":0,\"duplicates\":" + lines + ",\"rejected\":0,"
                + "\"ledgerEvents\":" + lines + "}");
        CivitasCommand.Result stats = run("stats", "--data", data.toString());
        assertThat(stats.out()).contains("\"events\" : " + lines).contains("\"people\" : 150")
                .contains("\"lakeside\"").contains("\"web-visit\"");
        CivitasCommand.Result verify = run("verify", "--data", data.toString());
        assertThat(verify.exit()).isZero();
        assertThat(verify.out()).startsWith("intact: " + lines + " entries, chain head ");
        CivitasCommand.Result fromLedger = score("--data", data.toString(), "--at", AT);
        CivitasCommand.Result fromFile = score("--events", events.toString(), "--at", AT);
        assertThat(fromLedger.exit()).isZero();
        assertThat(fromLedger.outLines()).hasSize(150);
        assertThat(fromLedger.out()).isEqualTo(fromFile.out());
        assertThat(Files.readString(events)).contains("\"site\":\"news.lakeside.example\"");
        assertThat(ledgerBytes(data)).as("personal-only attributes are sealed in the ledger")
                .doesNotContain("news.lakeside.example").doesNotContain("\"site\"").contains("browsing");
    }

    @Test
    void sourcesGivenOnceAreRegisteredInTheDataDirectoryAndOnlyTheirTypesTaken() throws Exception {
        Path events = work.resolve("city.ndjson");
        Path written = work.resolve("written-sources.yaml");
        Path writtenRules = work.resolve("written-rules");
        CivitasCommand.Result generated = run("generate", "--people", "10", "--days", "2", "--output",
                events.toString(), "--write-sources", written.toString(), "--write-rules", writtenRules.toString());
        assertThat(generated.exit()).as(generated.err()).isZero();
        assertThat(SourcesFile.read(written)).isEqualTo(DemoCity.sources());
        Path data = work.resolve("data");
        Path stranger = work.resolve("stranger.ndjson");
        Files.writeString(stranger, "{\"id\":\"x-1\",\"source\":\"city-traffic\",\"person\":\"p-1\","
                + "\"type\":\"jaywalking\",\"occurredAt\":\"2026-10-01T10:00:00Z\",\"jurisdiction\":\"lakeside\"}\n"
                + "{\"id\":\"x-2\",\"source\":\"city-traffic\",\"person\":\"p-1\","
                + "\"type\":\"speeding\",\"occurredAt\":\"2026-10-01T10:00:00Z\",\"jurisdiction\":\"lakeside\"}\n");

        CivitasCommand.Result first = run("ingest", "--sources", written.toString(), "--data", data.toString(),
                events.toString());
        CivitasCommand.Result later = run("ingest", "--data", data.toString(), stranger.toString());

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(SourcesFile.readIn(data)).isEqualTo(DemoCity.sources());
        assertThat(later.exit()).isEqualTo(1);
        assertThat(later.errLines()).containsExactly("line 1: type: source 'city-traffic' did not register type"
                + " 'jaywalking'; it registered ['red-light-crossing', 'speeding']");
        assertThat(later.out()).contains("\"accepted\":1,");
        CivitasCommand.Result scored = run("score", "--rules", writtenRules.toString(), "--data", data.toString(),
                "--at", AT);
        assertThat(scored.exit()).as(scored.err()).isZero();
        assertThat(scored.outLines()).hasSize(11);
    }

    @Test
    void simulateShowsExactlyWhatScoringWithTheProposedBooksWouldChange() throws Exception {
        Path data = work.resolve("data");
        assertThat(ingest(data, generate(200, 30, 5).toString()).exit()).isZero();
        Path proposed = work.resolve("proposed");
        DemoCity.writeRuleBooks(proposed);
        Path lakeside = proposed.resolve("lakeside.yaml");
        Files.writeString(lakeside, Files.readString(lakeside)
                .replace("  - id: obligations.bill-paid-late\n", "  - id: obligations.bill-paid-late\n    version: 2\n")
                .replace("points: -10", "points: -3"));

        CivitasCommand.Result simulated = run("simulate", "--rules", rules.toString(), "--proposed",
                proposed.toString(), "--data", data.toString(), "--from", "2025-01-01T00:00:00Z", "--to", AT);
        CivitasCommand.Result before = score("--data", data.toString(), "--at", AT);
        CivitasCommand.Result after = run("score", "--rules", proposed.toString(), "--data", data.toString(), "--at",
                AT);

        assertThat(simulated.exit()).as(simulated.err()).isZero();
        JsonNode impact = new ObjectMapper().readTree(simulated.out());
        Map<String, Double> was = scores(before);
        Map<String, Double> will = scores(after);
        long affected = was.keySet().stream().filter(person -> !was.get(person).equals(will.get(person))).count();
        double change = was.keySet().stream().mapToDouble(person -> will.get(person) - was.get(person)).sum();
        assertThat(impact.get("affected").asLong()).isEqualTo(affected).isPositive();
        assertThat(impact.get("meanChange").asDouble() * impact.get("people").asLong())
                .isCloseTo(change, org.assertj.core.data.Offset.offset(0.01));
        assertThat(impact.get("crossBelow1000").asLong()).isZero();
        assertThat(impact.get("bands")).hasSize(7);
    }

    @Test
    void scoringADataDirectoryFollowsTheBooksItsGovernanceLedgerAdoptedAndVerifyChecksThem() throws Exception {
        Path data = work.resolve("data");
        assertThat(ingest(data, generate(200, 30, 5).toString()).exit()).isZero();
        DemoCity.writeRuleBooks(RuleBookLoader.folderIn(data));
        Path proposed = work.resolve("proposed");
        DemoCity.writeRuleBooks(proposed);
        Path lakeside = proposed.resolve("lakeside.yaml");
        Files.writeString(lakeside, Files.readString(lakeside).replace("points: -10", "points: -3"));
        String rule = "{\"id\":\"obligations.bill-paid-late\",\"title\":\"A bill paid more than 30 days late\","
                + "\"category\":\"obligations\",\"on\":\"bill-payment\",\"when\":\"event.attributes.daysLate > 30\","
                + "\"points\":-3,\"halfLife\":\"P90D\"}";
        Proposal proposal = new Proposal("prop-1", "p-1", new ProposalDraft("lakeside", "Milder", "Why",
                new ProposedChange(ProposedChange.Kind.CHANGE, "obligations.bill-paid-late", Optional.of(rule)), true,
                List.of()), ProposalState.VOTING, Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-10-15T00:00:00Z"), 1, 1, Optional.empty(), Optional.empty());
        RuleBookLoader loader = new RuleBookLoader(Constitution.standard());
        Legislation legislation = new Legislation(loader.loadIn(data).orElseThrow(), data,
                new ProposalCheck(loader));
        legislation.adopt(proposal, Instant.parse("2026-10-20T00:00:00Z"));
        legislation.close();

        CivitasCommand.Result adopted = run("score", "--data", data.toString(), "--at", AT);
        CivitasCommand.Result asProposed = run("score", "--rules", proposed.toString(), "--data", data.toString(),
                "--at", AT);
        CivitasCommand.Result verify = run("verify", "--data", data.toString());

        assertThat(adopted.exit()).as(adopted.err()).isZero();
        assertThat(scores(adopted)).isEqualTo(scores(asProposed)).isNotEqualTo(scores(score("--data",
                data.toString(), "--at", AT)));
        assertThat(adopted.out()).contains("\"adoptedBy\":\"prop-1\"").contains("\"occurredIn\":\"lakeside\"");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("governance intact: 1 rule book versions");
    }

    private static Map<String, Double> scores(CivitasCommand.Result scored) throws IOException {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String line : scored.outLines()) {
            JsonNode person = new ObjectMapper().readTree(line);
            scores.put(person.get("person").asText(), person.get("score").asDouble());
        }
        return scores;
    }

    @Test
    void aDataDirectoryWithRuleBooksTakesOnlyEventsInTheirJurisdictions() throws Exception {
        Path data = work.resolve("data");
        DemoCity.install(data);
        Path events = work.resolve("places.ndjson");
        String event = "{\"id\":\"%s\",\"source\":\"city-traffic\",\"person\":\"p-1\",\"type\":\"speeding\","
                + "\"occurredAt\":\"2026-10-01T10:00:00Z\",\"jurisdiction\":\"%s\"}\n";
        Files.writeString(events, String.format(event, "x-1", "vale") + String.format(event, "x-2", "atlantis"));

        CivitasCommand.Result ingest = run("ingest", "--data", data.toString(), events.toString());

        assertThat(ingest.exit()).isEqualTo(1);
        assertThat(ingest.errLines()).containsExactly("line 2: jurisdiction: 'atlantis' has no rule book here; known"
                + " are ['lakeside', 'riverton', 'vale']");
        assertThat(ingest.out()).contains("\"accepted\":1,");
    }

    @Test
    void withoutSourcesOrRuleBooksTheCommandsSayHowToGiveThem() throws Exception {
        Path data = work.resolve("data");
        Path events = generate(2, 1, 1);

        CivitasCommand.Result ingest = run("ingest", "--data", data.toString(), events.toString());
        CivitasCommand.Result score = run("score", "--events", events.toString());
        CivitasCommand.Result scoreData = run("score", "--data", data.toString());

        assertThat(ingest.exit()).isEqualTo(1);
        assertThat(ingest.err()).startsWith("civitas ingest: no source is registered in " + data
                + " to send events: give them with --sources FILE");
        assertThat(data.resolve("ledger")).doesNotExist();
        assertThat(score.exit()).isEqualTo(1);
        assertThat(score.errLines()).containsExactly("civitas score: no rule book to score by: give one with --rules"
                + " BOOK (a file, or a folder with one per jurisdiction)");
        assertThat(scoreData.err()).contains(", or put them in " + data.resolve("rules"));
    }

    private static String ledgerBytes(Path data) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> segments = Files.list(data.resolve("ledger"))) {
            for (Path segment : segments.toList()) {
                all.append(new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    @Test
    void malformedLinesAreNamedOnStandardErrorAndTheValidOnesKept() throws Exception {
        Path events = work.resolve("mixed.ndjson");
        String valid = "{\"id\":\"ev-%d\",\"source\":\"city-traffic\",\"person\":\"p-1\",\"type\":\"speeding\","
                + "\"occurredAt\":\"2026-10-01T10:00:00Z\",\"jurisdiction\":\"lakeside\","
                + "\"attributes\":{\"kmhOver\":35}}";
        Files.writeString(events, String.format(valid, 1) + "\n"
                + "{oops\n"
                + String.format(valid, 2).replace("2026-10-01T10:00:00Z", "2026-10-32T10:00:00Z") + "\n"
                + String.format(valid, 3).replace("\"person\":\"p-1\",", "") + "\n"
                + String.format(valid, 4) + "\n");
        Path data = work.resolve("data");

        CivitasCommand.Result ingest = ingest(data, events.toString());

        assertThat(ingest.exit()).isEqualTo(1);
        assertThat(ingest.errLines()).containsExactly(
                "line 2: json: not valid JSON at column 2: Unexpected character ('o' (code 111)): was expecting"
                        + " double-quote to start field name",
                "line 3: occurredAt: \"2026-10-32T10:00:00Z\" is not an ISO-8601 instant"
                        + " (expected e.g. 2026-03-01T03:12:00Z)",
                "line 4: person: missing (required)");
        assertThat(ingest.out().trim())
                .isEqualTo("{\"accepted\":2,\"duplicates\":0,\"rejected\":3,\"ledgerEvents\":2}");
        CivitasCommand.Result score = score("--events", events.toString(), "--at", AT);
        assertThat(score.exit()).isEqualTo(1);
        assertThat(score.errLines()).hasSize(3);
        assertThat(score.out()).startsWith("{\"person\":\"p-1\",\"score\":").contains("\"event\":\"ev-4\"");
    }

    @Test
    void hostileLinesAreRefusedAloneAndTheLedgerStaysReadable() throws Exception {
        Path events = work.resolve("hostile.ndjson");
        String valid = "{\"id\":\"ev-%d\",\"source\":\"city-traffic\",\"person\":\"p-1\",\"type\":\"speeding\","
                + "\"occurredAt\":\"2026-10-01T10:00:00Z\",\"jurisdiction\":\"lakeside\","
                + "\"attributes\":{\"kmhOver\":35,\"note\":\"%s\"}}\n";
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        text.writeBytes(String.format(valid, 1, "ok").getBytes(StandardCharsets.UTF_8));
        String[] surrogate = String.format(valid, 2, "|").split("\\|");
        text.writeBytes(surrogate[0].getBytes(StandardCharsets.UTF_8));
        text.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        text.writeBytes(surrogate[1].getBytes(StandardCharsets.UTF_8));
        text.writeBytes(new byte[] {0, 0, 0, 0, '\n'});
        text.writeBytes(String.format(valid, 3, "far").replace("2026-10-01T10:00:00Z", "+999999999-12-31T23:59:59Z")
                .getBytes(StandardCharsets.UTF_8));
        text.writeBytes(String.format(valid, 4, "ok").getBytes(StandardCharsets.UTF_8));
        Files.write(events, text.toByteArray());
        Path data = work.resolve("data");

        CivitasCommand.Result ingest = ingest(data, events.toString());

        assertThat(ingest.exit()).isEqualTo(1);
        assertThat(ingest.errLines()).satisfiesExactly(
                line -> assertThat(line).matches("line 2: line: byte \\d+: 0xED 0xA0 0x80 is not well-formed UTF-8;.*"),
                line -> assertThat(line).startsWith("line 3: line: byte 1: the control character U+0000"),
                line -> assertThat(line).startsWith("line 4: occurredAt: +999999999-12-31T23:59:59Z is after "));
        assertThat(ingest.out().trim())
                .isEqualTo("{\"accepted\":2,\"duplicates\":0,\"rejected\":3,\"ledgerEvents\":2}");
        CivitasCommand.Result score = score("--data", data.toString(), "--at", AT);
        assertThat(score.exit()).isZero();
        assertThat(score.out()).contains("\"event\":\"ev-4\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"harbor", "warnings"})
    void scoresTheConformanceCasesAsExpected(String name) throws Exception {
        Path folder = CONFORMANCE.resolve(name);
        CivitasCommand.Result result = run("score", "--rules", folder.resolve("rules.yaml").toString(),
                "--events", folder.resolve("events.ndjson").toString(), "--at", AT, "--format", "json");

        assertThat(result.exit()).as(result.err()).isZero();
        Map<String, Double> actual = new LinkedHashMap<>();
        Pattern scoreLine = Pattern.compile("^\\{\"person\":\"([^\"]+)\",\"score\":([0-9.]+),");
        for (String line : result.outLines()) {
            Matcher matcher = scoreLine.matcher(line);
            assertThat(matcher.find()).as(line).isTrue();
            actual.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        Map<String, Double> expected = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("\"([^\"]+)\"\\s*:\\s*([0-9.]+)")
                .matcher(Files.readString(folder.resolve("expected.json")));
        while (entry.find()) {
            expected.put(entry.group(1), Double.parseDouble(entry.group(2)));
        }
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((person, score) -> assertThat(actual.get(person)).as(person).isCloseTo(score,
                org.assertj.core.data.Offset.offset(0.01)));
    }

    @Test
    void warningsScoreFromTheLedgerAsFromTheFileAndSayWhatARepeatWouldCost() throws Exception {
        Path folder = CONFORMANCE.resolve("warnings");
        String rules = folder.resolve("rules.yaml").toString();
        String events = folder.resolve("events.ndjson").toString();
        Path data = work.resolve("data");
        Path harborSources = work.resolve("harbor-sources.yaml");
        Files.writeString(harborSources, "sources:\n  - source: city\n    types: { speeding: traffic,"
                + " volunteering: civic }\n");

        CivitasCommand.Result ingest = run("ingest", "--sources", harborSources.toString(), "--data",
                data.toString(), events);
        CivitasCommand.Result fromLedger = run("score", "--rules", rules, "--data", data.toString(), "--at", AT);
        CivitasCommand.Result fromFile = run("score", "--rules", rules, "--events", events, "--at", AT);

        assertThat(ingest.out()).contains("\"duplicates\":1");
        assertThat(fromLedger.exit()).as(fromLedger.err()).isZero();
        assertThat(fromLedger.out()).isEqualTo(fromFile.out());
        assertThat(fromFile.outLines().get(0)).startsWith("{\"person\":\"p-001\",\"score\":998.15,")
                .contains("\"event\":\"w-1\"")
                .contains("\"granted\":0,\"warning\":true,\"nextOffencePoints\":-6,")
                .contains("\"granted\":-6,\"warning\":false,\"nextOffencePoints\":null,");
    }

    @Test
    void scoresFromStandardInputAsATable() throws Exception {
        Path events = generate(5, 30, 2);

        CivitasCommand.Result result = runWithInput(events, "score", "--rules", rules.toString(),
                "--events", "-", "--at", AT, "--format",
                "table");

        assertThat(result.exit()).isZero();
        assertThat(result.outLines().get(0)).startsWith("PERSON").contains("SCORE");
        assertThat(result.outLines()).hasSize(6);
    }

    @Test
    void aRuleBookThatBreaksTheConstitutionIsRefusedNamingRuleAndClause() throws Exception {
        Path book = work.resolve("book.yaml");
        Files.writeString(book, """
                jurisdiction: lakeside
                timezone: Europe/Berlin
                rules:
                  - id: speech.complaints
                    title: Complaining about the mayor
                    category: speech
                    on: complaint
                    points: -5
                    halfLife: P30D
                """);

        CivitasCommand.Result result = run("score", "--rules", book.toString(), "--events",
                generate(2, 1, 1).toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains(book + ":4:5: rule 'speech.complaints': breaks clause art-3"
                + " (\"Speech never costs points.");
    }

    @Test
    void verifyNamesTheFirstAlteredEntry() throws Exception {
        Path data = work.resolve("data");
        ingest(data, generate(10, 3, 1).toString());
        Path segment;
        try (var files = Files.list(data.resolve("ledger"))) {
            segment = files.filter(file -> file.toString().endsWith(".segment")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(segment, bytes);

        CivitasCommand.Result verify = run("verify", "--data", data.toString());

        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.err()).containsPattern("the ledger is NOT intact: entry \\d+ was altered");
        CivitasCommand.Result ingest = ingest(data, generate(10, 3, 2).toString());
        assertThat(ingest.exit()).isEqualTo(1);
        assertThat(ingest.err()).contains("the ledger is damaged");
        assertThat(Files.readAllBytes(segment)).isEqualTo(bytes);
    }

    @Test
    void verifyChecksTheOfficialRecordToo() throws Exception {
        Path data = work.resolve("data");
        ingest(data, generate(10, 3, 1).toString());
        try (OfficialRecord record = OfficialRecord.open(data, PersonalKeys.open(data), Clock.systemUTC())) {
            record.record(new Actor("rita", Role.REVIEWER), Act.DISPUTE_DECIDED, "decided a dispute: upheld",
                    Optional.of("p-0001"));
            record.record(new Actor("adam", Role.ADMIN), Act.SOURCE_REVOKED, "revoked source bank", Optional.empty());
        }

        CivitasCommand.Result intact = run("verify", "--data", data.toString());
        Path segment;
        try (var files = Files.list(OfficialRecord.directoryIn(data).resolve("ledger"))) {
            segment = files.filter(file -> file.toString().endsWith(".segment")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(segment, bytes);
        CivitasCommand.Result altered = run("verify", "--data", data.toString());

        assertThat(intact.exit()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("official record intact: 2 acts");
        assertThat(altered.exit()).isEqualTo(1);
        assertThat(altered.err()).contains("the official record, which keeps every act of an official, is NOT intact");
    }

}
