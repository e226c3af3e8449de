package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.civitas.rules.RuleBookLoader;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Residents praise each other through real HTTP, on H2 and PostgreSQL: an attestation exists for its two people alone
 * until the praised one confirms it, and then scores by the book's rule; a declined one is gone; three a week, one a
 * month per pair, and two people praising each other count once; and no route takes a report against anyone.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class AttestationsIT {

    private static final ServersPerStorage SERVERS = new ServersPerStorage();
    private static final String BOOK = "jurisdiction: lakeside\ntimezone: Europe/Berlin\nrules:\n"
            + "  - id: civic.praise-confirmed\n    title: A good deed attested and confirmed\n    category: civic\n"
            + "    on: attestation-confirmed\n    points: 2\n    halfLife: P180D\n"
            + "attestations:\n  - { id: helped-a-neighbour, title: Helped a neighbour }\n"
            + "  - { id: returned-lost-property, title: Returned lost property }\n";
    private static final List<String> PEOPLE = List.of("ada", "bob", "cyd", "dan", "eve", "fay", "gus");

    @Parameter
    Supplier<StorageSettings> storage;

    private TestServer server;

    @BeforeEach
    void connect() throws Exception {
        server = SERVERS.serverFor(storage, AttestationsIT::startWithBook, AttestationsIT::city);
    }

    @AfterAll
    static void stop() throws Exception {
        SERVERS.close();
    }

    private static TestServer startWithBook(StorageSettings storage) throws IOException {
        Path data = Files.createTempDirectory("civitas-attestations");
        Files.writeString(Files.createDirectories(RuleBookLoader.folderIn(data)).resolve("lakeside.yaml"), BOOK);
        return TestServer.startOn(data, storage);
    }

    private static void city(TestServer server) throws Exception {
        RegisteredSource registry = server.source("city-registry", "residence-registered", "residence");
        StringBuilder homes = new StringBuilder();
        for (String name : PEOPLE) {
            homes.append(TestServer.event("city-registry", "home-" + name, "p-" + name, "residence-registered",
                    server.now().minus(Duration.ofDays(3)), "{\"district\":\"harbour\"}")).append('\n');
            server.citizen(name, "p-" + name, name + "'s password");
        }
        assertThat(server.postEvents(registry, homes.toString()).statusCode()).isEqualTo(200);
        server.citizen("nemo", "p-nemo", "nemo's password");
        server.awaitProjection();
    }


    private TestServer.Session login(String name) throws Exception {
        return server.login(name, name + "'s password");
    }

    private HttpResponse<String> attest(String giver, String person, String kind) throws Exception {
        return server.change("POST", "/api/v1/attestations", "{\"person\":\"p-" + person + "\",\"kind\":\"" + kind
                + "\",\"note\":\"<i>thank you</i>\"}", login(giver));
    }

    private String attested(String giver, String person) throws Exception {
        HttpResponse<String> given = attest(giver, person, "helped-a-neighbour");
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        return TestServer.JSON.readTree(given.body()).get("id").asText();
    }

    private HttpResponse<String> answer(String name, String id, String answer) throws Exception {
        HttpResponse<String> answered = server.change("POST", "/api/v1/me/attestations/" + id, "{\"answer\":\""
                + answer + "\"}", login(name));
        server.awaitProjection();
        return answered;
    }

    private long praise(String name) throws Exception {
        long praise = 0;
        for (JsonNode contribution : server.getJson("/api/v1/me/score", login(name)).get("contributions")) {
            if (contribution.get("rule").asText().equals("civic.praise-confirmed")) {
                praise += contribution.get("granted").asLong();
            }
        }
        return praise;
    }

    @Test
    void anAttestationIsForItsTwoPeopleAloneUntilConfirmedAndThenScores() throws Exception {
        JsonNode kinds = server.getJson("/api/v1/attestations/kinds", null);
        assertThat(kinds.toString()).contains("helped-a-neighbour").contains("Returned lost property");

        String id = attested("ada", "bob");

        assertThat(server.getJson("/api/v1/me/attestations", login("bob")).at("/attestations/0/state").asText())
                .isEqualTo("waiting");
        assertThat(server.getJson("/api/v1/me/attestations", login("ada")).at("/attestations/0/mine").asBoolean())
                .isTrue();
        assertThat(server.getJson("/api/v1/me/attestations", login("cyd")).get("attestations")).isEmpty();
        assertThat(answer("ada", id, "confirm").statusCode()).as("only the praised confirm").isEqualTo(404);
        assertThat(answer("bob", id, "maybe").statusCode()).isEqualTo(400);
        assertThat(praise("bob")).as("nothing before the confirmation").isZero();

        assertThat(answer("bob", id, "confirm").statusCode()).isEqualTo(200);

        assertThat(praise("bob")).isEqualTo(2);
        assertThat(server.getJson("/api/v1/me/events?category=civic", login("bob")).toString())
                .contains("attestation-confirmed").doesNotContain("p-ada");
        assertThat(answer("bob", id, "confirm").statusCode()).isEqualTo(409);
    }

    @Test
    void aDeclinedAttestationLeavesNoTrace() throws Exception {
        String id = attested("cyd", "dan");

        assertThat(answer("dan", id, "decline").statusCode()).isEqualTo(200);

        assertThat(server.getJson("/api/v1/me/attestations", login("dan")).get("attestations")).isEmpty();
        assertThat(server.getJson("/api/v1/me/attestations", login("cyd")).get("attestations")).isEmpty();
        assertThat(praise("dan")).isZero();
    }

    @Test
    void threeAWeekOneAMonthPerPairAndTwoWhoPraiseEachOtherCountOnce() throws Exception {
        String toFay = attested("eve", "fay");
        attested("eve", "gus");
        assertThat(attest("eve", "fay", "returned-lost-property").statusCode()).as("the same pair this month")
                .isEqualTo(409);
        attested("eve", "dan");
        HttpResponse<String> fourth = attest("eve", "cyd", "helped-a-neighbour");
        assertThat(fourth.statusCode()).isEqualTo(409);
        assertThat(fourth.body()).contains("3 attestations in the past 7 days");
        answer("fay", toFay, "confirm");
        String back = attested("fay", "eve");

        answer("eve", back, "confirm");

        assertThat(praise("fay")).isEqualTo(2);
        assertThat(praise("eve")).as("the pair counts once").isZero();
        assertThat(server.getJson("/api/v1/me/attestations", login("eve")).toString()).contains("\"counted\":false");
        server.clock().advance(Duration.ofDays(8));
        assertThat(attest("eve", "cyd", "helped-a-neighbour").statusCode()).as("a new week").isEqualTo(201);
    }

    @Test
    void onlyResidentsAttestKindsListedWhereThePersonLives() throws Exception {
        assertThat(attest("gus", "gus", "helped-a-neighbour").body()).contains("a good deed of your own");
        assertThat(attest("nemo", "gus", "helped-a-neighbour").body()).contains("only residents attest");
        assertThat(attest("gus", "nemo", "helped-a-neighbour").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = attest("gus", "ada", "reported-a-neighbour");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("there are helped-a-neighbour, returned-lost-property");
    }

    @Test
    void noRouteKindOrFieldTakesAReportAgainstAnyone() throws Exception {
        Pattern accusation = Pattern.compile("report|complain|accus|denounc|suspect|negative|blame|snitch|misconduct"
                + "|wrongdo|culprit");
        JsonNode openApi = server.getJson("/api/v1/openapi.json", null);
        List<String> found = new ArrayList<>();
        openApi.get("paths").fields().forEachRemaining(path -> {
            if (accusation.matcher(path.getKey().toLowerCase(Locale.ROOT)).find()) {
                found.add(path.getKey());
            }
            path.getValue().forEach(operation -> collect(operation.path("requestBody"), openApi, accusation, found));
        });
        server.getJson("/api/v1/attestations/kinds", null).get("kinds").forEach(kind -> {
            if (accusation.matcher(kind.get("id").asText()).find()) {
                found.add("kind " + kind.get("id").asText());
            }
        });

        assertThat(found).as("routes, request fields and kinds that could carry a report").isEmpty();
        assertThat(openApi.get("paths").has("/api/v1/attestations")).as("the crawl sees the praise route").isTrue();
    }

    /** Every field name and enumerated value under {@code node}, references followed, that reads as an accusation. */
    private static void collect(JsonNode node, JsonNode openApi, Pattern accusation, List<String> found) {
        if (node.has("$ref")) {
            collect(openApi.at(node.get("$ref").asText().substring(1)), openApi, accusation, found);
        }
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("properties")) {
                field.getValue().fieldNames().forEachRemaining(name -> {
                    if (accusation.matcher(name.toLowerCase(Locale.ROOT)).find()) {
                        found.add("field " + name);
                    }
                });
            }
            if (field.getKey().equals("enum")) {
                field.getValue().forEach(value -> {
                    if (accusation.matcher(value.asText().toLowerCase(Locale.ROOT)).find()) {
                        found.add("value " + value.asText());
                    }
                });
            }
            collect(field.getValue(), openApi, accusation, found);
        });
        if (node.isArray()) {
            node.forEach(item -> collect(item, openApi, accusation, found));
        }
    }
}
