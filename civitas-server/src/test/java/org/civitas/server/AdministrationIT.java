package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.server.TestServer.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.civitas.account.Role;
import org.civitas.source.RegisteredSource;
import org.civitas.source.SourceType;
import org.civitas.store.StorageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An administrator's desk, through real HTTP on H2 and PostgreSQL: sources registered, their keys rotated and
 * revoked; accounts opened for officials and any account disabled, each an act of the public official record. A
 * disabled account signs in no more and its sessions end.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class AdministrationIT {

    private static final ServersPerStorage SERVERS = new ServersPerStorage();
    private static final String PASSWORD = "a long reviewer password";

    @Parameter
    Supplier<StorageSettings> storage;

    private TestServer server;
    private TestServer.Session admin;
    private int names;

    @BeforeEach
    void connect() throws Exception {
        server = SERVERS.serverFor(storage, running -> {
            running.account("root", Role.ADMIN, Optional.empty(), "admin password");
            running.citizen("ada", "p-ada", "correct horse");
        });
        admin = server.login("root", "admin password");
    }

    @AfterAll
    static void stop() throws Exception {
        SERVERS.close();
    }

    private String uniqueName(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + names++;
    }

    private JsonNode register(String name, String types) throws Exception {
        HttpResponse<String> created = server.change("POST", "/api/v1/admin/sources",
                "{\"name\":\"" + name + "\",\"types\":" + types + "}", admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestServer.JSON.readTree(created.body());
    }

    private RegisteredSource source(JsonNode view, String type, String category) {
        return new RegisteredSource(view.get("name").asText(), view.get("key").asText(), view.get("secret").asText(),
                server.now(), Optional.empty(), List.of(new SourceType(type, category)));
    }

    private int sendLoan(RegisteredSource source, String id) throws Exception {
        return server.postEvents(source, event(source.name(), id, "p-ada", "book-loan", server.now(),
                "{\"title\":\"Moby Dick\"}")).statusCode();
    }

    @Test
    void aRegisteredSourceSendsWithTheKeyShownOnceAndTheSecretIsNeverShownAgain() throws Exception {
        String name = uniqueName("library");
        JsonNode created = register(name, "[{\"type\":\"book-loan\",\"category\":\"civic\"}]");

        assertThat(created.get("key").asText()).startsWith("ck_");
        assertThat(created.get("secret").asText()).hasSize(64);
        assertThat(sendLoan(source(created, "book-loan", "civic"), "l-1")).isEqualTo(200);
        String listing = server.get("/api/v1/admin/sources", admin).body();
        assertThat(listing).contains("\"name\":\"" + name + "\"").doesNotContain(created.get("secret").asText())
                .doesNotContain("\"secret\"");
    }

    @Test
    void aRotatedKeyIsRefusedAtOnceAndTheNewOneWorks() throws Exception {
        JsonNode created = register(uniqueName("library"), "[{\"type\":\"book-loan\",\"category\":\"civic\"}]");
        RegisteredSource old = source(created, "book-loan", "civic");

        HttpResponse<String> rotated = server.change("POST", "/api/v1/admin/sources/" + old.name() + "/rotate",
                null, admin);

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        RegisteredSource fresh = source(TestServer.JSON.readTree(rotated.body()), "book-loan", "civic");
        assertThat(fresh.keyId()).isNotEqualTo(old.keyId());
        assertThat(sendLoan(old, "l-2")).isEqualTo(401);
        assertThat(sendLoan(fresh, "l-3")).isEqualTo(200);
    }

    @Test
    void aRevokedSourceIsRefusedAtOnce() throws Exception {
        RegisteredSource source = source(register(uniqueName("library"),
                "[{\"type\":\"book-loan\",\"category\":\"civic\"}]"),
                "book-loan", "civic");
        assertThat(sendLoan(source, "l-4")).isEqualTo(200);

        HttpResponse<String> revoked = server.change("DELETE", "/api/v1/admin/sources/" + source.name(), null, admin);

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(TestServer.JSON.readTree(revoked.body()).get("revokedAt").asText()).isNotEmpty();
        HttpResponse<String> refused = server.postEvents(source, event(source.name(), "l-5", "p-ada", "book-loan",
                server.now(), "{}"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("unknown or revoked source key");
        assertThat(server.change("POST", "/api/v1/admin/sources/" + source.name() + "/rotate", null, admin)
                .statusCode()).as("a revoked source stays revoked").isEqualTo(404);
    }

    @Test
    void aTypeKeepsOneCategoryAndARuleNeverReadsAPersonalOnlyType() throws Exception {
        register(uniqueName("library"), "[{\"type\":\"museum-visit\",\"category\":\"civic\"}]");

        HttpResponse<String> conflict = server.change("POST", "/api/v1/admin/sources", "{\"name\":\""
                + uniqueName("library") + "\",\"types\":[{\"type\":\"museum-visit\",\"category\":\"location\"}]}",
                admin);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("'museum-visit' is registered already, in category 'civic'");

        HttpResponse<String> readByARule = server.change("POST", "/api/v1/admin/sources", "{\"name\":\""
                + uniqueName("library") + "\",\"types\":[{\"type\":\"volunteering\",\"category\":\"location\"}]}",
                admin);
        assertThat(readByARule.statusCode()).isEqualTo(409);
        assertThat(readByARule.body()).contains("rule 'civic.volunteering' of lakeside reads 'volunteering'")
                .contains("breaks clause art-7");
    }

    @Test
    void malformedRegistrationsAreRefusedNamingTheField() throws Exception {
        assertThat(refusal("{\"name\":\"Bad Name\",\"types\":[]}")).contains("name: required, 1 to 64 of a-z");
        assertThat(refusal("{\"name\":\"fine\",\"types\":[]}")).contains("types: a list of 1 to 100");
        assertThat(refusal("{\"name\":\"fine\",\"types\":[{\"type\":\"a\"}]}"))
                .contains("types: category of 'a': required");
        assertThat(refusal("{\"name\":\"fine\",\"types\":[{\"type\":\"a\",\"category\":\"civic\"},"
                + "{\"type\":\"a\",\"category\":\"civic\"}]}")).contains("types: 'a' is listed twice");
        assertThat(server.get("/api/v1/admin/sources", admin).body()).doesNotContain("\"fine\"");
    }

    private String refusal(String body) throws Exception {
        HttpResponse<String> refused = server.change("POST", "/api/v1/admin/sources", body, admin);
        assertThat(refused.statusCode()).isEqualTo(400);
        return refused.body();
    }

    @Test
    void onlyAnAdministratorManagesSources() throws Exception {
        TestServer.Session ada = server.login("ada", "correct horse");

        assertThat(server.get("/api/v1/admin/sources", ada).statusCode()).isEqualTo(403);
        assertThat(server.change("POST", "/api/v1/admin/sources", "{\"name\":\"mine\",\"types\":[{\"type\":\"x\","
                + "\"category\":\"civic\"}]}", ada).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/admin/sources", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> open(String username, String role, String password, String reason)
            throws Exception {
        return server.change("POST", "/api/v1/admin/accounts", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\",\"role\":\"" + role + "\",\"reason\":\"" + reason + "\"}", admin);
    }

    private HttpResponse<String> disable(String username, String reason) throws Exception {
        return server.change("POST", "/api/v1/admin/accounts/" + username + "/disable",
                "{\"reason\":\"" + reason + "\"}", admin);
    }

    @Test
    void anOpenedAccountSignsInAndTheRecordSaysWhoOpenedItAndWhy() throws Exception {
        String name = uniqueName("rev");

        HttpResponse<String> opened = open(name, "reviewer", PASSWORD, "a second reviewer for the harbour");

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode account = TestServer.JSON.readTree(opened.body());
        assertThat(account.get("role").asText()).isEqualTo("reviewer");
        assertThat(account.get("badge").asText()).startsWith("R-");
        assertThat(opened.body()).doesNotContain("argon2").doesNotContain(PASSWORD);
        TestServer.Session reviewer = server.login(name, PASSWORD);
        assertThat(server.get("/api/v1/disputes", reviewer).statusCode()).isEqualTo(200);
        assertThat(server.getJson("/api/v1/admin/accounts", admin).toString()).contains(name)
                .as("no list of citizens").doesNotContain("\"ada\"");
        String record = server.getJson("/api/v1/officials/record", null).toString();
        assertThat(record).contains("account-opened").contains("opened an account for a reviewer ("
                + account.get("badge").asText() + "): a second reviewer for the harbour");
        assertThat(open(name, "auditor", PASSWORD, "again").statusCode()).as("a username once").isEqualTo(409);
    }

    @Test
    void aDisabledAccountSignsInNoMoreAndItsSessionEnds() throws Exception {
        String name = uniqueName("rev");
        assertThat(open(name, "caseworker", PASSWORD, "joined the debt advice team").statusCode()).isEqualTo(201);
        TestServer.Session caseWorker = server.login(name, PASSWORD);
        assertThat(server.get("/api/v1/support/cases", caseWorker).statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = disable(name, "left the service");

        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(TestServer.JSON.readTree(disabled.body()).get("disabledAt").asText()).isNotEmpty();
        server.clock().advance(Duration.ofSeconds(6));
        assertThat(server.get("/api/v1/support/cases", caseWorker).statusCode()).isEqualTo(401);
        assertThat(server.signIn(name, PASSWORD).statusCode()).isEqualTo(401);
        assertThat(disable(name, "again").statusCode()).as("disabled once").isEqualTo(409);
        assertThat(server.getJson("/api/v1/officials/record", null).toString()).contains("account-disabled")
                .contains(": left the service");
    }

    @Test
    void aCitizensDisabledAccountIsAnActConcerningThemAndNoAdministratorDisablesTheirOwn() throws Exception {
        server.citizen("ben-" + names, "p-ben-" + names, "ben's password");
        String ben = "ben-" + names++;

        assertThat(disable(ben, "asked to close it after a break-in").statusCode()).isEqualTo(200);

        JsonNode acts = server.getJson("/api/v1/officials/record", null).get("acts");
        JsonNode act = acts.get(0);
        assertThat(act.get("act").asText()).isEqualTo("account-disabled");
        assertThat(act.get("reason").asText()).isEqualTo("disabled a citizen's account: asked to close it after a"
                + " break-in");
        assertThat(act.get("concerning").asText()).as("a pseudonym, never the person").isNotEmpty()
                .doesNotContain("p-ben");
        assertThat(disable("root", "testing").statusCode()).isEqualTo(409);
        assertThat(disable("nobody-here", "testing").statusCode()).isEqualTo(404);
    }

    @Test
    void malformedAccountsAreRefusedNamingTheFieldAndNothingIsOpened() throws Exception {
        String name = uniqueName("rev");
        assertThat(open("Bad Name", "reviewer", PASSWORD, "why").body()).contains("username: 2 to 64 lower-case");
        assertThat(open(name, "citizen", PASSWORD, "why").body()).contains("role: a citizen's account comes with"
                + " their registration");
        assertThat(open(name, "mayor", PASSWORD, "why").body()).contains("role: one of caseworker, reviewer");
        assertThat(open(name, "reviewer", "short", "why").body()).contains("password: 12 to 256 characters, not 5");
        assertThat(open(name, "reviewer", PASSWORD, " ").body()).contains("reason: required");
        assertThat(server.getJson("/api/v1/admin/accounts", admin).toString()).doesNotContain(name);
    }

    @Test
    void onlyAnAdministratorManagesAccounts() throws Exception {
        TestServer.Session ada = server.login("ada", "correct horse");

        assertThat(server.get("/api/v1/admin/accounts", ada).statusCode()).isEqualTo(403);
        assertThat(server.change("POST", "/api/v1/admin/accounts/root/disable", "{\"reason\":\"mine now\"}", ada)
                .statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/admin/accounts", null).statusCode()).isEqualTo(401);
    }
}
