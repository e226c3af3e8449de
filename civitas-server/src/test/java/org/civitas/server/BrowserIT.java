package org.civitas.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.server.TestServer.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ViewportSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.civitas.account.Role;
import org.civitas.demo.DemoAccounts;
import org.civitas.demo.DemoSetup;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.civitas.testkit.ManualClock;
import org.civitas.transparency.Checkpoint;
import org.civitas.transparency.Proofs;
import org.civitas.transparency.SignedNote;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pages in a real browser: Debian's Chromium, headless, driven by Playwright, against a small demo city. Every
 * step leaves a screenshot in {@code target/screenshots}.
 */
class BrowserIT {

    private static final ManualClock CLOCK = new ManualClock(TestServer.START);

    private static Path data;
    private static CivitasServer server;
    private static List<DemoAccounts.Citizen> citizens;
    private static DemoAccounts.Login caseworker;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("civitas-browser");
        DemoCityServer city = DemoCityServer.start(data, new StorageSettings.Embedded(data), CLOCK, 40, 75, 4);
        server = city.server();
        citizens = city.citizens();
        TestServer admin = TestServer.around(server, CLOCK);
        caseworker = DemoSetup.login("caseworker");
        admin.account(caseworker.username(), Role.CASEWORKER, Optional.empty(), caseworker.password());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A fresh browser context signed in as {@code citizen}, collecting console errors. */
    private static Page signIn(BrowserContext context, DemoAccounts.Citizen citizen, List<String> problems) {
        Page page = Chromium.page(context, problems);
        page.navigate(server.url() + "/me");
        assertThat(page).hasURL(server.url() + "/login?next=%2Fme");
        page.getByLabel("Username").fill(citizen.username());
        page.getByLabel("Password").fill(citizen.password());
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(server.url() + "/me");
        return page;
    }

    /**
     * Shows a chart's tooltip for its first point, as a pointer resting there would, and waits until it holds text.
     * ECharts builds its own tooltips from HTML with style attributes, which the Content Security Policy refuses.
     */
    private static void showTooltip(Page page, String chart) {
        page.evaluate("id => echarts.getInstanceByDom(document.getElementById(id))"
                + ".dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0})", chart);
        page.waitForFunction("id => document.getElementById(id).innerText.trim().length > 0", chart);
    }

    private static boolean aboutTheSecurityPolicy(String consoleMessage) {
        return consoleMessage.contains("Content Security Policy");
    }

    @Test
    void aCitizenSeesTheirScoreWithReasonsAndANewPointArrivesLive() {
        List<String> problems = new ArrayList<>();
        DemoAccounts.Citizen citizen = citizens.get(citizens.size() - 1);
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page page = signIn(context, citizen, problems);

            assertThat(page.locator("#score-number")).hasText(Pattern.compile("\\d{3,4}\\.\\d{2}"));
            Locator first = page.locator("#contributions li").first();
            assertThat(first.locator("strong")).not().isEmpty();
            assertThat(first).containsText("rule");
            assertThat(page.locator("#trend canvas")).isVisible();
            assertThat(page.locator("#trend")).hasAttribute("data-rendered", "true");
            assertThat(page.locator("#live-status")).containsText("Live");
            showTooltip(page, "trend");
            assertThat(problems).noneMatch(BrowserIT::aboutTheSecurityPolicy);
            assertThat(page.locator("#trend .chart-tip-title")).hasText(Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));
            Chromium.shot(page, "1-my-score");

            String before = page.locator("#score-number").textContent();
            RegisteredSource hub = server.sources().byName("volunteer-hub").orElseThrow();
            postAs(hub, event("volunteer-hub", "live-" + UUID.randomUUID(), citizen.person(), "volunteering",
                    CLOCK.instant(), "{\"hours\":4,\"organisation\":\"Lakeside Food Bank\"}"));

            Locator arrived = page.locator("#contributions li.new");
            assertThat(arrived.first()).containsText("Two or more hours of volunteering");
            assertThat(page.locator("#score-number")).not().hasText(before);
            Chromium.shot(page, "2-live-update");
        }
        assertThat(problems).as("console errors, CSP violations among them").isEmpty();
    }

    @Test
    void myDataShowsScreenTimePlacesInterestsAndEveryEventAndDownloadsEverything() throws Exception {
        List<String> problems = new ArrayList<>();
        DemoAccounts.Citizen citizen = citizens.get(0);
        RegisteredSource transit = server.sources().byName("transit-app").orElseThrow();
        Instant morning = CLOCK.instant().truncatedTo(ChronoUnit.HOURS).minusSeconds(3 * 3600);
        postAs(transit, event("transit-app", "walk-1", citizen.person(), "gps-point", morning,
                "{\"lat\":52.0201,\"lon\":8.5301}") + "\n" + event("transit-app", "walk-2", citizen.person(),
                "gps-point", morning.plusSeconds(600), "{\"lat\":52.0302,\"lon\":8.5455}"));
        try (BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions()
                .setAcceptDownloads(true))) {
            Page page = signIn(context, citizen, problems);
            page.navigate(server.url() + "/me/data");

            assertThat(page.locator("#chart-day canvas")).isVisible();
            assertThat(page.locator("#chart-day")).hasAttribute("data-rendered", "true");
            assertThat(page.locator("#chart-week")).hasAttribute("data-rendered", "true");
            assertThat(page.locator("table.month").first().locator("tbody tr").first()).isVisible();
            assertThat(page.locator("#chart-trail")).hasAttribute("data-rendered",
                    Pattern.compile("[1-9]\\d*"));
            assertThat(page.locator("table.events tbody tr").first()).isVisible();
            for (String chart : List.of("chart-day", "chart-week", "chart-trail")) {
                showTooltip(page, chart);
            }
            assertThat(problems).noneMatch(BrowserIT::aboutTheSecurityPolicy);
            assertThat(page.locator("#chart-day .chart-tip-row").first()).containsText("min");
            assertThat(page.locator("#chart-trail .chart-tip-title")).containsText("UTC");
            Chromium.shot(page, "3-my-data");

            page.locator("#category").selectOption("location");
            assertThat(page.locator("table.events tbody tr").first()).containsText("gps-point");

            Download download = page.waitForDownload(() -> page.getByText("Download everything").click());
            Path zip = Chromium.SHOTS.resolve("export.zip");
            download.saveAs(zip);
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                assertThat(archive.getEntry("events.ndjson")).isNotNull();
                assertThat(archive.getEntry("score.json")).isNotNull();
                assertThat(archive.getInputStream(archive.getEntry("events.ndjson")).readAllBytes().length)
                        .isGreaterThan(1_000);
            }
        }
        assertThat(problems).as("console errors, CSP violations among them").isEmpty();
    }

    @Test
    void thePagesFitAPhoneAndTheRuleBookIsPublic() {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(new ViewportSize(390, 844)).setIsMobile(true))) {
            Page page = signIn(context, citizens.get(1), problems);
            assertThat(page.locator("#score-number")).isVisible();
            Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).as("no sideways scrolling on a phone").isEqualTo(false);
            Chromium.shot(page, "4-phone");

            page.navigate(server.url() + "/rules");
            assertThat(page.getByRole(AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName("The rule book"))).isVisible();
            assertThat(page.locator(".rules li").first()).containsText("Crossing against the light");
            assertThat(page.locator("#lakeside-traffic\\.speeding"))
                    .containsText(Pattern.compile("Warns first\\s*an offence with none in the P365D before it is only"
                            + " a warning"));
            Chromium.shot(page, "5-rules-phone");

            page.locator("form.signout button").click();
            assertThat(page).hasURL(server.url() + "/login");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aCitizenSharesOneCategoryWithACaseWorkerSeesEachLookAndStopsSharing() {
        List<String> problems = new ArrayList<>();
        DemoAccounts.Citizen citizen = citizens.get(2);
                try (BrowserContext citizenContext = CHROMIUM.browser().newContext();
                BrowserContext caseworkerContext = CHROMIUM.browser().newContext()) {
            Page mine = signIn(citizenContext, citizen, problems);
            mine.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Share").setExact(true)).click();
            mine.getByLabel("Their username").fill(caseworker.username());
            mine.getByLabel("My obligations data").check();
            mine.getByLabel("What for").selectOption("support");
            mine.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share").setExact(true)).click();
            assertThat(mine.locator(".notice")).containsText("You now share with " + caseworker.username());
            assertThat(mine.locator("#grants tbody tr").first()).containsText("obligations");
            Chromium.shot(mine, "6-share-my-data");

            Page theirs = signInAt(caseworkerContext, caseworker, "/shared", problems);
            theirs.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(citizen.person())).click();
            Locator categories = theirs.locator("#shared-events tbody tr td:nth-child(2)");
            assertThat(categories.first()).hasText("obligations");
            assertThat(theirs.locator("#shared-events")).not().containsText("browsing");
            assertThat(theirs.locator("#shared-events")).not().containsText("location");
            assertThat(theirs.locator("#shared-score")).hasCount(0);
            theirs.reload();
            assertThat(categories.first()).hasText("obligations");
            Chromium.shot(theirs, "7-shared-with-me");

            mine.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName("Stop sharing with " + caseworker.username())).click();
            assertThat(mine.locator("#grants tbody tr").first()).containsText("revoked");

            theirs.reload();
            assertThat(theirs.locator("main")).containsText("nothing of '" + citizen.person()
                    + "' is shared with you");
            assertThat(theirs.locator("#shared-events")).hasCount(0);
            assertThat(problems.remove("Failed to load resource: the server responded with a status of 404"
                    + " (Not Found)")).as("the refused look is answered 404").isTrue();
            Chromium.shot(theirs, "8-no-longer-shared");

            mine.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who looked")).click();
            Locator looks = mine.locator("#accesses tbody tr", new Page.LocatorOptions()
                    .setHasText(caseworker.username()));
            assertThat(looks).hasCount(2);
            assertThat(looks.first()).containsText("events in obligations");
            assertThat(looks.first()).containsText("support");
            Chromium.shot(mine, "9-who-looked");
        }
        assertThat(problems).as("console errors, CSP violations among them").isEmpty();
    }

    @Test
    void aCitizenWhoseScoreFellAcceptsHelpAndSeesTheCaseWorkersLook() {
        List<String> problems = new ArrayList<>();
        DemoAccounts.Citizen citizen = citizens.get(3);
        assertThat(server.civitas().scores().score(citizen.person(), CLOCK.instant()).score())
                .as("the fourth demo citizen has the city's lowest score, below the base").isLessThan(1000);
        server.civitas().supportDesk().offerHelp();
        try (BrowserContext citizenContext = CHROMIUM.browser().newContext();
                BrowserContext caseworkerContext = CHROMIUM.browser().newContext()) {
            Page mine = signIn(citizenContext, citizen, problems);
            mine.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Help").setExact(true)).click();
            assertThat(mine.locator(".offer")).hasCount(1);
            assertThat(mine.locator(".offer")).containsText("below the 1000 everyone starts with");
            Chromium.shot(mine, "10-help-on-offer");
            Page theirs = signInAt(caseworkerContext, caseworker, "/cases", problems);
            assertThat(theirs.locator("main")).not().containsText(citizen.person());

            mine.getByLabel("obligations", new Page.GetByLabelOptions().setExact(true)).check();
            mine.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept: let a case worker help"))
                    .click();
            assertThat(mine.locator(".offer")).containsText("You accepted it");
            assertThat(mine.locator(".case-shared")).containsText("You share with this case: obligations");
            assertThat(mine.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("No, thank you")))
                    .hasCount(0);

            theirs.reload();
            assertThat(theirs.locator(".cases tbody tr")).hasCount(1);
            assertThat(theirs.locator(".cases")).containsText(citizen.person());
            Chromium.shot(theirs, "11-support-cases");
            theirs.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("obligations")).click();
            assertThat(theirs.locator("#shared-events tbody tr").first()).containsText("obligations");
            assertThat(theirs.locator("#shared-events")).not().containsText("traffic");
            theirs.goBack(); // the list of cases again: a second look
            mine.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who looked")).click();
            Locator looks = mine.locator("#accesses tbody tr", new Page.LocatorOptions().setHasText("support case ("));
            assertThat(looks).hasCount(2);
            assertThat(looks.first()).containsText(caseworker.username());
            assertThat(mine.locator("#accesses tbody tr", new Page.LocatorOptions()
                    .setHasText("events of their support case in obligations"))).hasCount(1);
            assertThat(mine.locator("#my-official-acts")).containsText("case-looked");
            Chromium.shot(mine, "12-who-looked-at-my-case");

            theirs.getByLabel("What to record").selectOption("outcome");
            theirs.getByLabel("What was done").fill("a budgeting course, all six evenings");
            theirs.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record")).click();
            mine.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Help").setExact(true)).click();
            assertThat(mine.locator(".case-notes")).containsText("a budgeting course, all six evenings");
            mine.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I completed it")).click();
            assertThat(mine.locator(".offer")).containsText("completed the programme");
            Chromium.shot(mine, "13-support-completed");
            mine.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My score")).click();
            assertThat(mine.locator("#contributions")).containsText("A programme of support you completed");
        }
        assertThat(problems).as("console errors, CSP violations among them").isEmpty();
    }

    @Test
    void aVolunteerClaimsTheHallWithATokenItsProviderSpendsOnceAndTheRedemptionIsInThePublicRecord()
            throws Exception {
        List<String> problems = new ArrayList<>();
        DemoAccounts.Citizen volunteer = citizens.get(1);
        TestServer city = TestServer.around(server, CLOCK);
        RegisteredSource hub = server.sources().byName("volunteer-hub").orElseThrow();
        StringBuilder evenings = new StringBuilder();
        for (int day = 1; day <= 2; day++) {
            evenings.append(event("volunteer-hub", "browser-hall-" + day, volunteer.person(), "volunteering",
                    CLOCK.instant().minus(Duration.ofDays(day)), "{\"hours\":3}")).append('\n');
        }
        assertThat(city.postEvents(hub, evenings.toString()).statusCode()).isEqualTo(200);
        city.awaitProjection();
        String token;
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page mine = signIn(context, volunteer, problems);
            mine.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rewards").setExact(true)).click();
            assertThat(mine.locator("#eligible")).containsText("The community hall for an evening");
            mine.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName("Claim The community hall for an evening")).click();
            assertThat(mine.locator("#claimed")).containsText("Show it to the provider");
            token = mine.locator("#token").innerText().strip();
            Chromium.shot(mine, "14-reward-token");
        }
        assertThat(token).doesNotContain(volunteer.person());

        assertThat(city.signed("POST", "/api/v1/rewards/redeem", hub, "{\"token\":\"" + token + "\"}").statusCode())
                .isEqualTo(200);
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(city.signed("POST", "/api/v1/rewards/redeem", hub, "{\"token\":\"" + token + "\"}").statusCode())
                .as("good once").isEqualTo(409);

        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page record = Chromium.page(context, problems);
            record.navigate(server.url() + "/officials");
            Locator redeemed = record.locator("#acts tbody tr",
                    new Page.LocatorOptions().setHasText("reward-redeemed"));
            assertThat(redeemed).hasCount(1);
            assertThat(redeemed).containsText("volunteer-hub");
            assertThat(redeemed).not().containsText(volunteer.person());
            assertThat(record.locator("#per-act")).containsText("reward-redeemed");
            Chromium.shot(record, "15-official-record");
        }
        assertThat(problems).as("console errors, CSP violations among them").isEmpty();
    }

    @Test
    void aFirstSpeedingIsAWarningAndARepeatCostsThePoints() throws Exception {
        List<String> problems = new ArrayList<>();
        TestServer city = TestServer.around(server, CLOCK);
        DemoAccounts.Citizen driver = new DemoAccounts.Citizen("p-wanda", "wanda", "wanda's password",
                "lakeside");
        city.citizen(driver.username(), driver.person(), driver.password());
        RegisteredSource traffic = server.sources().byName("city-traffic").orElseThrow();
        assertThat(city.postEvents(traffic, event("city-traffic", "wanda-speeding-1", driver.person(), "speeding",
                CLOCK.instant().minus(Duration.ofDays(20)), "{\"kmhOver\":15,\"limit\":50}")).statusCode())
                .isEqualTo(200);
        city.awaitProjection();
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page mine = signIn(context, driver, problems);
            Locator first = mine.locator("li[data-event='wanda-speeding-1']");
            assertThat(first).containsText("warning: a repeat would grant −4");
            assertThat(mine.locator("#score-number")).hasText("1000.00");
            Chromium.shot(mine, "16-warning");

            assertThat(city.postEvents(traffic, event("city-traffic", "wanda-speeding-2", driver.person(),
                    "speeding", CLOCK.instant().minus(Duration.ofDays(2)), "{\"kmhOver\":12,\"limit\":50}"))
                    .statusCode()).isEqualTo(200);
            city.awaitProjection();
            mine.reload();
            assertThat(mine.locator("li[data-event='wanda-speeding-2']")).containsText("granted −4");
            assertThat(mine.locator("li[data-event='wanda-speeding-1']")).containsText("warning");

            mine.navigate(server.url() + "/me/data/events");
            Download proof = mine.waitForDownload(() -> mine.locator("#vault-body tr").first()
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("proof")).click());
            JsonNode inclusion = TestServer.JSON.readTree(Files.readString(proof.path()));
            Checkpoint signed = Checkpoint.parse(SignedNote.verify(inclusion.get("checkpoint").asText(),
                    server.civitas().logs().verifierKey()).body()).orElseThrow();
            List<byte[]> path = new ArrayList<>();
            inclusion.get("path").forEach(hash -> path.add(HexFormat.of().parseHex(hash.asText())));
            assertThat(Proofs.checkInclusion(inclusion.get("index").asLong(), signed.size(),
                    HexFormat.of().parseHex(inclusion.get("leafHash").asText()), path, signed.root())).isEmpty();
        }
        assertThat(problems).as("console errors, CSP violations among them").isEmpty();
    }

    @Test
    void aCitizenErasesTheirBrowsingForGoodAndTheStatisticsShowNoOne() {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page page = signIn(context, citizens.get(3), problems);
            String score = page.locator("#score-number").textContent();
            page.navigate(server.url() + "/me/data");
            page.locator("#category").selectOption("browsing");
            Locator rows = page.locator("#vault-rows tbody tr");
            assertThat(rows.first()).containsText("web-visit");
            assertThat(rows.first()).not().containsText("erased at your request");

            page.navigate(server.url() + "/me/erase");
            page.getByLabel("browsing").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase for good")).click();
            assertThat(page.locator("#erase-form")).isVisible();
            assertThat(page.locator(".notice")).hasCount(0);
            page.getByLabel("I understand this cannot be undone").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase for good")).click();
            assertThat(page.locator(".notice")).containsText("Erased for good: your browsing data so far.");
            Chromium.shot(page, "10-erased");

            page.navigate(server.url() + "/me/data");
            page.locator("#category").selectOption("browsing");
            assertThat(rows.first()).containsText("erased at your request");
            page.navigate(server.url() + "/me");
            assertThat(page.locator("#score-number")).hasText(score);

            page.navigate(server.url() + "/stats");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Statistics")))
                    .isVisible();
            assertThat(page.locator("table.bands").first()).isVisible();
            assertThat(page.locator("main")).not().containsText(citizens.get(3).person());
            Chromium.shot(page, "11-statistics");
        }
        assertThat(problems).as("console errors, CSP violations among them").isEmpty();
    }

    /** A fresh browser context signed in as an official, landing on {@code path}. */
    private static Page signInAt(BrowserContext context, DemoAccounts.Login login, String path,
            List<String> problems) {
        return Chromium.signIn(Chromium.page(context, problems), server.url(), path, login.username(),
                login.password());
    }

    private static void postAs(RegisteredSource source, String body) {
        try {
            assertThat(TestServer.around(server, CLOCK).postEvents(source, body).statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
