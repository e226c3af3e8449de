package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.civitas.Tokens;
import org.civitas.account.Actor;
import org.civitas.account.Role;
import org.civitas.dispute.DisputeDesk;
import org.civitas.dispute.DisputeFiles;
import org.civitas.ledger.FileLedger;
import org.civitas.officials.OfficialRecord;
import org.civitas.rules.RuleBookLoader;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.ScoringRun;
import org.civitas.server.http.Forms;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A person disputes a point through real HTTP, on H2 and PostgreSQL: the point counts nothing at once; the source
 * reads the dispute and answers it; two reviewers decide with reasons, once each, and the person's side wins when they
 * disagree; a correction rescored; a dispute nobody decides resolves in the person's favour at its deadline; and a
 * pass over the ledger alone gives the scores the server shows.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class DisputesIT {

    private static final ServersPerStorage SERVERS = new ServersPerStorage();
    private static final String BOOK = "jurisdiction: lakeside\ntimezone: Europe/Berlin\nrules:\n"
            + "  - id: obligations.bill-paid-late\n    title: A bill paid more than 30 days late\n"
            + "    category: obligations\n    on: bill-payment\n    when: 'event.attributes.daysLate > 30'\n"
            + "    points: -10\n    halfLife: P90D\n";
    private static final List<String> PEOPLE = List.of("ada", "bob", "cyd", "dan", "eve", "fay");

    @Parameter
    Supplier<StorageSettings> storage;

    private TestServer server;
    private RegisteredSource utility;

    @BeforeEach
    void connect() throws Exception {
        server = SERVERS.serverFor(storage, DisputesIT::startWithBook, DisputesIT::city);
        utility = server.server().civitas().sources().find("lakeside-utilities").orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        SERVERS.close();
    }

    private static TestServer startWithBook(StorageSettings storage) throws IOException {
        Path data = Files.createTempDirectory("civitas-disputes");
        Files.writeString(Files.createDirectories(RuleBookLoader.folderIn(data)).resolve("lakeside.yaml"), BOOK);
        return TestServer.startOn(data, storage);
    }

    /** Everyone paid a bill 45 days late, twenty days ago; and Ada one on time. */
    private static void city(TestServer server) throws Exception {
        RegisteredSource utility = server.source("lakeside-utilities", "bill-payment", "obligations");
        StringBuilder bills = new StringBuilder();
        Instant billed = server.now().minus(Duration.ofDays(20));
        for (String name : PEOPLE) {
            bills.append(TestServer.event("lakeside-utilities", "bill-" + name, "p-" + name, "bill-payment", billed,
                    "{\"daysLate\":45}")).append('\n');
            server.citizen(name, "p-" + name, name + "'s password");
        }
        bills.append(TestServer.event("lakeside-utilities", "bill-ada-paid", "p-ada", "bill-payment", billed,
                "{\"daysLate\":0}")).append('\n');
        assertThat(server.postEvents(utility, bills.toString()).statusCode()).isEqualTo(200);
        for (String reviewer : List.of("rita", "rolf")) {
            server.account(reviewer, Role.REVIEWER, Optional.empty(), reviewer + "'s password");
        }
        server.account("audrey", Role.AUDITOR, Optional.empty(), "audrey's password");
        server.account("adam", Role.ADMIN, Optional.empty(), "adam's password");
        server.awaitProjection();
    }


    private TestServer.Session login(String name) throws Exception {
        return server.login(name, name + "'s password");
    }

    private JsonNode dispute(String name, String body) throws Exception {
        HttpResponse<String> opened = server.change("POST", "/api/v1/me/disputes", body, login(name));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        server.awaitProjection();
        return TestServer.JSON.readTree(opened.body());
    }

    private HttpResponse<String> decide(String reviewer, String id, String body) throws Exception {
        return server.change("POST", "/api/v1/disputes/" + id + "/decisions", body, login(reviewer));
    }

    /** The late bill's contribution to a person's score, as granted, or "none". */
    private String lateBill(String name) throws Exception {
        JsonNode score = server.getJson("/api/v1/me/score", login(name));
        for (JsonNode contribution : score.get("contributions")) {
            if (contribution.get("event").asText().equals("bill-" + name)) {
                return contribution.get("granted").asLong() + (contribution.get("disputed").asBoolean()
                        ? " (disputed)" : "");
            }
        }
        return "none";
    }

    @Test
    void aDisputedPointCountsNothingUntilTwoReviewersDecideAndThePersonsSideWinsWhenTheyDisagree()
            throws Exception {
        assertThat(lateBill("ada")).isEqualTo("-10");

        JsonNode opened = dispute("ada", "{\"event\":\"bill-ada\",\"reason\":\"I paid on time; the bank was"
                + " late\",\"evidence\":\"<b>bank statement</b>\"}");

        String id = opened.get("id").asText();
        assertThat(opened.get("state").asText()).isEqualTo("open");
        assertThat(Instant.parse(opened.get("deadline").asText())).as("45 days with evidence")
                .isEqualTo(server.now().plus(Duration.ofDays(45)));
        assertThat(lateBill("ada")).isEqualTo("0 (disputed)");
        assertThat(server.change("POST", "/api/v1/me/disputes", "{\"event\":\"bill-ada\",\"reason\":\"again\"}",
                login("ada")).statusCode()).as("once per event").isEqualTo(409);
        assertThat(server.change("POST", "/api/v1/me/disputes", "{\"event\":\"bill-ada-paid\",\"reason\":\"x\"}",
                login("ada")).statusCode()).as("an event that gave no point").isEqualTo(404);
        assertThat(server.change("POST", "/api/v1/me/disputes", "{\"event\":\"bill-bob\",\"reason\":\"x\"}",
                login("ada")).statusCode()).as("someone else's event").isEqualTo(404);

        JsonNode told = TestServer.JSON.readTree(server.signed("GET", "/api/v1/sources/disputes", utility, null)
                .body());
        assertThat(told.toString()).contains(id).contains("the bank was late");
        HttpResponse<String> answered = server.signed("POST", "/api/v1/sources/disputes/" + id + "/answer", utility,
                "{\"answer\":\"our records say 45 days\"}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(server.signed("POST", "/api/v1/sources/disputes/" + id + "/answer", utility,
                "{\"answer\":\"again\"}").statusCode()).isEqualTo(409);

        assertThat(server.getJson("/api/v1/disputes", login("rita")).toString()).contains(id);
        int looksBefore = server.server().civitas().accessLog().of("p-ada", 100).size();
        JsonNode review = server.getJson("/api/v1/disputes/" + id, login("rita"));
        assertThat(review.at("/attributes/daysLate").asLong()).isEqualTo(45);
        assertThat(server.server().civitas().accessLog().of("p-ada", 100)).as("the look is in Ada's log")
                .hasSize(looksBefore + 1);
        assertThat(decide("rita", id, "{\"outcome\":\"upheld\",\"reason\":\"the utility's records\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> twice = decide("rita", id, "{\"outcome\":\"removed\",\"reason\":\"changed my mind\"}");
        assertThat(twice.statusCode()).as("one decision per reviewer").isEqualTo(409);
        assertThat(lateBill("ada")).as("one decision does not resolve it").isEqualTo("0 (disputed)");
        assertThat(decide("rolf", id, "{\"outcome\":\"removed\",\"reason\":\"the bank statement\"}").statusCode())
                .isEqualTo(200);
        server.awaitProjection();

        JsonNode mine = server.getJson("/api/v1/me/disputes", login("ada")).get("disputes").get(0);
        assertThat(mine.get("state").asText()).as("the person's side wins").isEqualTo("removed");
        assertThat(mine.at("/answer/text").asText()).isEqualTo("our records say 45 days");
        List<String> decisions = new ArrayList<>();
        mine.get("decisions").forEach(decision -> decisions.add(decision.get("outcome").asText() + " by "
                + decision.get("badge").asText()));
        assertThat(decisions).hasSize(2).allMatch(decision -> decision.matches("(upheld|removed) by R-[0-9a-f]{8}"));
        assertThat(mine.toString()).as("reviewers are known by badge").doesNotContain("rita", "rolf");
        assertThat(lateBill("ada")).isEqualTo("none");
        assertThat(decide("rolf", id, "{\"outcome\":\"upheld\",\"reason\":\"late\"}").statusCode()).isEqualTo(409);
        assertThat(server.getJson("/api/v1/me/events?category=disputes", login("ada")).toString())
                .as("the ledger's entries of the dispute, in Ada's vault").contains("dispute-opened")
                .contains("dispute-resolved").contains("\"outcome\":\"removed\"");
        assertThat(scoreOffline("p-ada")).as("the ledger alone gives the same score")
                .isEqualTo(server.getJson("/api/v1/me/score", login("ada")).get("score").asDouble());
    }

    @Test
    void reviewersWhoAgreeOnACorrectionRescoreTheEventAsCorrected() throws Exception {
        JsonNode opened = dispute("bob", "{\"event\":\"bill-bob\",\"source\":\"lakeside-utilities\",\"reason\":\"it"
                + " was 10 days\"}");
        String id = opened.get("id").asText();
        assertThat(server.change("POST", "/api/v1/me/disputes/" + id + "/evidence", "{\"evidence\":\"x\"}",
                login("ada")).statusCode()).as("only the person adds evidence").isEqualTo(404);
        HttpResponse<String> added = server.change("POST", "/api/v1/me/disputes/" + id + "/evidence",
                "{\"evidence\":\"the receipt, dated\"}", login("bob"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        JsonNode withEvidence = TestServer.JSON.readTree(added.body());
        assertThat(withEvidence.get("evidence").asText()).isEqualTo("the receipt, dated");
        assertThat(Instant.parse(withEvidence.get("deadline").asText())).as("45 days from the opening")
                .isEqualTo(Instant.parse(opened.get("openedAt").asText()).plus(Duration.ofDays(45)));
        assertThat(decide("rita", id, "{\"outcome\":\"corrected\",\"reason\":\"r\"}").statusCode())
                .as("a correction needs its attributes").isEqualTo(400);
        assertThat(decide("rita", id, "{\"outcome\":\"forgiven\",\"reason\":\"r\"}").statusCode()).isEqualTo(400);

        for (String reviewer : List.of("rita", "rolf")) {
            HttpResponse<String> decided = decide(reviewer, id, "{\"outcome\":\"corrected\",\"reason\":\"the"
                    + " receipt\",\"attributes\":{\"daysLate\":10}}");
            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        }
        server.awaitProjection();

        assertThat(server.getJson("/api/v1/me/disputes", login("bob")).at("/disputes/0/state").asText())
                .isEqualTo("corrected");
        assertThat(lateBill("bob")).as("10 days late is no late bill").isEqualTo("none");
        assertThat(scoreOffline("p-bob")).isEqualTo(1000.0);
    }

    @Test
    void aDisputeNobodyDecidesByItsDeadlineResolvesAsRemovedUntilTheSourceReinstatesItWithNewEvidence()
            throws Exception {
        String id = dispute("cyd", "{\"event\":\"bill-cyd\",\"reason\":\"not mine\"}").get("id").asText();
        server.clock().advance(DisputeDesk.REVIEW_PERIOD.plusSeconds(1));

        assertThat(server.signed("POST", "/api/v1/sources/disputes/" + id + "/answer", utility,
                "{\"answer\":\"too late\"}").statusCode()).as("the source answers within five days").isEqualTo(409);
        JsonNode mine = server.getJson("/api/v1/me/disputes", login("cyd")).at("/disputes/0");
        server.awaitProjection();

        assertThat(mine.get("state").asText()).isEqualTo("removed");
        assertThat(mine.get("decisions")).isEmpty();
        assertThat(lateBill("cyd")).isEqualTo("none");
        assertThat(decide("rita", id, "{\"outcome\":\"upheld\",\"reason\":\"late\"}").statusCode()).isEqualTo(409);

        assertThat(server.change("POST", "/api/v1/me/disputes", "{\"event\":\"bill-cyd\",\"reason\":\"again\"}",
                login("cyd")).statusCode()).as("removed, it gave no point to dispute").isEqualTo(404);
        HttpResponse<String> reinstated = server.signed("POST", "/api/v1/sources/disputes/" + id + "/reinstate",
                utility, "{\"evidence\":\"the meter's photo, dated\"}");
        assertThat(reinstated.statusCode()).as(reinstated.body()).isEqualTo(200);
        server.awaitProjection();
        assertThat(lateBill("cyd")).as("it counts again").isEqualTo("-10");
        JsonNode told = server.getJson("/api/v1/me/disputes", login("cyd")).at("/disputes/0");
        assertThat(told.get("state").asText()).isEqualTo("reinstated");
        assertThat(told.at("/reinstatement/text").asText()).isEqualTo("the meter's photo, dated");
        assertThat(server.get("/me/disputes", login("cyd")).body()).contains("you may dispute it once more");
        assertThat(server.signed("POST", "/api/v1/sources/disputes/" + id + "/reinstate", utility,
                "{\"evidence\":\"again\"}").statusCode()).as("reinstated once").isEqualTo(409);
        String again = dispute("cyd", "{\"event\":\"bill-cyd\",\"reason\":\"the photo is of the wrong"
                + " meter\"}").get("id").asText();
        assertThat(again).isNotEqualTo(id);
        assertThat(lateBill("cyd")).isEqualTo("0 (disputed)");
        assertThat(server.change("POST", "/api/v1/me/disputes", "{\"event\":\"bill-cyd\",\"reason\":\"and again\"}",
                login("cyd")).statusCode()).as("one fresh dispute").isEqualTo(409);
    }

    /** Only reviewers decide, and only sources that sent the event answer. */
    @Test
    void noOneButAReviewerDecidesAndNoSourceButTheEventsAnswers() throws Exception {
        String id = dispute("dan", "{\"event\":\"bill-dan\",\"reason\":\"not mine\"}").get("id").asText();
        RegisteredSource other = server.source("city-traffic", "speeding", "traffic");

        assertThat(decide("dan", id, "{\"outcome\":\"removed\",\"reason\":\"mine\"}").statusCode()).isEqualTo(403);
        assertThat(server.signed("POST", "/api/v1/sources/disputes/" + id + "/answer", other,
                "{\"answer\":\"not ours\"}").statusCode()).isEqualTo(404);
        assertThat(server.signed("GET", "/api/v1/sources/disputes", other, null).body()).doesNotContain(id);
        assertThat(lateBill("dan")).isEqualTo("0 (disputed)");
    }

    @Test
    void thePublicStatisticsShowHowOftenASourcesEventsAreDisputedWithSmallCountsSuppressed() throws Exception {
        StringBuilder bills = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            bills.append(TestServer.event("lakeside-utilities", "stats-bill-" + i, "p-stats-" + i, "bill-payment",
                    server.now().minus(Duration.ofDays(3)), "{\"daysLate\":60}")).append('\n');
        }
        assertThat(server.postEvents(utility, bills.toString()).statusCode()).isEqualTo(200);
        server.awaitProjection();
        for (int i = 0; i < 21; i++) {
            server.server().civitas().disputes().open("p-stats-" + i, "", "stats-bill-" + i, "not mine", "");
        }
        server.awaitProjection();
        server.clock().advance(Duration.ofMinutes(2));

        JsonNode utilities = null;
        for (JsonNode source : server.getJson("/api/v1/stats", null).get("disputes")) {
            if (source.get("source").asText().equals("lakeside-utilities")) {
                utilities = source;
            }
        }

        assertThat(utilities).isNotNull();
        long scored = utilities.get("scoredEvents").asLong();
        long disputed = utilities.get("disputed").asLong();
        assertThat(scored).as("a disputed bill still scores, if nothing").isGreaterThanOrEqualTo(24);
        assertThat(disputed).isGreaterThanOrEqualTo(21);
        assertThat(utilities.get("disputedRate").asDouble()).isEqualTo(Math.round(10_000.0 * disputed / scored)
                / 10_000.0);
        assertThat(utilities.get("removed").isNull()).as("fewer than 20 removed is not shown").isTrue();
        assertThat(utilities.get("removedRate").isNull()).isTrue();
        assertThat(server.get("/stats", null).body()).contains("Disputes by source");
    }

    @Test
    void everyActOfAnOfficialIsInThePublicRecordByBadgeWithThePersonAsAPseudonymOnlyTheySeeIsThem()
            throws Exception {
        String id = dispute("eve", "{\"event\":\"bill-eve\",\"reason\":\"not mine\"}").get("id").asText();
        server.getJson("/api/v1/disputes/" + id, login("rita"));
        decide("rita", id, "{\"outcome\":\"upheld\",\"reason\":\"the utility's records\"}");
        HttpResponse<String> registered = server.change("POST", "/api/v1/admin/sources", "{\"name\":\"library\","
                + "\"types\":[{\"type\":\"book-returned\",\"category\":\"civic\"}]}", login("adam"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        JsonNode record = server.getJson("/api/v1/officials/record", null);
        String ritasBadge = new Actor("rita", Role.REVIEWER).badge();
        List<String> acts = new ArrayList<>();
        record.get("acts").forEach(act -> acts.add(act.get("act").asText() + " by " + act.get("badge").asText()));
        assertThat(acts).contains("dispute-reviewed by " + ritasBadge, "dispute-decided by " + ritasBadge,
                "source-registered by " + new Actor("adam", Role.ADMIN).badge());
        assertThat(record.toString()).as("no one named").doesNotContain("p-eve", "rita", "adam");
        assertThat(record.at("/counts/byOfficial/" + ritasBadge).asLong()).isGreaterThanOrEqualTo(2);
        JsonNode eves = server.getJson("/api/v1/me/official-acts", login("eve"));
        assertThat(eves.get("acts")).hasSize(2);
        assertThat(record.toString()).as("Eve's pseudonyms are in the public record")
                .contains(eves.at("/acts/0/concerning").asText(), eves.at("/acts/1/concerning").asText());
        assertThat(server.getJson("/api/v1/me/official-acts", login("ada")).toString())
                .doesNotContain(eves.at("/acts/0/concerning").asText());
        assertThat(server.get("/me/access", login("eve")).body()).contains("dispute-decided").contains("(you)");
        assertThat(server.get("/officials", null).body()).contains(ritasBadge);

        JsonNode ritas = server.getJson("/api/v1/officials/acts?badge=" + ritasBadge + "&act=dispute-decided",
                login("audrey"));
        assertThat(ritas.get("acts")).isNotEmpty().allMatch(act -> act.get("act").asText().equals("dispute-decided"));
        assertThat(server.get("/api/v1/officials/acts", login("eve")).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/officials/acts?act=looked-around", login("audrey")).statusCode())
                .isEqualTo(400);
        assertThat(OfficialRecord.verify(server.dataDirectory()).intact()).isTrue();
    }

    /** {@code person}'s score now, by a pass over the server's ledger alone, as {@code civitas score --data} does. */
    private HttpResponse<String> attach(TestServer.Session session, String id, String name, String type,
            byte[] content) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/api/v1/me/disputes/" + id + "/files?name="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("Cookie", session.cookie()).header("X-CSRF-Token", session.csrf()).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    /** A file sent as the page's form sends it: a multipart body with the CSRF field and the file. */
    private HttpResponse<String> uploadThroughThePage(TestServer.Session session, String id, byte[] content)
            throws Exception {
        String boundary = "civitas-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + session.csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return server.send(HttpRequest.newBuilder(server.uri("/me/disputes/" + id + "/files"))
                .header("Cookie", session.cookie()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<byte[]> download(String path, TestServer.Session session) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Cookie", session.cookie()).GET(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void filesAttachedAsEvidenceAreCheckedByTypeReadBackByThePersonAndReadByReviewersInTheOpen() throws Exception {
        String id = dispute("fay", "{\"event\":\"bill-fay\",\"reason\":\"I paid on time\"}").get("id").asText();
        TestServer.Session fay = login("fay");
        byte[] pdf = "%PDF-1.4\n% the bank's receipt\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> attached = attach(fay, id, "receipt of May.pdf", "application/pdf", pdf);

        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        JsonNode file = TestServer.JSON.readTree(attached.body());
        assertThat(file.get("number").asInt()).isEqualTo(1);
        assertThat(file.get("sha256").asText()).isEqualTo(Tokens.sha256(pdf));
        JsonNode mine = server.getJson("/api/v1/me/disputes", fay).at("/disputes/0");
        assertThat(Instant.parse(mine.get("deadline").asText())).as("evidence gives reviewers 45 days")
                .isEqualTo(Instant.parse(mine.get("openedAt").asText()).plus(DisputeDesk.REVIEW_PERIOD_WITH_EVIDENCE));
        HttpResponse<byte[]> back = download("/api/v1/me/disputes/" + id + "/files/1", fay);
        assertThat(back.body()).isEqualTo(pdf);
        assertThat(back.headers().firstValue("Content-Type")).get().asString().startsWith("application/pdf");
        assertThat(back.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"receipt of"
                + " May.pdf\"; filename*=UTF-8''receipt%20of%20May.pdf");

        assertThat(attach(fay, id, "photo.png", "image/png", pdf).body())
                .contains("file: it is not image/png: a PNG image begins with");
        assertThat(attach(fay, id, "tool.exe", "application/x-msdownload", pdf).body())
                .contains("Content-Type: one of application/pdf, image/png, image/jpeg, text/plain");
        assertThat(attach(fay, id, "../../etc/passwd", "text/plain", "hi".getBytes(StandardCharsets.UTF_8)).body())
                .contains("name: the file's name");
        assertThat(attach(fay, id, "notes.txt", "text/plain", new byte[] {'h', 0, 'i'}).statusCode()).isEqualTo(400);
        assertThat(attach(fay, id, "big.txt", "text/plain", new byte[DisputeFiles.MAX_BYTES + 1]).statusCode())
                .isEqualTo(413);
        assertThat(attach(login("ada"), id, "mine.txt", "text/plain", "hi".getBytes(StandardCharsets.UTF_8))
                .statusCode()).as("someone else's dispute").isEqualTo(404);
        assertThat(uploadThroughThePage(fay, id, new byte[Forms.MAX_UPLOAD_BYTES]).statusCode()).isEqualTo(413);
        HttpResponse<String> overTheLimit = uploadThroughThePage(fay, id, new byte[DisputeFiles.MAX_BYTES + 1]);
        assertThat(overTheLimit.statusCode()).as("the page's form has the API's limit").isEqualTo(400);
        assertThat(overTheLimit.body()).contains("a file may hold at most " + DisputeFiles.MAX_BYTES + " bytes");
        assertThat(server.getJson("/api/v1/me/disputes/" + id + "/files", fay).get("files")).as("nothing else kept")
                .hasSize(1);
        for (int n = 2; n <= DisputeFiles.MOST; n++) {
            assertThat(attach(fay, id, "note " + n + ".txt", "text/plain; charset=utf-8", ("note " + n)
                    .getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
        }
        assertThat(attach(fay, id, "one more.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)).statusCode())
                .as("five files at most").isEqualTo(409);

        TestServer.Session rita = login("rita");
        assertThat(server.getJson("/api/v1/disputes/" + id + "/files", rita).get("files")).hasSize(DisputeFiles.MOST);
        assertThat(download("/api/v1/disputes/" + id + "/files/1", rita).body()).isEqualTo(pdf);
        assertThat(server.getJson("/api/v1/me/access-log", fay).toString()).contains("rita")
                .contains("a file attached to dispute " + id);
        assertThat(server.getJson("/api/v1/officials/record", null).toString())
                .contains("read a file attached to a dispute");
        assertThat(server.get("/api/v1/disputes/" + id + "/files/1", fay).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/disputes/" + id + "/files/9", rita).statusCode()).isEqualTo(404);
    }

    private double scoreOffline(String person) {
        Scorer scorer = new Scorer(server.server().civitas().ruleBooks());
        ScoringRun run = scorer.start(server.now());
        FileLedger.read(server.dataDirectory(), (sequence, event) -> run.accept(event));
        return run.finish().people().stream().filter(score -> score.person().equals(person)).findFirst()
                .map(PersonScore::roundedScore).orElseThrow();
    }
}
