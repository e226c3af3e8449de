package org.civitas.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.civitas.demo.DemoAccounts;
import org.civitas.store.StorageSettings;
import org.civitas.testkit.ManualClock;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Praise in a real browser, on the demo city: a resident attests a neighbour's good deed on the Praise page; the
 * neighbour sees it waiting, confirms it, and their score shows the point the demo's book gives for it. The neighbour's
 * praise in return counts nothing (a pair counts once), a fourth attestation in a week is refused, and a declined one
 * is gone for both.
 */
class AttestationJourneyIT {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private final ManualClock clock = new ManualClock(TestServer.START);

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.civitas.store.Storages#fresh")
    void aResidentAttestsANeighboursGoodDeedTheNeighbourConfirmsItAndTheLimitsHold(Supplier<StorageSettings> storage)
            throws Exception {
        DemoCityServer city = DemoCityServer.start(Files.createTempDirectory("civitas-praise-journey"),
                storage.get(), clock, 20, 30, 13);
        try {
            journey(city);
        } finally {
            city.server().close();
        }
    }

    private void journey(DemoCityServer city) {
        String url = city.server().url();
        DemoAccounts.Citizen giver = city.citizens().get(0);
        DemoAccounts.Citizen neighbour = city.citizens().get(1);
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page page = Chromium.signIn(Chromium.page(context, problems), url, "/me/attestations", giver.username(),
                    giver.password());
            page.getByLabel("Whose good deed").fill(neighbour.person());
            page.getByLabel("What they did").selectOption("returned-lost-property");
            page.getByLabel("A note for them").fill("Thank you for bringing back my wallet!");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attest it")).click();
            assertThat(page.locator("#attestations li")).containsText("You attested returned-lost-property");
            assertThat(page.locator("#attestations .state")).hasText("waiting");
            Chromium.shot(page, "praise-given");
        }
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page page = Chromium.signIn(Chromium.page(context, problems), url, "/me/attestations",
                    neighbour.username(), neighbour.password());
            assertThat(page.locator("#attestations li")).containsText("Thank you for bringing back my wallet!");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
            assertThat(page.locator("#attestations .state")).hasText("confirmed");
            Chromium.shot(page, "praise-confirmed");
            page.navigate(url + "/me");
            assertThat(page.locator("#contributions")).containsText(
                    "A good deed another resident attested and you confirmed");
            Chromium.shot(page, "praise-scored");
            attest(page, url, giver.person(), "helped-a-neighbour", "For the help with the move.");
        }
        DemoAccounts.Citizen third = city.citizens().get(2);
        DemoAccounts.Citizen fourth = city.citizens().get(3);
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page page = Chromium.signIn(Chromium.page(context, problems), url, "/me/attestations", giver.username(),
                    giver.password());
            attest(page, url, third.person(), "helped-a-neighbour", "");
            attest(page, url, fourth.person(), "cared-for-a-shared-space", "");
            attest(page, url, city.citizens().get(4).person(), "helped-a-neighbour", "");
            assertThat(page.locator("main")).containsText("you have given 3 attestations in the past 7 days");
            assertThat(problems).containsExactly("Failed to load resource: the server responded with a status of 409"
                    + " (Conflict)");
            problems.clear();
            Chromium.shot(page, "praise-rate-limited");
            page.navigate(url + "/me/attestations");
            Locator fromTheNeighbour = page.locator("#attestations li", new Page.LocatorOptions()
                    .setHasText("For the help with the move."));
            fromTheNeighbour.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm")).click();
            page.navigate(url + "/me"); // two who praise each other count once: the neighbour's confirmation did
            assertThat(page.locator("#contributions")).not().containsText(
                    "A good deed another resident attested and you confirmed");
        }
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page page = Chromium.signIn(Chromium.page(context, problems), url, "/me/attestations", third.username(),
                    third.password());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decline")).click();
            assertThat(page.locator("main")).containsText("Nothing yet.");
        }
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page page = Chromium.signIn(Chromium.page(context, problems), url, "/me/attestations", giver.username(),
                    giver.password());
            assertThat(page.locator("#attestations")).not().containsText(third.person()); // declined, it is gone
            assertThat(page.locator("#attestations")).containsText(fourth.person());
        }
        assertThat(problems).as("console errors, CSP violations among them").isEmpty();
    }

    /** Attests, through the form on the page, that {@code person} did a good deed of {@code kind}. */
    private static void attest(Page page, String url, String person, String kind, String note) {
        page.navigate(url + "/me/attestations");
        page.getByLabel("Whose good deed").fill(person);
        page.getByLabel("What they did").selectOption(kind);
        page.getByLabel("A note for them").fill(note);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attest it")).click();
    }
}
