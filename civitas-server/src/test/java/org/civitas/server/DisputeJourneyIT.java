package org.civitas.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.civitas.account.Role;
import org.civitas.demo.DemoAccounts;
import org.civitas.store.StorageSettings;
import org.civitas.testkit.ManualClock;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A dispute in a real browser, on the demo city: a resident disputes a late bill from their score page and it counts
 * nothing at once; two reviewers look at it and decide on their page, and they disagree; the resident sees the bill
 * removed, with each decision by badge number.
 */
class DisputeJourneyIT {

    private static final List<String> REVIEWERS = List.of("rita", "rolf");

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private final ManualClock clock = new ManualClock(TestServer.START);

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.civitas.store.Storages#fresh")
    void aResidentDisputesALateBillAndTwoReviewersWhoDisagreeRemoveIt(Supplier<StorageSettings> storage)
            throws Exception {
        DemoCityServer city = DemoCityServer.start(Files.createTempDirectory("civitas-dispute-journey"),
                storage.get(), clock, 20, 30, 11);
        try {
            journey(city);
        } finally {
            city.server().close();
        }
    }

    private void journey(DemoCityServer city) throws Exception {
        CivitasServer server = city.server();
        TestServer admin = TestServer.around(server, clock);
        REVIEWERS.forEach(name -> admin.account(name, Role.REVIEWER, Optional.empty(), name + "'s password"));
        DemoAccounts.Citizen resident = city.citizens().get(0);
        assertThat(admin.postEvents(city.sources().get("lakeside-utilities"), "{\"id\":\"disputed-bill\",\"source\":"
                + "\"lakeside-utilities\",\"person\":\"" + resident.person() + "\",\"type\":\"bill-payment\","
                + "\"occurredAt\":\"" + Instant.parse("2026-09-20T10:00:00Z") + "\",\"jurisdiction\":\"lakeside\","
                + "\"attributes\":{\"daysLate\":50,\"biller\":\"lakeside-water\"}}").statusCode()).isEqualTo(200);
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page page = Chromium.signIn(Chromium.page(context, problems), server.url(), "/me", resident.username(),
                    resident.password());
            Locator bill = page.locator("li[data-event='disputed-bill']");
            assertThat(bill).containsText("granted −");
            bill.locator("summary").click();
            bill.getByLabel("Why is it wrong?").fill("I paid on the day; <b>the bank</b> was late.");
            bill.getByRole(AriaRole.BUTTON).click();

            assertThat(page).hasURL(Pattern.compile(".*/me/disputes$"));
            assertThat(page.locator("li[data-event='disputed-bill'] .state")).hasText("open");
            assertThat(page.locator("#disputes")).containsText("<b>the bank</b>");
            page.locator("li[data-event='disputed-bill'] input[type=file]").setInputFiles(new FilePayload(
                    "bank statement.txt", "text/plain", "Paid 2026-09-20, reference 4711".getBytes(UTF_8)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach")).click();
            assertThat(page.locator("li[data-event='disputed-bill'] .files")).containsText("bank statement.txt");
            page.navigate(server.url() + "/me");
            assertThat(page.locator("li[data-event='disputed-bill']")).containsText("You dispute this");
            assertThat(page.locator("li[data-event='disputed-bill'] .worth")).hasText("0");
            Chromium.shot(page, "dispute-frozen");
        }
        String[] outcomes = {"Upheld", "Removed"};
        for (int i = 0; i < REVIEWERS.size(); i++) {
            try (BrowserContext context = CHROMIUM.browser().newContext()) {
                Page page = Chromium.signIn(Chromium.page(context, problems), server.url(), "/disputes",
                        REVIEWERS.get(i), REVIEWERS.get(i) + "'s password");
                page.locator("#open-disputes a").first().click();
                assertThat(page.locator("#attributes")).containsText("\"daysLate\":50");
                Download statement = page.waitForDownload(() -> page.getByText("bank statement.txt").click());
                assertThat(Files.readString(statement.path())).isEqualTo("Paid 2026-09-20, reference 4711");
                page.getByLabel(outcomes[i]).check();
                page.getByLabel("Your reason").fill(i == 0 ? "the utility's records" : "the bank's statement");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decide")).click();
                assertThat(page).hasURL(Pattern.compile(".*/disputes$"));
                Chromium.shot(page, "dispute-decided-" + i);
            }
        }
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page page = Chromium.signIn(Chromium.page(context, problems), server.url(), "/me/disputes",
                    resident.username(), resident.password());
            assertThat(page.locator("li[data-event='disputed-bill'] .state")).hasText("removed");
            assertThat(page.locator("li[data-event='disputed-bill'] .decisions li")).hasCount(2);
            assertThat(page.locator("li[data-event='disputed-bill'] .decisions")).containsText("R-");
            Chromium.shot(page, "dispute-removed");
            page.navigate(server.url() + "/me");
            assertThat(page.locator("li[data-event='disputed-bill']")).hasCount(0);
        }
        assertThat(problems).as("console errors, CSP violations among them").isEmpty();
    }
}
