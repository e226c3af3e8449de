package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.server.TestServer.event;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civitas.server.http.JsonBodies;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Details of the pages, through real HTTP: where signing in leads, and how a part of a page opens alone. */
class PagesIT {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(new StorageSettings.InMemory("pages-" + UUID.randomUUID()));
        server.citizen("ada", "p-ada", "correct horse");
        RegisteredSource utility = server.source("lakeside-utilities", "bill-payment", "obligations");
        StringBuilder bills = new StringBuilder();
        Instant first = server.now().minus(Duration.ofDays(70));
        for (int month = 0; month < 60; month++) {
            bills.append(event("lakeside-utilities", "bill-" + month, "p-ada", "bill-payment",
                    first.plus(Duration.ofDays(month)), "{\"daysLate\":0}")).append('\n');
        }
        assertThat(server.postEvents(utility, bills.toString()).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void everyEventOpenedDirectlyComesInThePageFrameAndToHtmxAsAFragment() throws Exception {
        TestServer.Session ada = server.login("ada", "correct horse");

        HttpResponse<String> page = server.get("/me/data/events", ada);
        HttpResponse<String> fragment = server.send(HttpRequest.newBuilder(server.uri("/me/data/events"))
                .header("Cookie", ada.cookie()).header("HX-Request", "true"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).startsWith("<!DOCTYPE html>")
                .contains("<link rel=\"stylesheet\" href=\"/static/civitas.css\">")
                .contains("<table class=\"events\">").contains("bill-payment").contains("Show more");
        assertThat(page.headers().allValues("Vary")).contains("HX-Request");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<!DOCTYPE html>").contains("<table class=\"events\">")
                .contains("bill-payment");
    }

    @Test
    void aLaterPageOfEventsOpenedDirectlyIsATableInThePageFrame() throws Exception {
        TestServer.Session ada = server.login("ada", "correct horse");
        Matcher more = Pattern.compile("hx-get=\"(/me/data/events\\?cursor=[^\"]+)\"")
                .matcher(server.get("/me/data/events", ada).body());
        assertThat(more.find()).isTrue();

        HttpResponse<String> later = server.get(more.group(1).replace("&amp;", "&"), ada);

        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.body()).startsWith("<!DOCTYPE html>").contains("<table class=\"events\">")
                .contains("bill-payment");
    }

    private static HttpResponse<String> signInThrough(String next) throws Exception {
        return postForm("/login", signInForm(next));
    }

    private static HttpResponse<String> postForm(String path, String form) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String signInForm(String next) {
        return "username=ada&password=" + URLEncoder.encode("correct horse", StandardCharsets.UTF_8)
                + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    @Test
    void aFormIsReadUpTo64KiBAndALargerOneIsRefusedWith413() throws Exception {
        String form = signInForm("/me") + "&pad=";
        String atLimit = form + "x".repeat(JsonBodies.MAX_BYTES - form.length());
        HttpResponse<String> fits = postForm("/login", atLimit);
        HttpResponse<String> tooLarge = postForm("/login", atLimit + "x");

        assertThat(fits.statusCode()).isEqualTo(302);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
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
