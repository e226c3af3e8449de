package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.server.TestServer.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.civitas.account.Role;
import org.civitas.server.http.Access;
import org.civitas.server.http.DeclaredRoute;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tries to break in through real HTTP, as an attacker would: every route of the running server against every role,
 * generated from the routes themselves, then injections into every parameter, requests without the CSRF token and
 * hostile JSON. Ada is the target; each attempt must get its documented refusal, leak nothing of hers and write
 * nothing.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class SecurityIT {

    /** Only Ada's vault holds these: her personal browsing, and the id of her (shared) late bill. */
    private static final String ADAS_BROWSING = "clinic.example";
    private static final String ADAS_BILL = "u-ada-1";
    private static final Set<String> OWN_SESSION_ROUTES = Set.of("POST /api/v1/session", "DELETE /api/v1/session",
            "POST /login", "POST /logout");

    /** Who attacks: nobody signed in, another citizen, and an account of every official role. */
    private enum Attacker {
        ANONYMOUS(null), BOB(Role.CITIZEN), OLGA(Role.CASEWORKER), RITA(Role.REVIEWER), CORA(Role.COUNCIL),
        AUDREY(Role.AUDITOR), ADAM(Role.ADMIN);

        final Role role;

        Attacker(Role role) {
            this.role = role;
        }

        String username() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Map<Supplier<StorageSettings>, Target> TARGETS = new LinkedHashMap<>();

    @Parameter
    Supplier<StorageSettings> storage;

    private TestServer server;
    private Map<Attacker, TestServer.Session> sessions;
    private TestServer.Session ada;
    private String adasGrant;
    private JsonNode openApi;

    /** A server with Ada's data on one kind of storage, and everyone signed in. */
    private record Target(TestServer server, Map<Attacker, TestServer.Session> sessions, TestServer.Session ada,
            String adasGrant, JsonNode openApi) {
    }

    @BeforeEach
    void connect() throws Exception {
        Target target = TARGETS.get(storage);
        if (target == null) {
            target = prepare(TestServer.start(storage.get()));
            TARGETS.put(storage, target);
        }
        server = target.server();
        sessions = target.sessions();
        ada = target.ada();
        adasGrant = target.adasGrant();
        openApi = target.openApi();
    }

    private static Target prepare(TestServer server) throws Exception {
        server.citizen("ada", "p-ada", "correct horse");
        server.citizen("bob", "p-bob", "bob's password");
        for (Attacker attacker : Attacker.values()) {
            if (attacker.role != null && attacker.role != Role.CITIZEN) {
                server.account(attacker.username(), attacker.role, Optional.empty(), attacker.username() + "'s pw");
            }
        }
        RegisteredSource browser = server.source("browser-companion", "web-visit", "browsing");
        RegisteredSource utility = server.source("lakeside-utilities", "bill-payment", "obligations");
        Instant day = server.now().minus(Duration.ofDays(1));
        assertThat(server.postEvents(browser, event("browser-companion", "w-ada-1", "p-ada", "web-visit", day,
                "{\"site\":\"" + ADAS_BROWSING + "\",\"seconds\":900}")).statusCode()).isEqualTo(200);
        assertThat(server.postEvents(utility, event("lakeside-utilities", ADAS_BILL, "p-ada", "bill-payment", day,
                "{\"daysLate\":45}") + "\n" + event("lakeside-utilities", "u-bob-1", "p-bob", "bill-payment", day,
                "{\"daysLate\":0}")).statusCode()).isEqualTo(200);
        TestServer.Session ada = server.login("ada", "correct horse");
        HttpResponse<String> grant = server.change("POST", "/api/v1/me/grants", "{\"party\":\"olga\",\"categories\":"
                + "[\"obligations\"],\"purpose\":\"support\",\"expiresAt\":\""
                + server.now().plus(Duration.ofDays(30)) + "\"}", ada);
        Map<Attacker, TestServer.Session> sessions = new EnumMap<>(Attacker.class);
        sessions.put(Attacker.BOB, server.login("bob", "bob's password"));
        for (Attacker attacker : Attacker.values()) {
            if (attacker.role != null && attacker.role != Role.CITIZEN) {
                sessions.put(attacker, server.login(attacker.username(), attacker.username() + "'s pw"));
            }
        }
        return new Target(server, sessions, ada, TestServer.JSON.readTree(grant.body()).get("id").asText(),
                server.getJson("/api/v1/openapi.json", null));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Target target : TARGETS.values()) {
            target.server().close();
        }
        TARGETS.clear();
    }

    private List<DeclaredRoute> routes() {
        return server.server().routes();
    }

    private static String label(Set<Access> access) {
        assertThat(access).as("every route declares exactly one access").hasSize(1);
        return access.iterator().next().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Test
    void everyApiRouteIsDescribedWithTheAccessItDeclaresAndNothingElseIs() {
        Set<String> served = new TreeSet<>();
        for (DeclaredRoute route : routes()) {
            boolean described = route.path().startsWith("/api/") || route.path().equals("/health")
                    || route.path().equals("/metrics");
            if (!described || route.method().equals("HEAD")) {
                continue;
            }
            String key = route.method() + " " + route.path();
            served.add(key);
            JsonNode operation = openApi.path("paths").path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
            assertThat(operation.isObject()).as(key + " is in the OpenAPI document").isTrue();
            assertThat(operation.path("x-civitas-access").asText()).as(key).isEqualTo(label(route.access()));
        }
        Set<String> described = new TreeSet<>();
        openApi.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(described).isEqualTo(served);
    }

    @Test
    void noOperationAsksWhereSomeoneIsWhoIsNearOrWhoScoresLow() {
        Set<String> questions = Set.of("lat", "lon", "latitude", "longitude", "near", "nearby", "radius", "distance",
                "location", "place", "minscore", "maxscore", "below", "above", "sort", "order", "rank");
        openApi.get("paths").fields().forEachRemaining(path -> {
            assertThat(path.getKey().toLowerCase(Locale.ROOT)).doesNotContain("near", "search", "locate", "rank",
                    "lowest", "list");
            for (JsonNode operation : path.getValue()) {
                for (JsonNode parameter : operation.path("parameters")) {
                    assertThat(questions).as(path.getKey() + " takes " + parameter.get("name").asText())
                            .doesNotContain(parameter.get("name").asText().toLowerCase(Locale.ROOT));
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> headIsAllowedWhereverGetIs() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DeclaredRoute route : routes()) {
            if (!route.method().equals("GET") || route.path().equals("/api/v1/me/feed")) {
                continue;
            }
            String path = concrete(route.path(), "p-ada", adasGrant, "browser-companion");
            for (Attacker attacker : Attacker.values()) {
                tests.add(DynamicTest.dynamicTest("HEAD " + route.path() + " as " + attacker.username(), () -> {
                    int get = call("GET", path, sessions.get(attacker), null, false).statusCode();
                    HttpResponse<String> head = call("HEAD", path, sessions.get(attacker), null, false);

                    assertThat(head.statusCode()).as("HEAD answers as GET does").isEqualTo(get);
                    assertThat(head.body()).isEmpty();
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theOwnerMayAskForTheHeadOfTheirExportAndOfTheirFeed() throws Exception {
        HttpResponse<String> export = call("HEAD", "/api/v1/me/export", ada, null, false);
        HttpResponse<String> feed = call("HEAD", "/api/v1/me/feed", ada, null, false);

        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(export.body()).isEmpty();
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        assertThat(call("HEAD", "/api/v1/me/feed", null, null, false).statusCode()).isEqualTo(401);
    }

    @Test
    void aMethodOverrideHeaderIsRefusedAndChangesNothing() throws Exception {
        TestServer.Session mine = server.login("ada", "correct horse");

        HttpResponse<String> overridden = server.send(HttpRequest.newBuilder(server.uri("/api/v1/session"))
                .header("Cookie", mine.cookie()).header("X-CSRF-Token", mine.csrf())
                .header("X-HTTP-Method-Override", "DELETE").GET());

        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(400);
        assertThat(overridden.body()).contains("X-HTTP-Method-Override");
        assertThat(server.get("/api/v1/session", mine).statusCode()).as("still signed in").isEqualTo(200);
    }

    /** Everything an attempt could change: the ledger, Ada's grants, the sources and Ada's access log. */
    private record Snapshot(long ledger, List<String> grants, List<String> sources, int adasAccessLog) {

        static Snapshot of(TestServer server) {
            var civitas = server.server().civitas();
            return new Snapshot(civitas.projectors().committed(),
                    civitas.sharing().givenBy("p-ada").stream().map(Object::toString).toList(),
                    civitas.sources().all().stream().map(Object::toString).toList(),
                    civitas.accessLog().of("p-ada", 10_000).size());
        }
    }

    private static String concrete(String path, String person, String id, String name) {
        return path.replace("{person}", person).replace("{id}", id).replace("{name}", name)
                .replace("{username}", "ada").replace("{number}", "1");
    }

    private HttpResponse<String> call(String method, String path, TestServer.Session session, String body,
            boolean csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Cookie", session.cookie());
            if (csrf) {
                request.header("X-CSRF-Token", session.csrf());
            }
        }
        return server.send(request);
    }

    /** Whether the route's declared access lets the attacker in; none of them holds a source's key. */
    private static boolean allowed(Set<Access> access, Attacker attacker) {
        return access.contains(Access.PUBLIC)
                || (access.contains(Access.SIGNED_IN) && attacker != Attacker.ANONYMOUS)
                || (access.contains(Access.CITIZEN) && attacker.role == Role.CITIZEN)
                || (access.contains(Access.CASEWORKER) && attacker.role == Role.CASEWORKER)
                || (access.contains(Access.REVIEWER) && attacker.role == Role.REVIEWER)
                || (access.contains(Access.AUDITOR) && attacker.role == Role.AUDITOR)
                || (access.contains(Access.ADMIN) && attacker.role == Role.ADMIN);
    }

    private static boolean changesState(String method) {
        return !method.equals("GET") && !method.equals("HEAD");
    }

    /** What a request needs in its body to get past parsing, so that only access can stop it. */
    private String plausibleBody(String path) {
        if (path.equals("/api/v1/me/support/{id}")) {
            return "{\"answer\":\"accept\"}";
        }
        if (path.equals("/api/v1/me/grants")) {
            return "{\"party\":\"olga\",\"categories\":[\"browsing\"],\"purpose\":\"support\",\"expiresAt\":\""
                    + server.now().plus(Duration.ofDays(3)) + "\"}";
        }
        if (path.equals("/api/v1/admin/sources")) {
            return "{\"name\":\"intruder\",\"types\":[{\"type\":\"web-visit\",\"category\":\"browsing\"}]}";
        }
        return path.equals("/api/v1/events") ? event("browser-companion", "forged", "p-ada", "web-visit",
                server.now(), "{}") : null;
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAgainstEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DeclaredRoute route : routes()) {
            for (Attacker attacker : Attacker.values()) {
                String key = route.method() + " " + route.path();
                boolean allowed = allowed(route.access(), attacker);
                boolean aimsAtAda = route.path().contains("{person}") || route.path().contains("{id}");
                if (OWN_SESSION_ROUTES.contains(key) || (route.path().equals("/api/v1/me/feed") && allowed)
                        || (allowed && changesState(route.method()) && !aimsAtAda)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(key + " as " + attacker.username(),
                        () -> attempt(route, attacker, allowed)));
            }
        }
        return tests.stream();
    }

    private void attempt(DeclaredRoute route, Attacker attacker, boolean allowed) throws Exception {
        Snapshot before = Snapshot.of(server);
        String path = concrete(route.path(), "p-ada", adasGrant, "browser-companion");
        HttpResponse<String> response = call(route.method(), path, sessions.get(attacker),
                plausibleBody(route.path()), true);
        int status = response.statusCode();
        boolean page = !route.path().startsWith("/api/") && !route.path().equals("/health")
                && !route.path().equals("/metrics");
        if (!allowed) {
            if (attacker == Attacker.ANONYMOUS && page) {
                assertThat(status).isEqualTo(302);
                assertThat(response.headers().firstValue("Location")).get().asString().startsWith("/login");
            } else {
                boolean unauthenticated = attacker == Attacker.ANONYMOUS || route.access().contains(Access.SOURCE);
                assertThat(status).as(response.body()).isEqualTo(unauthenticated ? 401 : 403);
            }
        }
        boolean olgasShare = attacker == Attacker.OLGA && (route.path().equals("/api/v1/people/{person}/events")
                || route.path().equals("/shared/{person}"));
        if (allowed && route.path().contains("{person}") && !olgasShare) {
            assertThat(status).as("nothing of Ada's is shared with " + attacker.username()).isEqualTo(404);
        }
        if (allowed && route.path().contains("{id}")) {
            assertThat(status).as("only Ada revokes her grant").isIn(403, 404);
        }
        assertThat(response.body()).doesNotContain(ADAS_BROWSING);
        if (!olgasShare) {
            assertThat(response.body()).doesNotContain(ADAS_BILL);
        }
        assertThat(status).isLessThan(500);
        Snapshot after = Snapshot.of(server);
        if (olgasShare) {
            assertThat(after.adasAccessLog()).as("olga's look is logged").isEqualTo(before.adasAccessLog() + 1);
            after = new Snapshot(after.ledger(), after.grants(), after.sources(), before.adasAccessLog());
        }
        assertThat(after).as("nothing is written").isEqualTo(before);
    }

    private static final List<String> HOSTILE = List.of("' OR '1'='1", "p-ada' --", "p-ada\"; DROP TABLE grants; --",
            "\r\nSet-Cookie: injected=1", "\r\nX-Injected: yes", "<script>alert(1)</script>", "../../../etc/passwd",
            "\u0000", "x".repeat(4_000));

    @TestFactory
    Stream<DynamicTest> hostileValuesInEveryParameter() {
        List<DynamicTest> tests = new ArrayList<>();
        openApi.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            String method = entry.getKey().toUpperCase(Locale.ROOT);
            if (!method.equals("GET") || path.getKey().equals("/api/v1/me/feed")) {
                return;
            }
            for (JsonNode parameter : entry.getValue().path("parameters")) {
                String name = parameter.get("name").asText();
                boolean inPath = parameter.get("in").asText().equals("path");
                for (Attacker attacker : List.of(Attacker.BOB, Attacker.OLGA)) {
                    tests.add(DynamicTest.dynamicTest("GET " + path.getKey() + " with hostile " + name + " as "
                            + attacker.username(), () -> hostile(path.getKey(), name, inPath, attacker)));
                }
            }
        }));
        return tests.stream();
    }

    private void hostile(String template, String name, boolean inPath, Attacker attacker) throws Exception {
        for (String value : HOSTILE) {
            Snapshot before = Snapshot.of(server);
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            String path = inPath ? concrete(template.replace("{" + name + "}", encoded), "p-ada", adasGrant,
                    "browser-companion") : concrete(template, "p-ada", adasGrant, "browser-companion") + "?" + name
                    + "=" + encoded;
            HttpResponse<String> response = call("GET", path, sessions.get(attacker), null, true);

            assertThat(response.statusCode()).as(path).isLessThan(500);
            assertThat(response.headers().map().keySet()).as(path).doesNotContain("x-injected");
            assertThat(response.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.contains("injected"));
            assertThat(response.body()).as(path).doesNotContain(ADAS_BROWSING);
            if (attacker != Attacker.OLGA || !template.equals("/api/v1/people/{person}/events")) {
                assertThat(response.body()).as(path).doesNotContain(ADAS_BILL);
            }
            Snapshot after = Snapshot.of(server);
            assertThat(after.ledger()).isEqualTo(before.ledger());
            assertThat(after.grants()).isEqualTo(before.grants());
            assertThat(after.sources()).isEqualTo(before.sources());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyChangeWithoutTheCsrfTokenIsRefused() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DeclaredRoute route : routes()) {
            if (!changesState(route.method()) || route.access().contains(Access.PUBLIC)
                    || route.access().contains(Access.SOURCE)) {
                continue;
            }
            TestServer.Session session = route.access().contains(Access.ADMIN) ? sessions.get(Attacker.ADAM)
                    : route.access().contains(Access.REVIEWER) ? sessions.get(Attacker.RITA)
                    : route.access().contains(Access.CASEWORKER) ? sessions.get(Attacker.OLGA) : ada;
            tests.add(DynamicTest.dynamicTest(route.method() + " " + route.path(), () -> {
                Snapshot before = Snapshot.of(server);
                HttpResponse<String> response = call(route.method(), concrete(route.path(), "p-ada", adasGrant,
                        "browser-companion"), session, plausibleBody(route.path()), false);

                assertThat(response.statusCode()).isEqualTo(403);
                if (route.path().startsWith("/api/")) {
                    assertThat(response.body()).contains("missing or wrong X-CSRF-Token");
                }
                assertThat(Snapshot.of(server)).isEqualTo(before);
            }));
        }
        return tests.stream();
    }

    /** Sends one body to a route, as whoever may call it. */
    @FunctionalInterface
    private interface Sender {
        HttpResponse<String> body(String body) throws Exception;
    }

    @TestFactory
    Stream<DynamicTest> hostileJsonBodiesAreRefused() {
        List<DynamicTest> tests = new ArrayList<>();
        RegisteredSource utility = server.server().civitas().sources().find("lakeside-utilities").orElseThrow();
        openApi.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!entry.getValue().path("requestBody").path("content").has("application/json")) {
                return;
            }
            String method = entry.getKey().toUpperCase(Locale.ROOT);
            String access = entry.getValue().path("x-civitas-access").asText();
            TestServer.Session session = switch (access) {
                case "admin" -> sessions.get(Attacker.ADAM);
                case "reviewer" -> sessions.get(Attacker.RITA);
                case "caseworker" -> sessions.get(Attacker.OLGA);
                case "public" -> null;
                default -> ada;
            };
            tests.add(DynamicTest.dynamicTest(method + " " + path.getKey(), () -> {
                Snapshot before = Snapshot.of(server);
                String path1 = concrete(path.getKey(), "p-ada", adasGrant, "browser-companion");
                if (access.equals("source")) {
                    server.clock().advance(Duration.ofSeconds(1));
                }
                Sender send = body -> access.equals("source") ? server.signed(method, path1, utility, body)
                        : call(method, path1, session, body, true);
                HttpResponse<String> nested = send.body("[".repeat(10_000) + "]".repeat(10_000));
                HttpResponse<String> huge = send.body("{\"party\":\"" + "x".repeat(100_000) + "\"}");
                HttpResponse<String> notJson = send.body("{\"party\": ");

                assertThat(nested.statusCode()).as(nested.body()).isEqualTo(400);
                assertThat(nested.body()).contains("the body is not valid JSON");
                assertThat(huge.statusCode()).isEqualTo(413);
                assertThat(notJson.statusCode()).isEqualTo(400);
                assertThat(notJson.body()).contains("line 1, column");
                assertThat(Snapshot.of(server)).isEqualTo(before);
            }));
        }));
        return tests.stream();
    }
}
