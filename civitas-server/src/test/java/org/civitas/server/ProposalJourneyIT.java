package org.civitas.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ViewportSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.civitas.demo.DemoAccounts;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.civitas.testkit.ManualClock;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole journey of a change to the rule book, in a real browser, on the demo city: a resident proposes a harsher
 * penalty on the form (which checks it as they write), sees its impact, others support it and vote, the result is
 * published with its arithmetic, and after the notice period a late bill costs the new points, naming the version
 * the vote made.
 */
class ProposalJourneyIT {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private final ManualClock clock = new ManualClock(TestServer.START);
    private final Map<String, RegisteredSource> sources = new HashMap<>();
    private CivitasServer server;
    private List<DemoAccounts.Citizen> citizens;

    /** The demo city of forty residents on {@code storage}, with its sources registered and five accounts. */
    private void startCity(StorageSettings storage, Path data) {
        DemoCityServer city = DemoCityServer.start(data, storage, clock, 40, 60, 7);
        server = city.server();
        sources.putAll(city.sources());
        citizens = city.citizens();
    }

    private Page signIn(BrowserContext context, DemoAccounts.Citizen citizen, String path, List<String> problems) {
        return Chromium.signIn(Chromium.page(context, problems), server.url(), path, citizen.username(),
                citizen.password());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.civitas.store.Storages#fresh")
    void aResidentProposesOthersSupportAndVoteAndTheAdoptedVersionScoresAfterItsNotice(
            Supplier<StorageSettings> storage) throws Exception {
        Path data = Files.createTempDirectory("civitas-journey");
        startCity(storage.get(), data);
        try {
            journey();
        } finally {
            server.close();
        }
    }

    private void journey() throws Exception {
        List<String> problems = new ArrayList<>();
        DemoAccounts.Citizen author = citizens.get(0);
        String proposalUrl;
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page page = signIn(context, author, "/proposals/new", problems);
            page.getByLabel("Jurisdiction").selectOption("lakeside");
            page.getByLabel("Title").fill("Late bills cost more");
            page.getByLabel("Why").fill("Paying late hurts the small businesses of Lakeside.");
            page.getByLabel("Change", new Page.GetByLabelOptions().setExact(true)).selectOption("change");
            page.getByLabel("Rule id").fill("obligations.bill-paid-late");
            page.locator("#rule").fill("title: A bill paid more than 30 days late\ncategory: obligations\n"
                    + "on: bill-payment\nwhen: 'event.attributes.daysLate > 30 &&'\npoints: -12\nhalfLife: P90D\n");
            assertThat(page.locator("#problems")).containsText("change.rule.when");
            page.locator("#rule").fill("title: A bill paid more than 30 days late\ncategory: obligations\n"
                    + "on: bill-payment\nwhen: 'event.attributes.daysLate > 30'\npoints: -12\nhalfLife: P90D\n");
            page.locator("#scenarios").fill("[{\"event\": " + bill("s-1", author.person(), 45,
                    Instant.parse("2026-09-01T10:00:00Z")) + ", \"points\": -12}]");
            page.waitForFunction("() => document.getElementById('propose').dataset.checked === '0'");
            assertThat(page.locator("#problems li")).hasCount(0);
            Chromium.shot(page, "propose-checked");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose")).click();

            assertThat(page).hasURL(Pattern.compile(".*/proposals/[0-9a-f-]{36}$"));
            proposalUrl = page.url();
            assertThat(page.locator("#proposal-state")).hasText("open");
            assertThat(page.locator("#impact")).containsText("people scored");
            assertThat(page.locator("#my-impact")).containsText("Only you see this");
            page.waitForFunction("() => document.getElementById('chart-impact').dataset.rendered === 'true'");
            Chromium.shot(page, "proposal-open");
        }
        assertThat(citizens).as("a tenth of the city's forty residents, the quorum").hasSizeGreaterThanOrEqualTo(4);
        for (int i = 1; i < citizens.size(); i++) {
            try (BrowserContext context = CHROMIUM.browser().newContext()) {
                Page page = signIn(context, citizens.get(i), path(proposalUrl), problems);
                if (i == 1) {
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Support it")).click();
                    assertThat(page.locator("#proposal-state")).hasText("voting");
                }
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vote yes")).click();
                assertThat(page.locator("#my-ballot")).containsText("yes");
                assertThat(page.locator("#my-ballot code")).hasText(Pattern.compile("[0-9a-f]{32}"));
                Chromium.shot(page, "proposal-voted-" + i);
            }
        }

        clock.advance(Duration.ofDays(7));
        try (BrowserContext phone = CHROMIUM.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(new ViewportSize(390, 844)).setIsMobile(true))) {
            Page page = phone.newPage();
            page.navigate(proposalUrl);
            assertThat(page.locator("#result")).hasText("adopted");
            assertThat(page.evaluate("document.documentElement.scrollWidth > window.innerWidth"))
                    .as("no sideways scrolling on a phone").isEqualTo(false);
            assertThat(page.locator("#vote")).containsText((citizens.size() - 1) + " yes against 0 no");
            Chromium.shot(page, "proposal-adopted");
            page.navigate(server.url() + "/rules");
            Locator rule = page.locator("#lakeside-obligations\\.bill-paid-late");
            rule.locator("summary").click();
            assertThat(rule).containsText("History: 2 versions");
            assertThat(rule).containsText("points: -10 → -12");
            assertThat(rule.locator("a").first()).hasAttribute("href", path(proposalUrl));
            Chromium.shot(page, "rule-history");
            page.navigate(server.url() + "/compare");
            assertThat(page.locator("#compare-vale-obligations\\.bill-paid-late")).isVisible();
            assertThat(page.locator("main")).containsText("40 residents");
            Chromium.shot(page, "compare");
        }

        TestServer.around(server, clock).postEvents(sources.get("lakeside-utilities"),
                bill("within-notice", author.person(), 60, clock.instant()));
        clock.advance(Duration.ofDays(30));
        TestServer.around(server, clock).postEvents(sources.get("lakeside-utilities"),
                bill("after-notice", author.person(), 60, clock.instant()));
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page page = signIn(context, author, "/me", problems);
            assertThat(page.locator("li[data-event='after-notice']")).containsText("v2");
            assertThat(page.locator("li[data-event='after-notice']")).containsText("adopted by a vote");
            assertThat(page.locator("li[data-event='after-notice']")).containsText("granted −12");
            assertThat(page.locator("li[data-event='within-notice']")).containsText("v1");
            Chromium.shot(page, "score-after-notice");
        }
        assertThat(problems).as("console errors, CSP violations among them").isEmpty();
    }

    private static String bill(String id, String person, int daysLate, Instant at) {
        return "{\"id\":\"" + id + "\",\"source\":\"lakeside-utilities\",\"person\":\"" + person + "\",\"type\":"
                + "\"bill-payment\",\"occurredAt\":\"" + at + "\",\"jurisdiction\":\"lakeside\",\"attributes\":"
                + "{\"daysLate\":" + daysLate + ",\"biller\":\"lakeside-water\"}}";
    }

    private String path(String url) {
        return url.substring(server.url().length());
    }
}
