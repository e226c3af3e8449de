package org.civitas.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.civitas.constitution.Constitution;
import org.civitas.event.EventCategories;
import org.civitas.validation.Issue;
import org.civitas.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBookLoaderTest {

    private static final RuleBookLoader LOADER = new RuleBookLoader(Constitution.standard());

    private static final String GOOD = """
            jurisdiction: lakeside
            timezone: Europe/Berlin
            rules:
              - id: traffic.crossing-in-traffic
                title: Crossing against the light in traffic
                category: traffic
                on: red-light-crossing
                when: 'ctx.hour >= 6 && ctx.hour < 22 && event.attributes.traffic > 0.25'
                points: -6
                halfLife: P60D
                cap: { points: 12, per: P7D }
                effective: { from: '2026-01-01T00:00:00Z', until: '2027-01-01T00:00:00Z' }
              - id: civic.cleanup
                version: 3
                title: Joining a clean-up
                category: civic
                on: cleanup
                points: 2
            """;

    private static List<Issue> issuesOf(String yaml) {
        try {
            LOADER.read("book.yaml", yaml);
        } catch (ValidationException e) {
            return e.issues();
        }
        throw new AssertionError("the book was accepted");
    }

    private static List<String> problemsOf(String yaml) {
        return issuesOf(yaml).stream().map(Issue::toString).toList();
    }

    @Test
    void readsEveryPartOfARule() {
        RuleBook book = LOADER.read("book.yaml", GOOD);

        assertThat(book.jurisdiction()).isEqualTo("lakeside");
        assertThat(book.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        Rule rule = book.rules().get(0);
        assertThat(rule.id()).isEqualTo("traffic.crossing-in-traffic");
        assertThat(rule.on()).isEqualTo("red-light-crossing");
        assertThat(rule.points()).isEqualTo(-6);
        assertThat(rule.halfLife()).contains(Duration.ofDays(60));
        assertThat(rule.cap()).contains(new Cap(12, Duration.ofDays(7)));
        assertThat(rule.effective().covers(Instant.parse("2026-01-01T00:00:00Z"))).isTrue();
        assertThat(rule.effective().covers(Instant.parse("2027-01-01T00:00:00Z"))).isFalse();
        assertThat(rule.when().expression()).startsWith("ctx.hour >= 6");
        Rule cleanup = book.rules().get(1);
        assertThat(cleanup.version()).isEqualTo(3);
        assertThat(cleanup.halfLife()).isEmpty();
        assertThat(cleanup.warnFirst()).isEmpty();
        assertThat(cleanup.when().expression()).isEmpty();
    }

    @Test
    void noRuleReadsTheEntriesCivitasRecordsItself() {
        List<String> problems = problemsOf(GOOD.replace("on: red-light-crossing", "on: dispute-opened"));

        assertThat(problems).singleElement().asString().endsWith("rule 'traffic.crossing-in-traffic': on:"
                + " 'dispute-opened' is reserved for the entries Civitas records itself; no rule may read them");
    }

    @Test
    void aRuleMayRewardAConfirmedAttestationButNeverPunishIt() {
        String praise = "jurisdiction: lakeside\ntimezone: UTC\nrules:\n  - id: civic.praise\n    title: Praise\n"
                + "    category: civic\n    on: attestation-confirmed\n    points: POINTS\n    halfLife: P30D\n"
                + "attestations:\n  - { id: helped-a-neighbour, title: Helped a neighbour }\n";

        RuleBook rewarded = LOADER.read("book.yaml", praise.replace("POINTS", "2"));

        assertThat(rewarded.attestations()).containsExactly(new AttestationKind("helped-a-neighbour",
                "Helped a neighbour"));
        assertThat(RuleBookText.of(LOADER.read("again.yaml", RuleBookText.of(rewarded))))
                .isEqualTo(RuleBookText.of(rewarded)).contains("helped-a-neighbour");
        assertThat(problemsOf(praise.replace("POINTS", "-2"))).singleElement().asString()
                .endsWith("praise never costs points: a rule on attestation-confirmed grants more than 0");
    }

    @Test
    void aRewardIsAnExtraThatTheConstitutionKeepsFromBasicRightsWithAnEligibilityChecked() {
        String book = "jurisdiction: lakeside\ntimezone: UTC\nrules: []\nrewards:\n"
                + "  - { id: hall, title: The community hall for an evening, gives: the hall free for an evening,"
                + " provider: volunteer-hub, eligible: \"count['civic.volunteering'] >= 2 && score >= 990.0\" }\n";

        RuleBook offered = LOADER.read("book.yaml", book);

        assertThat(offered.rewards()).singleElement().satisfies(reward -> assertThat(reward.provider())
                .isEqualTo("volunteer-hub"));
        assertThat(RuleBookText.of(LOADER.read("again.yaml", RuleBookText.of(offered))))
                .isEqualTo(RuleBookText.of(offered));
        assertThat(problemsOf(book.replace("the hall free for an evening", "a free bus pass and a cheaper rent")))
                .singleElement().asString().contains("breaks clause art-9").contains("'rent' touches a basic right");
        assertThat(problemsOf(book.replace("The community hall", "Priority schooling"))).singleElement().asString()
                .contains("'schooling' touches a basic right");
        assertThat(problemsOf(book.replace("score >= 990.0", "score >= 'high'"))).singleElement().asString()
                .contains("reward 'hall': eligible: 1:");
    }

    @Test
    void pointsAtASyntaxErrorInAConditionWithFileRuleAndPosition() {
        List<String> problems = problemsOf(GOOD.replace("ctx.hour < 22 &&", "ctx.hour < 22 &&&"));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("book.yaml:8:45: rule 'traffic.crossing-in-traffic': when: ");
    }

    @Test
    void suggestsTheNameAMisspeltVariableWasMeantToBe() {
        List<String> problems = problemsOf(GOOD.replace("event.attributes.traffic", "event.atributes.traffic"));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).isEqualTo("book.yaml:8:46: rule 'traffic.crossing-in-traffic': when: "
                + "unknown name 'event.atributes' — did you mean 'event.attributes'?");
    }

    @Test
    void reportsTypeErrors() {
        List<String> problems = problemsOf(GOOD.replace("ctx.hour >= 6 &&", "ctx.hour + \"x\" >= 6 &&"));

        assertThat(problems).singleElement().asString()
                .startsWith("book.yaml:8:")
                .contains("rule 'traffic.crossing-in-traffic': when:")
                .contains("found no matching overload for '_+_'");
    }

    @Test
    void aBookWithoutACharterIsChangedUnderTheDefaultOneAndACharterMayChangeAnyPartOfIt() {
        assertThat(LOADER.read("book.yaml", GOOD).charter()).isEqualTo(Charter.DEFAULT);

        RuleBook book = LOADER.read("book.yaml", GOOD.replace("rules:\n", """
                charter:
                  supportThreshold: 3
                  debate: PT10M
                  quorum: 0.25
                rules:
                """));

        assertThat(book.charter()).isEqualTo(new Charter(SupportThreshold.count(3), Duration.ofMinutes(10),
                Charter.DEFAULT.voting(), new BigDecimal("0.25"), Charter.DEFAULT.majority(), Duration.ofDays(30),
                HelpTriggers.DEFAULT));
    }

    @Test
    void everyProblemOfACharterIsNamedWithItsPlace() {
        assertThat(problemsOf(GOOD.replace("rules:\n", """
                charter:
                  supportThreshold: some
                  debate: P1M
                  quorum: 1.5
                  majority: 0.4
                  noticePeriod: P7D
                  quorom: 0.2
                rules:
                """))).containsExactly(
                "book.yaml:9:3: unknown field 'quorom' — did you mean 'quorum'?",
                "book.yaml:4:21: supportThreshold: 'some' is not a number of supports such as 3, or a share of"
                        + " residents such as 2%",
                "book.yaml:5:11: debate: 'P1M': months, years and weeks have no fixed length here; write days, e.g."
                        + " P30D or P365D",
                "book.yaml:8:17: noticePeriod: at least P30D: a new or harsher penalty is announced a month before it"
                        + " counts, not P7D",
                "book.yaml:6:11: quorum: a share of residents from 0 to 1, not 1.5",
                "book.yaml:7:13: majority: a share from 0.5 to below 1 that yes must exceed, not 0.4");
    }

    @Test
    void reportsEveryStructuralProblemAtOnce() {
        String yaml = """
                jurisdiction: lakeside
                timezone: Mars/Olympus
                rules:
                  - id: a
                    title: A
                    category: civic
                    on: cleanup
                    points: 2.5
                    halfLife: P1M
                    cap: { points: 0, per: P7D }
                  - id: a
                    titel: B
                    category: civic
                    on: cleanup
                    points: 1
                    effective: { from: '2026-02-01T00:00:00Z', until: '2026-01-01T00:00:00Z' }
                """;

        assertThat(problemsOf(yaml)).containsExactly(
                "book.yaml:2:11: timezone: 'Mars/Olympus' is not a time zone such as Europe/Berlin",
                "book.yaml:8:13: rule 'a': points: '2.5' is not a whole number",
                "book.yaml:9:15: rule 'a': halfLife: 'P1M': months, years and weeks have no fixed length here;"
                        + " write days, e.g. P30D or P365D",
                "book.yaml:10:20: rule 'a': points: a cap allows a positive number of points, not 0",
                "book.yaml:12:5: rule 'a': unknown field 'titel' — did you mean 'title'?",
                "book.yaml:11:9: rule 'a': id: another rule of this book already has this id; a later version of it"
                        + " needs another version number",
                "book.yaml:11:5: rule 'a': title: missing (required)",
                "book.yaml:16:55: rule 'a': until: must be after from (2026-02-01T00:00:00Z)");
    }

    @Test
    void aPenaltyMayWarnFirstForAnyPositiveFixedPeriod() {
        String warned = GOOD.replace("    cap: {", "    warnFirst: P3650D\n    cap: {");

        assertThat(LOADER.read("book.yaml", warned).rules().get(0).warnFirst()).contains(Duration.ofDays(3650));
        assertThat(problemsOf(warned.replace("P3650D", "P0D"))).containsExactly(
                "book.yaml:11:16: rule 'traffic.crossing-in-traffic': warnFirst: 'P0D' must be longer than zero");
        assertThat(problemsOf(warned.replace("P3650D", "-P30D"))).containsExactly(
                "book.yaml:11:16: rule 'traffic.crossing-in-traffic': warnFirst: '-P30D' must be longer than zero");
        assertThat(problemsOf(warned.replace("P3650D", "P1Y"))).singleElement().asString()
                .startsWith("book.yaml:11:16: rule 'traffic.crossing-in-traffic': warnFirst: 'P1Y': months, years");
    }

    @Test
    void onlyAPenaltyWarnsFirst() {
        String warnedReward = GOOD.replace("    points: 2", "    points: 2\n    warnFirst: P30D");

        assertThat(problemsOf(warnedReward)).containsExactly("book.yaml:19:16: rule 'civic.cleanup': warnFirst: only a"
                + " penalty is preceded by a warning, and this rule grants 2 points; remove warnFirst or make points"
                + " negative");
    }

    @Test
    void refusesARuleOnAProtectedMatterCitingTheClause() {
        List<String> problems = problemsOf(GOOD.replace("category: civic", "category: religion"));

        assertThat(problems).singleElement().asString().isEqualTo("book.yaml:13:5: rule 'civic.cleanup': breaks clause"
                + " art-1 (\"No rule may concern a person's beliefs, religion, political opinion, ethnicity, health,"
                + " sexual life, associations and friendships, nationality, income or where they live.\"):"
                + " category 'religion' is protected");
        assertThat(problemsOf(GOOD.replace("category: civic", "category: residence"))).singleElement().asString()
                .endsWith("category 'residence' is protected");
    }

    @Test
    void refusesARuleInAPersonalOnlyCategory() {
        List<String> problems = problemsOf(GOOD.replace("category: civic", "category: browsing"));

        assertThat(problems).singleElement().asString().contains("rule 'civic.cleanup': breaks clause art-7")
                .endsWith("category 'browsing' is personal-only");
    }

    @Test
    void refusesARuleThatReadsAnEventTypeOfAPersonalOnlyCategory() {
        RuleBookLoader knowing = new RuleBookLoader(Constitution.standard(),
                new EventCategories(Map.of("cleanup", "civic", "web-visit", "browsing")));
        String book = GOOD.replace("on: cleanup", "on: web-visit");

        assertThatThrownBy(() -> knowing.read("book.yaml", book)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("rule 'civic.cleanup': breaks clause art-7")
                .hasMessageContaining("it reads event type 'web-visit', of personal-only category 'browsing'");
        assertThat(knowing.read("book.yaml", GOOD).rules()).hasSize(2);
        assertThat(LOADER.read("book.yaml", book).rules()).as("without the categories, the type is unknown")
                .hasSize(2);
    }

    @Test
    void refusesAConditionThatReadsAProtectedAttribute() {
        List<String> problems = problemsOf(GOOD.replace("event.attributes.traffic > 0.25",
                "event.attributes.traffic > 0.25 && event.attributes[\"party\"] == \"green\""));

        assertThat(problems).singleElement().asString().contains("rule 'traffic.crossing-in-traffic': breaks clause"
                + " art-2").endsWith("its condition reads protected attribute 'party'");
    }

    @Test
    void refusesAConditionThatHidesWhichAttributesItReads() {
        List<String> problems = problemsOf(GOOD.replace("event.attributes.traffic > 0.25",
                "event.attributes.exists(name, name.startsWith(\"tr\"))"));

        assertThat(problems).singleElement().asString().contains("breaks clause art-6")
                .endsWith("its condition reaches event.attributes without naming the attribute it reads");
    }

    @Test
    void speechMayBeRewardedButNeverCostPoints() {
        String speech = GOOD.replace("category: civic", "category: speech");
        assertThat(LOADER.read("book.yaml", speech).rules()).hasSize(2);

        List<String> problems = problemsOf(speech.replace("points: 2", "points: -2\n    halfLife: P30D"));

        assertThat(problems).singleElement().asString().contains("breaks clause art-3")
                .endsWith("-2 points in category 'speech'");
    }

    @Test
    void penaltiesMustFadeAndStayWithinBounds() {
        assertThat(problemsOf(GOOD.replace("points: 2", "points: -2"))).singleElement().asString()
                .contains("breaks clause art-5").endsWith("a penalty without a halfLife never fades");
        assertThat(problemsOf(GOOD.replace("halfLife: P60D", "halfLife: P400D"))).singleElement().asString()
                .contains("breaks clause art-5").endsWith("halfLife PT9600H is longer than PT8760H");
        assertThat(problemsOf(GOOD.replace("points: -6", "points: -60"))).singleElement().asString()
                .contains("breaks clause art-4").endsWith("-60 points is outside -50 to 50");
    }

    @Test
    void refusesAFileThatIsNotYaml() {
        assertThat(problemsOf("rules: [\n")).singleElement().asString().startsWith("book.yaml:2:1: not valid YAML");
    }

    @Test
    void loadsAFolderWithOneBookPerJurisdiction(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("lakeside.yaml"), GOOD);
        Files.writeString(folder.resolve("riverton.yml"), GOOD.replace("lakeside", "riverton"));
        Files.writeString(folder.resolve("README.txt"), "not a book");

        RuleBooks books = LOADER.load(folder);

        assertThat(books.all()).extracting(RuleBook::jurisdiction).containsExactly("lakeside", "riverton");
        assertThat(books.forJurisdiction("riverton")).isPresent();
        assertThat(books.forJurisdiction("elsewhere")).isEmpty();
    }

    @Test
    void refusesTwoBooksForOneJurisdiction(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("a.yaml"), GOOD);
        Files.writeString(folder.resolve("b.yaml"), GOOD);

        assertThatThrownBy(() -> LOADER.load(folder)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("jurisdiction 'lakeside' already has a rule book");
    }

    @Test
    void aBookKeepsTheVersionsOfARuleEachInForceAtItsOwnTime() {
        String versions = "jurisdiction: lakeside\ntimezone: Europe/Berlin\nrules:\n"
                + "  - id: late\n    version: 1\n    title: Late\n    category: obligations\n    on: bill\n"
                + "    points: -10\n    halfLife: P90D\n    effective: { until: '2026-10-01T00:00:00Z' }\n"
                + "  - id: late\n    version: 2\n    title: Late\n    category: obligations\n    on: bill\n"
                + "    points: -5\n    halfLife: P90D\n    effective: { from: '2026-10-01T00:00:00Z' }\n"
                + "    adoptedBy: prop-1\n";

        RuleBook book = LOADER.read("book.yaml", versions);

        assertThat(book.rules()).extracting(Rule::version).containsExactly(1L, 2L);
        assertThat(book.rules().get(1).adoptedBy()).contains("prop-1");
        assertThat(problemsOf(versions.replace("{ from: '2026-10-01T00:00:00Z' }", "{ from: '2026-09-01T00:00:00Z' }")))
                .containsExactly("book.yaml:19:16: rule 'late': effective: version 2 is in force at the same time as"
                        + " version 1; give each version of a rule its own effective time");
    }
}
