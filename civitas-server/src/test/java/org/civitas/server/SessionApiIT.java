package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.civitas.account.Role;
import org.civitas.server.auth.LoginThrottle;
import org.civitas.store.StorageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Signing in and out, sessions and CSRF, through real HTTP, on H2 and on PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class SessionApiIT {

    private static final ServersPerStorage SERVERS = new ServersPerStorage();

    @Parameter
    Supplier<StorageSettings> storage;

    private TestServer server;

    @BeforeEach
    void connect() throws Exception {
        server = SERVERS.serverFor(storage, started -> {
            started.citizen("ada", "p-ada", "correct horse");
            started.account("olga", Role.CASEWORKER, Optional.empty(), "battery staple");
            started.citizen("carl", "p-carl", "guessed at last");
            started.account("root", Role.ADMIN, Optional.empty(), "the admin's own");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        SERVERS.close();
    }

    private HttpResponse<String> login(String body) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void signsInWithAStrictHttpOnlyCookieAndTellsWhoAndTheCsrfToken() throws Exception {
        HttpResponse<String> response = login("{\"username\":\"ada\",\"password\":\"correct horse\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("civitas_session=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/");
        assertThat(response.body()).contains("\"username\":\"ada\"").contains("\"role\":\"citizen\"")
                .contains("\"person\":\"p-ada\"").contains("\"csrfToken\":\"");
    }

    @Test
    void refusesAWrongPasswordAnUnknownNameAndAMalformedBodyAlike() throws Exception {
        assertThat(login("{\"username\":\"ada\",\"password\":\"wrong\"}").statusCode()).isEqualTo(401);
        assertThat(login("{\"username\":\"nobody\",\"password\":\"wrong\"}").body())
                .isEqualTo("{\"error\":\"wrong username or password\",\"status\":401}");
        assertThat(login("{\"username\":\"ada\"}").statusCode()).isEqualTo(400);
        assertThat(login("not json").statusCode()).isEqualTo(400);
    }

    @Test
    void signingOutNeedsTheCsrfTokenAndEndsTheSession() throws Exception {
        TestServer.Session session = server.login("ada", "correct horse");
        HttpRequest.Builder withoutToken = HttpRequest.newBuilder(server.uri("/api/v1/session"))
                .header("Cookie", session.cookie()).DELETE();
        HttpRequest.Builder withToken = HttpRequest.newBuilder(server.uri("/api/v1/session"))
                .header("Cookie", session.cookie()).header("X-CSRF-Token", session.csrf()).DELETE();

        assertThat(server.send(withoutToken).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/me/score", session).statusCode()).isEqualTo(200);
        assertThat(server.send(withToken).statusCode()).isEqualTo(204);
        assertThat(server.get("/api/v1/me/score", session).statusCode()).isEqualTo(401);
    }

    @Test
    void everySignInStartsANewSessionAndTheOldTokenNoLongerWorks() throws Exception {
        TestServer.Session first = server.login("ada", "correct horse");
        HttpResponse<String> again = server.send(HttpRequest.newBuilder(server.uri("/api/v1/session"))
                .header("Content-Type", "application/json").header("Cookie", first.cookie())
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"ada\",\"password\":\"correct horse\"}")));

        String second = again.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        assertThat(second).isNotEqualTo(first.cookie());
        assertThat(server.get("/api/v1/me/score", first).statusCode()).isEqualTo(401);
        assertThat(server.get("/api/v1/me/score", new TestServer.Session(second, "")).statusCode()).isEqualTo(200);
    }

    @Test
    void anAccountThatIsNotACitizensHasNoMeToSee() throws Exception {
        TestServer.Session olga = server.login("olga", "battery staple");

        assertThat(server.get("/api/v1/me/score", olga).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/session", olga).body()).contains("\"role\":\"caseworker\"");
    }

    @Test
    void withoutASessionTheApiSays401AndThePagesSendYouToSignIn() throws Exception {
        assertThat(server.get("/api/v1/me/events", null).statusCode()).isEqualTo(401);
        HttpResponse<String> page = server.get("/me/data", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).contains("/login?next=%2Fme%2Fdata");
    }

    @Test
    void afterFiveWrongPasswordsTheRightOneWaitsAFewSecondsAndOtherAccountsDoNot() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(login("{\"username\":\"carl\",\"password\":\"guess " + i + "\"}").statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> held = login("{\"username\":\"carl\",\"password\":\"guessed at last\"}");

        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.body()).contains("too many failed sign-ins; try again in");
        long seconds = held.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow();
        assertThat(Duration.ofSeconds(seconds)).as("no time passed since the fifth failure")
                .isEqualTo(LoginThrottle.FIRST_DELAY);
        assertThat(server.login("ada", "correct horse").csrf()).isNotEmpty();
        server.clock().advance(LoginThrottle.FIRST_DELAY.minusMillis(1));
        assertThat(login("{\"username\":\"carl\",\"password\":\"guessed at last\"}").statusCode())
                .as("a moment before the wait is over").isEqualTo(429);
        server.clock().advance(Duration.ofMillis(1));
        assertThat(server.login("carl", "guessed at last").csrf()).as("held back, never locked out").isNotEmpty();
    }

    @Test
    void guessingAtTheAdministratorFromOneAddressNeverKeepsThemOutFromAnother() throws Exception {
        String attempt = "{\"username\":\"root\",\"password\":\"%s\"}";
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(server.postJsonFrom("127.0.0.2", "/api/v1/session", attempt.formatted("guess " + i)).status());
        }
        TestServer.RawResponse held = server.postJsonFrom("127.0.0.2", "/api/v1/session",
                attempt.formatted("the admin's own"));

        TestServer.RawResponse owner = server.postJsonFrom("127.0.0.3", "/api/v1/session",
                attempt.formatted("the admin's own"));

        assertThat(answers).startsWith(401, 401, 401, 401, 401).contains(429);
        assertThat(held.status()).isEqualTo(429);
        assertThat(held.headers()).containsKey("retry-after");
        assertThat(owner.status()).as(owner.body()).isEqualTo(200);
        assertThat(owner.body()).contains("\"role\":\"admin\"");
    }
}
