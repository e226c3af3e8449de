package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.civitas.store.StorageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Details of the pages, through real HTTP: where signing in leads. */
class PagesIT {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(new StorageSettings.InMemory("pages-" + UUID.randomUUID()));
        server.citizen("ada", "p-ada", "correct horse");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> signInThrough(String next) throws Exception {
        String form = "username=ada&password=" + URLEncoder.encode("correct horse", StandardCharsets.UTF_8)
                + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return server.send(HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/ /evil.example",
            "//evil.example", "/\\evil.example", "\\/evil.example", "https://evil.example/", "javascript:alert(1)",
            "/me/\u3000/evil.example", "evil.example", ""})
    void aNextThatIsNotAPlainPathOfThisSiteLeadsToMyScore(String next) throws Exception {
        HttpResponse<String> signedIn = signInThrough(next);
        HttpResponse<String> form = server.get("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                null);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).contains("/me");
        assertThat(form.body()).contains("<input type=\"hidden\" name=\"next\" value=\"/me\">");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/me/data", "/me/data?from=2026-01-01&to=2026-02-01", "/shared/p-bob"})
    void aPlainPathOfThisSiteIsWhereSigningInLeads(String next) throws Exception {
        HttpResponse<String> signedIn = signInThrough(next);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).contains(next);
    }
}
