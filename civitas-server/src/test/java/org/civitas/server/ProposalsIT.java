package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.assertj.core.data.Offset;
import org.civitas.Tokens;
import org.civitas.account.Role;
import org.civitas.rules.RuleBookLoader;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.civitas.testkit.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Residents change their rule book through real HTTP, on H2 and PostgreSQL: a proposal with problems is refused with
 * all of them; one without opens, collects supports once each, goes to a vote at its threshold, takes one ballot per
 * eligible resident (the last counts), and closes by its charter's quorum and majority, with a board anyone can
 * recount and each voter can find their tracker on.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class ProposalsIT {

    private static final ServersPerStorage SERVERS = new ServersPerStorage();
    /** Six residents of Lakeside (four with accounts), one of Riverton, and one no registry knows. */
    private static final List<String> LAKESIDE = List.of("p-ada", "p-bob", "p-cyd", "p-dan", "p-lee", "p-max");

    private static final String VALE = "jurisdiction: vale\ntimezone: Europe/Berlin\nrules:\n"
            + "  - id: speech.corruption-report\n    title: Reporting corruption\n    category: speech\n"
            + "    on: corruption-report\n    points: 15\n    binding: true\n"
            + "  - id: nuisance.litter\n    title: Littering\n    category: nuisance\n    on: litter\n"
            + "    points: -2\n    halfLife: P30D\n";
    private static final String LAKESIDE_BOOK = "jurisdiction: lakeside\nparent: vale\ntimezone: Europe/Berlin\n"
            + "charter:\n  supportThreshold: 2\n  debate: PT1H\n  voting: PT1H\n  quorum: 0.5\n  majority: 0.5\n"
            + "rules:\n  - id: obligations.bill-paid-late\n    title: A bill paid more than 30 days late\n"
            + "    category: obligations\n    on: bill-payment\n    when: 'event.attributes.daysLate > 30'\n"
            + "    points: -10\n    halfLife: P90D\n"
            + "  - id: traffic.speeding\n    title: Speeding\n    category: traffic\n    on: speeding\n"
            + "    points: -4\n    halfLife: P90D\n";
    private static final String RIVERTON_BOOK = "jurisdiction: riverton\nparent: vale\ntimezone: Europe/Berlin\n"
            + "rules:\n  - id: nuisance.litter\n    off: true\n";

    /** When Ada and Bob paid a bill late, and Cyd one on time. */
    private static final Instant BILLED = TestServer.START.minus(Duration.ofDays(20));

    @Parameter
    Supplier<StorageSettings> storage;

    private TestServer server;

    @BeforeEach
    void connect() throws Exception {
        server = SERVERS.serverFor(storage, ProposalsIT::startWithBooks, ProposalsIT::city);
    }

    @AfterAll
    static void stop() throws Exception {
        SERVERS.close();
    }

    private static TestServer startWithBooks(StorageSettings storage) throws IOException {
        return TestServer.startOn(withBooks(Files.createTempDirectory("civitas-proposals")), storage);
    }

    private static Path withBooks(Path data) throws IOException {
        Path rules = Files.createDirectories(RuleBookLoader.folderIn(data));
        Files.writeString(rules.resolve("vale.yaml"), VALE);
        Files.writeString(rules.resolve("lakeside.yaml"), LAKESIDE_BOOK);
        Files.writeString(rules.resolve("riverton.yaml"), RIVERTON_BOOK);
        return data;
    }

    private static void city(TestServer server) throws Exception {
        RegisteredSource registry = server.source("city-registry", "residence-registered", "residence");
        Instant day = server.now().minus(Duration.ofDays(3));
        StringBuilder homes = new StringBuilder();
        for (String person : LAKESIDE) {
            homes.append(TestServer.event("city-registry", "home-" + person, person, "residence-registered", day,
                    "{\"district\":\"harbour\"}")).append('\n');
        }
        homes.append(TestServer.event("city-registry", "home-eve", "p-eve", "residence-registered", day,
                "{\"district\":\"mill\"}").replace("\"lakeside\"", "\"riverton\"")).append('\n');
        assertThat(server.postEvents(registry, homes.toString()).statusCode()).isEqualTo(200);
        RegisteredSource utility = server.source("lakeside-utilities", "bill-payment", "obligations");
        String bills = TestServer.event("lakeside-utilities", "b-ada", "p-ada", "bill-payment", BILLED,
                "{\"daysLate\":45}") + "\n" + TestServer.event("lakeside-utilities", "b-bob", "p-bob", "bill-payment",
                BILLED, "{\"daysLate\":40}") + "\n" + TestServer.event("lakeside-utilities", "b-cyd", "p-cyd",
                "bill-payment", BILLED, "{\"daysLate\":0}") + "\n";
        assertThat(server.postEvents(utility, bills).statusCode()).isEqualTo(200);
        RegisteredSource traffic = server.source("city-traffic", "speeding", "traffic", "noise", "nuisance");
        assertThat(server.postEvents(traffic, TestServer.event("city-traffic", "s-ada", "p-ada", "speeding", BILLED,
                "{}")).statusCode()).isEqualTo(200);
        for (String name : List.of("ada", "bob", "cyd", "dan", "eve", "nora")) {
            server.citizen(name, "p-" + name, name + "'s password");
        }
        server.account("root", Role.ADMIN, Optional.empty(), "root's password");
        server.awaitProjection();
    }


    private static String cheaperLateBills(boolean amnesty) {
        return "{\"jurisdiction\":\"lakeside\",\"title\":\"Late bills cost less\",\"rationale\":\"Money is tight;"
                + " help, not punishment.\",\"change\":{\"kind\":\"change\",\"ruleId\":\"obligations.bill-paid-late\","
                + "\"rule\":{\"title\":\"A bill paid more than 30 days late\",\"category\":\"obligations\","
                + "\"on\":\"bill-payment\",\"when\":\"event.attributes.daysLate > 30\",\"points\":-5,"
                + "\"halfLife\":\"P60D\"}},\"amnesty\":" + amnesty + ",\"scenarios\":["
                + "{\"event\":" + bill("s-1", 45) + ",\"points\":-5},{\"event\":" + bill("s-2", 3) + ",\"points\":0}]}";
    }

    /** Milder speeding, for every speeding ticket past and future. */
    private static String milderSpeeding() {
        return "{\"jurisdiction\":\"lakeside\",\"title\":\"Milder speeding\",\"rationale\":\"Fines are enough.\","
                + "\"change\":{\"kind\":\"change\",\"ruleId\":\"traffic.speeding\",\"rule\":{\"title\":\"Speeding\","
                + "\"category\":\"traffic\",\"on\":\"speeding\",\"points\":-2,\"halfLife\":\"P90D\"}},\"amnesty\":true,"
                + "\"scenarios\":[{\"event\":" + TestServer.event("city-traffic", "s-1", "p-someone", "speeding",
                        Instant.parse("2026-09-01T10:00:00Z"), "{}") + ",\"points\":-2}]}";
    }

    private static String bill(String id, int daysLate) {
        return TestServer.event("lakeside-utilities", id, "p-someone", "bill-payment",
                Instant.parse("2026-09-01T10:00:00Z"), "{\"daysLate\":" + daysLate + "}");
    }

    private String propose(TestServer.Session session, String body) throws Exception {
        HttpResponse<String> created = server.change("POST", "/api/v1/proposals", body, session);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode answer = TestServer.JSON.readTree(created.body());
        assertThat(answer.get("state").asText()).isEqualTo("open");
        return answer.get("id").asText();
    }

    private TestServer.Session login(String name) throws Exception {
        return server.login(name, name + "'s password");
    }

    private JsonNode proposal(String id) throws Exception {
        return server.getJson("/api/v1/proposals/" + id, null);
    }

    @Test
    void aProposalWithProblemsIsRefusedWithEveryProblemAtOnce() throws Exception {
        String body = "{\"jurisdiction\":\"lakeside\",\"title\":\"\",\"rationale\":\"why not\","
                + "\"change\":{\"kind\":\"add\",\"rule\":{\"id\":\"speech.corruption-report\",\"title\":\"No\","
                + "\"category\":\"speech\",\"on\":\"corruption-report\",\"pionts\":-50,"
                + "\"when\":\"event.attributes.size >\"}},\"amnesty\":true,"
                + "\"scenarios\":[{\"event\":{\"id\":\"x\"},\"points\":1.5}]}";

        HttpResponse<String> refused = server.change("POST", "/api/v1/proposals", body, login("ada"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode errors = TestServer.JSON.readTree(refused.body()).get("errors");
        assertThat(errors.toString()).contains("\"field\":\"scenarios[0].points\"");
        String shapeOnly = errors.toString();
        HttpResponse<String> again = server.change("POST", "/api/v1/proposals",
                body.replace("\"points\":1.5", "\"points\":0"), login("ada"));
        JsonNode problems = TestServer.JSON.readTree(again.body()).get("errors");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(problems.toString())
                .contains("{\"field\":\"title\"")
                .contains("{\"clause\":\"binding\"")
                .contains("{\"clause\":\"ex-post-facto\"")
                .contains("\"field\":\"change.rule.pionts\"")
                .contains("\"field\":\"change.rule.when\"")
                .contains("\"field\":\"change.rule.points\"")
                .doesNotContain("scenarios[0].points");
        assertThat(shapeOnly).doesNotContain("binding");
        assertThat(server.getJson("/api/v1/proposals?jurisdiction=lakeside&state=draft", null).get("proposals"))
                .as("nothing half-made is kept").isEmpty();
    }

    @Test
    void aScenarioThatTheProposedBookScoresOtherwiseIsAProblem() throws Exception {
        HttpResponse<String> refused = server.change("POST", "/api/v1/proposals",
                cheaperLateBills(false).replace("\"points\":-5},", "\"points\":-10},"), login("ada"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"field\":\"scenarios[0].points\"")
                .contains("the book as proposed gives this event -5 points, not -10");
    }

    @Test
    void onlyResidentsMayProposeSupportAndVote() throws Exception {
        HttpResponse<String> eve = server.change("POST", "/api/v1/proposals", cheaperLateBills(false),
                login("eve"));
        assertThat(eve.statusCode()).isEqualTo(403);
        assertThat(eve.body()).contains("the registry has you living in riverton");
        assertThat(server.change("POST", "/api/v1/proposals", cheaperLateBills(false), login("nora")).statusCode())
                .isEqualTo(403);
        assertThat(server.change("POST", "/api/v1/proposals", cheaperLateBills(false),
                server.login("root", "root's password")).statusCode()).as("an admin is no citizen").isEqualTo(403);

        String id = propose(login("ada"), cheaperLateBills(false));
        assertThat(server.change("POST", "/api/v1/proposals/" + id + "/support", null, login("eve")).statusCode())
                .isEqualTo(403);
        assertThat(server.change("POST", "/api/v1/proposals/" + id + "/comments", "{\"body\":\"hi\"}",
                login("nora")).statusCode()).isEqualTo(403);
    }

    @Test
    void aProposalGoesFromSupportsToAVoteToAResultEveryoneCanRecount() throws Exception {
        String id = propose(login("ada"), milderSpeeding());
        JsonNode open = proposal(id);
        assertThat(open.get("supportsNeeded").asLong()).isEqualTo(2);
        assertThat(open.has("author")).as("the author is not named").isFalse();
        assertThat(server.getJson("/api/v1/proposals?jurisdiction=lakeside&state=open", null).toString())
                .contains(id);

        assertThat(server.change("POST", "/api/v1/proposals/" + id + "/support", null, login("bob")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> twice = server.change("POST", "/api/v1/proposals/" + id + "/support", null,
                login("bob"));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already support");
        assertThat(proposal(id).get("state").asText()).isEqualTo("open");
        assertThat(server.change("POST", "/api/v1/proposals/" + id + "/votes", "{\"choice\":\"yes\"}",
                login("bob")).statusCode()).as("no vote before voting opens").isEqualTo(409);
        assertThat(server.change("POST", "/api/v1/proposals/" + id + "/support", null, login("cyd")).statusCode())
                .isEqualTo(200);

        JsonNode voting = proposal(id);
        assertThat(voting.get("state").asText()).isEqualTo("voting");
        assertThat(voting.get("supports").asLong()).isEqualTo(2);
        assertThat(voting.at("/voting/eligible").asLong()).isEqualTo(LAKESIDE.size());
        assertThat(voting.at("/voting/eligibleHash").asText())
                .isEqualTo(Tokens.sha256(String.join("\n", LAKESIDE)));
        assertThat(voting.at("/voting/bookHash").asText()).hasSize(64);
        assertThat(server.get("/api/v1/proposals/" + id + "/ballots", null).statusCode())
                .as("no board while the vote is open").isEqualTo(409);
        assertThat(server.change("POST", "/api/v1/proposals/" + id + "/withdraw", null, login("ada")).statusCode())
                .as("no withdrawing once the vote is open").isEqualTo(409);

        String adas = vote(id, "ada", "yes");
        String bobsFirst = vote(id, "bob", "no");
        String bobs = vote(id, "bob", "yes");
        String cyds = vote(id, "cyd", "no");
        String dans = vote(id, "dan", "abstain");
        assertThat(server.change("POST", "/api/v1/proposals/" + id + "/votes", "{\"choice\":\"yes\"}",
                login("eve")).statusCode()).isEqualTo(403);
        assertThat(server.change("POST", "/api/v1/proposals/" + id + "/votes", "{\"choice\":\"maybe\"}",
                login("ada")).statusCode()).isEqualTo(400);
        JsonNode mine = server.getJson("/api/v1/me/proposals/" + id + "/ballot", login("bob"));
        assertThat(mine.get("tracker").asText()).isEqualTo(bobs).isNotEqualTo(bobsFirst);
        assertThat(mine.get("choice").asText()).isEqualTo("yes");
        assertThat(server.get("/api/v1/me/proposals/" + id + "/ballot", login("eve")).statusCode()).isEqualTo(404);

        server.clock().advance(Duration.ofHours(1));

        JsonNode closed = proposal(id);
        assertThat(closed.get("state").asText()).isEqualTo("adopted");
        assertThat(closed.at("/result/result").asText()).isEqualTo("adopted");
        JsonNode speeding = contribution(server.getJson("/api/v1/me/score", login("ada")), "traffic.speeding");
        assertThat(speeding.get("granted").asLong()).as("relief with amnesty reaches back").isEqualTo(-2);
        assertThat(speeding.get("ruleVersion").asLong()).isEqualTo(2);
        assertThat(speeding.get("adoptedBy").asText()).isEqualTo(id);
        assertThat(server.getJson("/api/v1/rules", null).toString()).contains("\"version\":2");
        JsonNode board = server.getJson("/api/v1/proposals/" + id + "/ballots", null);
        List<String> trackers = new ArrayList<>();
        board.get("ballots").forEach(ballot -> trackers.add(ballot.get("tracker").asText()));
        assertThat(trackers).containsExactlyInAnyOrder(adas, bobs, cyds, dans);
        assertThat(board.get("tally").get("yes").asLong()).isEqualTo(2);
        assertThat(board.get("tally").get("no").asLong()).isEqualTo(1);
        assertThat(board.get("tally").get("abstain").asLong()).isEqualTo(1);
        assertThat(board.get("eligible").asLong()).isEqualTo(6);
        assertThat(board.get("quorumMet").asBoolean()).isTrue();
        assertThat(board.get("result").asText()).isEqualTo("adopted");
        assertThat(board.toString()).as("no voter is named").doesNotContain("p-ada", "p-bob", "p-cyd", "p-dan");
        assertThat(server.change("POST", "/api/v1/proposals/" + id + "/votes", "{\"choice\":\"no\"}",
                login("cyd")).statusCode()).as("no vote after the close").isEqualTo(409);
        String record = server.getJson("/api/v1/officials/record", null).toString();
        assertThat(record).as("the charter opened and closed the vote, in public").contains("\"act\":\"vote-opened\"")
                .contains("\"act\":\"vote-closed\"").contains("\"role\":\"charter\"")
                .contains("at its deadline: adopted");
    }

    @Test
    void aVoteWithoutQuorumIsRejected() throws Exception {
        String id = propose(login("bob"), cheaperLateBills(false));
        server.change("POST", "/api/v1/proposals/" + id + "/support", null, login("ada"));
        server.change("POST", "/api/v1/proposals/" + id + "/support", null, login("cyd"));
        vote(id, "ada", "yes");
        vote(id, "bob", "yes");

        server.clock().advance(Duration.ofHours(1));

        JsonNode board = server.getJson("/api/v1/proposals/" + id + "/ballots", null);
        assertThat(board.get("quorumMet").asBoolean()).as("2 of 6 is short of half").isFalse();
        assertThat(board.get("result").asText()).isEqualTo("rejected");
    }

    @Test
    void anAuthorWithdrawsAndAnUnsupportedProposalExpires() throws Exception {
        String withdrawn = propose(login("ada"), cheaperLateBills(false));
        String expiring = propose(login("ada"), cheaperLateBills(false));

        assertThat(server.change("POST", "/api/v1/proposals/" + withdrawn + "/withdraw", null, login("bob"))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> done = server.change("POST", "/api/v1/proposals/" + withdrawn + "/withdraw", null,
                login("ada"));
        assertThat(TestServer.JSON.readTree(done.body()).get("state").asText()).isEqualTo("withdrawn");
        HttpResponse<String> again = server.change("POST", "/api/v1/proposals/" + withdrawn + "/withdraw", null,
                login("ada"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("withdrawn is final");

        server.clock().advance(Duration.ofHours(1));

        assertThat(proposal(expiring).get("state").asText()).isEqualTo("expired");
        assertThat(server.change("POST", "/api/v1/proposals/" + expiring + "/support", null, login("bob"))
                .statusCode()).isEqualTo(409);
    }

    @Test
    void commentsAreKeptAsThePlainTextTheyAre() throws Exception {
        String id = propose(login("ada"), cheaperLateBills(false));

        HttpResponse<String> written = server.change("POST", "/api/v1/proposals/" + id + "/comments",
                "{\"body\":\"<script>alert(1)</script> fair enough\"}", login("dan"));

        assertThat(written.statusCode()).isEqualTo(201);
        JsonNode comments = proposal(id).get("comments");
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("body").asText()).isEqualTo("<script>alert(1)</script> fair enough");
        assertThat(comments.get(0).get("author").asText()).isEqualTo("dan");
        assertThat(server.change("POST", "/api/v1/proposals/" + id + "/comments", "{\"body\":\"  \"}",
                login("dan")).statusCode()).isEqualTo(400);
    }

    @Test
    void theImpactOfAProposalIsPublishedAndEachResidentSeesTheirOwn() throws Exception {
        TestServer.Session ada = login("ada");
        String id = propose(ada, cheaperLateBills(false));
        double adaNow = server.getJson("/api/v1/me/score", ada).get("score").asDouble();
        Instant submitted = Instant.parse(proposal(id).get("submittedAt").asText());

        JsonNode impact = server.getJson("/api/v1/proposals/" + id + "/impact", null);
        JsonNode adas = server.getJson("/api/v1/me/proposals/" + id + "/impact", ada);
        JsonNode cyds = server.getJson("/api/v1/me/proposals/" + id + "/impact", login("cyd"));

        assertThat(impact.get("people").asLong()).as("the three with bills, and whoever else a rule scores")
                .isGreaterThanOrEqualTo(3);
        assertThat(impact.get("affected").asLong()).as("the two late").isEqualTo(2);
        assertThat(impact.get("matchedEvents").asLong()).isEqualTo(2);
        assertThat(impact.get("crossAbove1000").asLong()).isZero();
        assertThat(impact.get("bands").get(0).get("people").isNull()).as("a cell of fewer than 20 is not shown")
                .isTrue();
        assertThat(impact.get("districts").toString()).contains("\"district\":\"harbour\"");
        impact.get("districts").forEach(district -> {
            assertThat(district.get("people").isNull()).as("a handful of people, too few to show").isTrue();
            assertThat(district.get("meanChange").isNull()).isTrue();
        });
        double age = Duration.between(BILLED, submitted).toSeconds();
        double lateBill = -10 * Math.pow(2, -age / Duration.ofDays(90).toSeconds());
        double cheaper = -5 * Math.pow(2, -age / Duration.ofDays(60).toSeconds());
        assertThat(adas.get("before").asDouble()).isEqualTo(adaNow);
        assertThat(adas.get("after").asDouble()).isCloseTo(adaNow - lateBill + cheaper, Offset.offset(0.011));
        assertThat(adas.get("change").asDouble()).isPositive();
        assertThat(cyds.get("change").asDouble()).isZero();
        assertThat(cyds.get("before").asDouble()).isEqualTo(1000);
    }

    @Test
    void aPublishedImpactStaysAsPublishedThroughAdoptionLateEventsAndARestart() throws Exception {
        TestServer shared = server;
        StorageSettings settings = storage.get();
        Path data = withBooks(Files.createTempDirectory("civitas-proposals"));
        ManualClock clock = new ManualClock(TestServer.START);
        server = TestServer.startOn(data, settings, clock);
        try {
            city(server);
            String id = propose(login("ada"), cheaperLateBills(false));
            JsonNode published = server.getJson("/api/v1/proposals/" + id + "/impact", null);
            JsonNode adas = server.getJson("/api/v1/me/proposals/" + id + "/impact", login("ada"));
            server.change("POST", "/api/v1/proposals/" + id + "/support", null, login("bob"));
            server.change("POST", "/api/v1/proposals/" + id + "/support", null, login("cyd"));
            for (String name : List.of("ada", "bob", "cyd", "dan")) {
                vote(id, name, "yes");
            }
            clock.advance(Duration.ofHours(1));
            assertThat(proposal(id).get("state").asText()).isEqualTo("adopted");
            RegisteredSource utility = server.server().sources().byName("lakeside-utilities").orElseThrow();
            assertThat(server.postEvents(utility, TestServer.event("lakeside-utilities", "b-dan", "p-dan",
                    "bill-payment", BILLED, "{\"daysLate\":50}")).statusCode())
                    .as("a late bill of the window, sent after the impact was published").isEqualTo(200);
            server.awaitProjection();

            server.server().close();
            server = TestServer.startOn(data, settings, clock);

            assertThat(published.get("affected").asLong()).isEqualTo(2);
            assertThat(server.getJson("/api/v1/proposals/" + id + "/impact", null))
                    .as("the impact against the books it was proposed to, not the books it made").isEqualTo(published);
            assertThat(server.getJson("/api/v1/me/proposals/" + id + "/impact", login("ada"))).isEqualTo(adas);
        } finally {
            server.close();
            server = shared;
        }
    }

    @Test
    void anAdoptedNewPenaltyCountsOnlyForEventsAfterTheNoticePeriod() throws Exception {
        String noise = "{\"jurisdiction\":\"lakeside\",\"title\":\"Quiet nights\",\"rationale\":\"Sleep.\","
                + "\"change\":{\"kind\":\"add\",\"rule\":{\"id\":\"nuisance.noise\",\"title\":\"Noise\","
                + "\"category\":\"nuisance\",\"on\":\"noise\",\"points\":-3,\"halfLife\":\"P30D\"}}}";
        String id = propose(login("ada"), noise);
        server.change("POST", "/api/v1/proposals/" + id + "/support", null, login("bob"));
        server.change("POST", "/api/v1/proposals/" + id + "/support", null, login("cyd"));
        for (String name : List.of("ada", "bob", "cyd", "dan")) {
            vote(id, name, "yes");
        }
        server.clock().advance(Duration.ofHours(1));
        assertThat(proposal(id).get("state").asText()).isEqualTo("adopted");
        RegisteredSource monitor = server.source("noise-monitor", "noise", "nuisance");

        assertThat(server.postEvents(monitor, TestServer.event("noise-monitor", "n-early-" + id, "p-dan", "noise",
                server.now(), "{}")).statusCode()).isEqualTo(200);
        server.clock().advance(Duration.ofDays(30));
        assertThat(server.postEvents(monitor, TestServer.event("noise-monitor", "n-late-" + id, "p-dan", "noise",
                server.now(), "{}")).statusCode()).isEqualTo(200);
        server.awaitProjection();

        JsonNode score = server.getJson("/api/v1/me/score", login("dan"));
        List<String> noises = new ArrayList<>();
        score.get("contributions").forEach(contribution -> {
            if (contribution.get("rule").asText().equals("nuisance.noise")) {
                noises.add(contribution.get("event").asText() + " " + contribution.get("granted").asLong() + " v"
                        + contribution.get("ruleVersion").asLong() + " " + contribution.get("adoptedBy").asText());
            }
        });
        assertThat(noises).containsExactly("n-late-" + id + " -3 v1 " + id);
        assertThat(server.getJson("/api/v1/rules", null).toString()).contains("nuisance.noise");
    }

    @Test
    void aCarriedProposalWhoseChangeNoLongerAppliesLapsesAndChangesNothing() throws Exception {
        String first = propose(login("ada"), graffiti(-2));
        server.change("POST", "/api/v1/proposals/" + first + "/support", null, login("bob"));
        server.change("POST", "/api/v1/proposals/" + first + "/support", null, login("cyd"));
        server.clock().advance(Duration.ofMinutes(10));
        String second = propose(login("bob"), graffiti(-1));
        server.change("POST", "/api/v1/proposals/" + second + "/support", null, login("ada"));
        server.change("POST", "/api/v1/proposals/" + second + "/support", null, login("cyd"));
        for (String name : List.of("ada", "bob", "cyd", "dan")) {
            vote(first, name, "yes");
            vote(second, name, "yes");
        }

        server.clock().advance(Duration.ofHours(1));

        assertThat(proposal(first).get("state").asText()).isEqualTo("adopted");
        JsonNode lapsed = proposal(second);
        assertThat(lapsed.get("state").asText()).isEqualTo("lapsed");
        assertThat(lapsed.at("/result/yes").asLong()).as("its tally is still public").isEqualTo(4);
        assertThat(server.getJson("/api/v1/proposals/" + second + "/ballots", null).get("result").asText())
                .isEqualTo("lapsed");
        assertThat(server.get("/proposals/" + second, null).body()).contains("the proposal lapsed");
        List<Long> graffiti = new ArrayList<>();
        for (JsonNode book : server.getJson("/api/v1/rules", null).get("books")) {
            book.get("rules").forEach(rule -> {
                if (rule.get("id").asText().equals("nuisance.graffiti")) {
                    graffiti.add(rule.get("points").asLong());
                }
            });
        }
        assertThat(graffiti).as("the first proposal's rule, alone").containsExactly(-2L);
    }

    private static String graffiti(int points) {
        return "{\"jurisdiction\":\"lakeside\",\"title\":\"Graffiti costs " + -points + "\",\"rationale\":\"Clean"
                + " walls.\",\"change\":{\"kind\":\"add\",\"rule\":{\"id\":\"nuisance.graffiti\","
                + "\"title\":\"Graffiti\",\"category\":\"nuisance\",\"on\":\"graffiti\",\"points\":" + points
                + ",\"halfLife\":\"P30D\"}}}";
    }

    @Test
    void aVisitorIsScoredByTheRulesOfWhereEachEventHappenedAndSeesWhereEachPointCameFrom() throws Exception {
        RegisteredSource ombudsman = server.source("ombudsman", "corruption-report", "speech");
        RegisteredSource traffic = server.source("visitor-traffic", "speeding", "traffic");
        String visit = TestServer.event("visitor-traffic", "s-eve", "p-eve", "speeding",
                server.now().minus(Duration.ofHours(2)), "{}");
        String report = TestServer.event("ombudsman", "r-eve", "p-eve", "corruption-report",
                server.now().minus(Duration.ofHours(1)), "{}").replace("\"lakeside\"", "\"riverton\"");
        assertThat(server.postEvents(ombudsman, report).statusCode()).isEqualTo(200);
        assertThat(server.postEvents(traffic, visit).statusCode()).isEqualTo(200);
        server.awaitProjection();
        TestServer.Session eve = login("eve");

        JsonNode score = server.getJson("/api/v1/me/score", eve);
        String page = server.get("/me", eve).body();

        assertThat(contribution(score, "traffic.speeding").get("occurredIn").asText()).as("where it happened")
                .isEqualTo("lakeside");
        JsonNode praise = contribution(score, "speech.corruption-report");
        assertThat(praise.get("occurredIn").asText()).isEqualTo("riverton");
        assertThat(praise.get("jurisdiction").asText()).as("the book of the rule").isEqualTo("vale");
        assertThat(page).contains("Where your points came from").contains("lakeside").contains("riverton");
        assertThat(score.has("worthByJurisdiction")).as("the page's summary is not part of the API").isFalse();
    }

    @Test
    void aCityMaySwitchOffANationalRuleThatIsNotBinding() throws Exception {
        String rules = server.get("/rules", null).body();

        assertThat(rules).contains("riverton-nuisance.litter").contains("switched off here");
        assertThat(server.getJson("/api/v1/rules", null).toString()).contains("\"off\":true");
        HttpResponse<String> binding = server.change("POST", "/api/v1/proposals/check", "{\"jurisdiction\":"
                + "\"lakeside\",\"title\":\"t\",\"rationale\":\"r\",\"change\":{\"kind\":\"retire\","
                + "\"ruleId\":\"speech.corruption-report\"}}", login("ada"));
        assertThat(binding.body()).contains("\"clause\":\"binding\"");
        HttpResponse<String> litter = server.change("POST", "/api/v1/proposals/check", "{\"jurisdiction\":"
                + "\"lakeside\",\"title\":\"t\",\"rationale\":\"r\",\"change\":{\"kind\":\"retire\","
                + "\"ruleId\":\"nuisance.litter\"}}", login("ada"));
        assertThat(litter.body()).isEqualTo("{\"errors\":[]}");
    }

    @Test
    void siblingsCompareTheRulesThatDifferBetweenThemWithEverySmallCellSuppressed() throws Exception {
        JsonNode rules = server.getJson("/api/v1/compare", null).get("rules");

        List<String> compared = new ArrayList<>();
        rules.forEach(rule -> compared.add(rule.get("parent").asText() + "/" + rule.get("rule").asText()));
        assertThat(compared).contains("vale/obligations.bill-paid-late", "vale/nuisance.litter")
                .doesNotContain("vale/speech.corruption-report");
        JsonNode litter = rules.get(compared.indexOf("vale/nuisance.litter"));
        JsonNode lakeside = litter.get("sides").get(0);
        assertThat(lakeside.get("jurisdiction").asText()).isEqualTo("lakeside");
        assertThat(lakeside.at("/version/book").asText()).as("inherited from the nation").isEqualTo("vale");
        assertThat(litter.get("sides").get(1).get("version").isNull()).as("switched off in riverton").isTrue();
        assertThat(lakeside.get("residents").asLong()).isEqualTo(LAKESIDE.size());
        assertThat(lakeside.get("months")).hasSize(12);
        lakeside.get("months").forEach(month -> assertThat(month.get("events").isNull()).isTrue());
        assertThat(lakeside.get("offeredHelp").isNull()).as("six residents, too few to show").isTrue();
        assertThat(server.get("/compare", null).body()).contains("Regions compare").contains("nuisance.litter");
    }

    private static JsonNode contribution(JsonNode score, String rule) {
        for (JsonNode contribution : score.get("contributions")) {
            if (contribution.get("rule").asText().equals(rule)) {
                return contribution;
            }
        }
        throw new AssertionError("no contribution of " + rule + " in " + score);
    }

    private String vote(String id, String name, String choice) throws Exception {
        HttpResponse<String> cast = server.change("POST", "/api/v1/proposals/" + id + "/votes",
                "{\"choice\":\"" + choice + "\"}", login(name));
        assertThat(cast.statusCode()).as(cast.body()).isEqualTo(200);
        return TestServer.JSON.readTree(cast.body()).get("tracker").asText();
    }
}
