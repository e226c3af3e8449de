package org.civitas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.civitas.access.AccessLog;
import org.civitas.access.AccessRecord;
import org.civitas.account.Account;
import org.civitas.account.Role;
import org.civitas.account.Session;
import org.civitas.residence.Residence;
import org.civitas.sharing.Grant;
import org.civitas.sharing.Grants;
import org.civitas.source.RegisteredSource;
import org.civitas.source.SourceType;
import org.civitas.store.access.AccessLogStore;
import org.civitas.store.accounts.AccountStore;
import org.civitas.store.grants.GrantStore;
import org.civitas.store.residence.ResidenceStore;
import org.civitas.store.sessions.SessionStore;
import org.civitas.store.sources.ReplayGuard;
import org.civitas.store.sources.SourceStore;
import org.civitas.store.support.SupportStore;
import org.civitas.store.vault.SetAsideEntries;
import org.civitas.store.vault.VaultCursor;
import org.civitas.store.vault.VaultPage;
import org.civitas.store.vault.VaultQuery;
import org.civitas.store.vault.VaultStore;
import org.civitas.support.DistrictDemand;
import org.civitas.support.SupportOffer;
import org.civitas.vault.SetAsideEntry;
import org.civitas.vault.VaultEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** One contract for the relational store, run against H2 and PostgreSQL alike. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class StoreContractTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @Parameter
    Supplier<StorageSettings> freshStore;

    private StorageSettings settings;
    private Database database;

    @BeforeEach
    void open() {
        settings = freshStore.get();
        database = Database.open(settings);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Account citizen(String username, String person) {
        return new Account(username, "$argon2id$hash", Role.CITIZEN, Optional.of(person), T0);
    }

    @Test
    void opensAnAlreadyMigratedDatabaseAgain() {
        new AccountStore(database.jdbi()).create(List.of(citizen("ada", "p-1")));
        try (Database again = Database.open(settings)) {
            assertThat(new AccountStore(again.jdbi()).find("ada")).isPresent();
            assertThat(again.healthy()).isTrue();
        }
    }

    @Test
    void keepsAccountsAndRefusesABatchWithARepeatedName() {
        AccountStore accounts = new AccountStore(database.jdbi());
        accounts.create(List.of(citizen("ada", "p-1"),
                new Account("olga", "$argon2id$x", Role.CASEWORKER, Optional.empty(), T0)));

        assertThat(accounts.find("ada")).contains(citizen("ada", "p-1"));
        assertThat(accounts.find("olga").orElseThrow().role()).isEqualTo(Role.CASEWORKER);
        assertThat(accounts.find("nobody")).isEmpty();
        assertThatThrownBy(() -> accounts.create(List.of(citizen("bob", "p-2"), citizen("ada", "p-3"))))
                .isInstanceOf(RuntimeException.class);
        assertThat(accounts.find("bob")).as("all or none").isEmpty();
        assertThat(accounts.count()).isEqualTo(2);
    }

    @Test
    void listsOnlyOfficialsAndDisablesAnAccountOnce() {
        AccountStore accounts = new AccountStore(database.jdbi());
        accounts.create(List.of(citizen("ada", "p-1"),
                new Account("rita", "$argon2id$x", Role.REVIEWER, Optional.empty(), T0),
                new Account("olga", "$argon2id$x", Role.CASEWORKER, Optional.empty(), T0)));

        assertThat(accounts.officials()).extracting(Account::username).containsExactly("olga", "rita");
        assertThat(accounts.disable("olga", T0.plusSeconds(9))).isTrue();
        assertThat(accounts.disable("olga", T0.plusSeconds(10))).as("disabled once").isFalse();
        assertThat(accounts.disable("nobody", T0)).isFalse();
        assertThat(accounts.find("olga").orElseThrow().disabledAt()).contains(T0.plusSeconds(9));
        assertThat(accounts.find("rita").orElseThrow().enabled()).isTrue();
    }

    @Test
    void keepsSessionsUntilTheyAreEndedOrGoIdle() {
        new AccountStore(database.jdbi()).create(List.of(citizen("ada", "p-1")));
        SessionStore sessions = new SessionStore(database.jdbi());
        sessions.create(new Session("h1", "ada", "csrf1", T0, T0));
        sessions.create(new Session("h2", "ada", "csrf2", T0, T0));

        sessions.touch("h1", T0.plusSeconds(600));
        assertThat(sessions.find("h1").orElseThrow().lastSeenAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(sessions.deleteIdleSince(T0.plusSeconds(300))).isEqualTo(1);
        assertThat(sessions.find("h2")).isEmpty();
        sessions.delete("h1");
        assertThat(sessions.find("h1")).isEmpty();
    }

    @Test
    void findsSourcesByKeyWithTheirTypes() {
        SourceStore sources = new SourceStore(database.jdbi());
        sources.register(new RegisteredSource("city-traffic", "key-1", "secret-1", T0, Optional.empty(),
                List.of(new SourceType("speeding", "traffic"), new SourceType("red-light-crossing", "traffic"))));
        sources.register(new RegisteredSource("old-app", "key-2", "secret-2", T0, Optional.of(T0), List.of()));

        RegisteredSource traffic = sources.findByKey("key-1").orElseThrow();
        assertThat(traffic.name()).isEqualTo("city-traffic");
        assertThat(traffic.type("speeding")).contains(new SourceType("speeding", "traffic"));
        assertThat(traffic.type("web-visit")).isEmpty();
        assertThat(sources.find("old-app").orElseThrow().revoked()).isTrue();
        assertThat(sources.all()).extracting(RegisteredSource::name).containsExactly("city-traffic", "old-app");
    }

    @Test
    void refusesASignatureSeenBefore() {
        ReplayGuard replays = new ReplayGuard(database.jdbi());

        assertThat(replays.firstSighting("sig-1", T0)).isTrue();
        assertThat(replays.firstSighting("sig-1", T0.plusSeconds(1))).isFalse();
        assertThat(replays.forgetBefore(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(replays.firstSighting("sig-1", T0.plusSeconds(2))).isTrue();
    }

    private static VaultEvent event(long sequence, String person, String category, Instant at) {
        return new VaultEvent(sequence, person, "src", "ev-" + sequence, category.equals("browsing") ? "web-visit"
                : "speeding", category, at, "lakeside", "{\"n\":" + sequence + "}", false);
    }

    @Test
    void projectingTheSameEntriesTwiceChangesNothing() {
        VaultStore vault = new VaultStore(database.jdbi());
        List<VaultEvent> events = List.of(event(0, "p-1", "browsing", T0), event(1, "p-1", "traffic", T0));

        vault.project(events, 2);
        vault.project(events, 2);

        assertThat(vault.count()).isEqualTo(2);
        assertThat(vault.projectedUpTo()).isEqualTo(2);
        assertThat(vault.page("p-1", VaultQuery.all(10)).events()).containsExactly(events.get(1), events.get(0));
    }

    @Test
    void pagesNewestFirstWithoutLosingOrRepeatingEventsAtTheSameInstant() {
        VaultStore vault = new VaultStore(database.jdbi());
        List<VaultEvent> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            events.add(event(i, i % 5 == 0 ? "p-2" : "p-1", i % 2 == 0 ? "browsing" : "traffic",
                    T0.plus(Duration.ofMinutes(i / 3))));
        }
        vault.project(events, 25);

        List<Long> seen = new ArrayList<>();
        Optional<VaultCursor> cursor = Optional.empty();
        do {
            VaultPage page = vault.page("p-1", new VaultQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), cursor, 4));
            page.events().forEach(event -> seen.add(event.sequence()));
            cursor = page.next().flatMap(next -> VaultCursor.parse(next.token()));
        } while (cursor.isPresent());

        assertThat(seen).containsExactly(24L, 23L, 22L, 21L, 19L, 18L, 17L, 16L, 14L, 13L, 12L, 11L, 9L, 8L, 7L, 6L, 4L,
                3L, 2L, 1L);
    }

    @Test
    void filtersByCategoryTypeAndTime() {
        VaultStore vault = new VaultStore(database.jdbi());
        vault.project(List.of(event(0, "p-1", "browsing", T0), event(1, "p-1", "traffic", T0.plusSeconds(60)),
                event(2, "p-1", "browsing", T0.plusSeconds(120)), event(3, "p-1", "browsing", T0.plusSeconds(180))),
                4);

        VaultPage browsing = vault.page("p-1", new VaultQuery(Optional.of("browsing"), Optional.empty(),
                Optional.of(T0.plusSeconds(60)), Optional.of(T0.plusSeconds(180)), Optional.empty(), 10));
        VaultPage speeding = vault.page("p-1", new VaultQuery(Optional.empty(), Optional.of("speeding"),
                Optional.empty(), Optional.empty(), Optional.empty(), 10));
        List<Long> streamed = new ArrayList<>();
        vault.forEach("p-1", List.of("browsing"), T0, T0.plusSeconds(181), event -> streamed.add(event.sequence()));

        assertThat(browsing.events()).extracting(VaultEvent::sequence).containsExactly(2L);
        assertThat(speeding.events()).extracting(VaultEvent::sequence).containsExactly(1L);
        assertThat(streamed).containsExactly(0L, 2L, 3L);
    }

    private static List<Long> allPages(VaultStore vault, String person, int limit) {
        List<Long> seen = new ArrayList<>();
        Optional<VaultCursor> cursor = Optional.empty();
        do {
            VaultPage page = vault.page(person, new VaultQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), cursor, limit));
            page.events().forEach(event -> seen.add(event.sequence()));
            cursor = page.next().flatMap(next -> VaultCursor.parse(next.token()));
        } while (cursor.isPresent());
        return seen;
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void pagesAndStreamsByTheDaysThatHoldEventsHoweverFarApart() {
        VaultStore vault = new VaultStore(database.jdbi());
        vault.project(List.of(event(0, "p-1", "traffic", Instant.parse("1900-01-01T00:00:00Z")),
                event(1, "p-1", "traffic", T0), event(2, "p-1", "browsing", T0.plusSeconds(60)),
                event(3, "p-1", "traffic", Instant.parse("9999-12-31T23:59:59Z")),
                event(4, "p-1", "traffic", Instant.parse("+5000000-06-01T00:00:00Z")),
                event(5, "p-2", "traffic", T0)), 6);
        List<Long> streamed = new ArrayList<>();
        List<Long> streamedTraffic = new ArrayList<>();

        vault.forEach("p-1", event -> streamed.add(event.sequence()));
        vault.forEach("p-1", List.of("traffic"), Instant.parse("1900-01-01T00:00:01Z"), Instant.MAX,
                event -> streamedTraffic.add(event.sequence()));

        assertThat(allPages(vault, "p-1", 2)).containsExactly(4L, 3L, 2L, 1L, 0L);
        assertThat(allPages(vault, "p-1", 1)).containsExactly(4L, 3L, 2L, 1L, 0L);
        assertThat(allPages(vault, "p-1", 10)).containsExactly(4L, 3L, 2L, 1L, 0L);
        assertThat(streamed).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(streamedTraffic).containsExactly(1L, 3L, 4L);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aQueryBoundedByInstantsBeyondEveryCalendarStillAnswers() {
        VaultStore vault = new VaultStore(database.jdbi());
        vault.project(List.of(event(0, "p-1", "traffic", Instant.parse("1900-01-01T00:00:00Z")),
                event(1, "p-1", "traffic", T0)), 2);
        List<Long> streamed = new ArrayList<>();

        VaultPage everything = vault.page("p-1", new VaultQuery(Optional.empty(), Optional.empty(),
                Optional.of(Instant.MIN), Optional.of(Instant.MAX), Optional.empty(), 10));
        VaultPage nothing = vault.page("p-1", new VaultQuery(Optional.empty(), Optional.empty(),
                Optional.of(Instant.MAX.minusSeconds(1)), Optional.of(Instant.MAX), Optional.empty(), 10));
        vault.forEach("p-1", List.of("traffic"), Instant.MIN, Instant.MIN.plusSeconds(1), event -> streamed.add(0L));

        assertThat(everything.events()).extracting(VaultEvent::sequence).containsExactly(1L, 0L);
        assertThat(nothing.events()).isEmpty();
        assertThat(streamed).isEmpty();
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anEventOnTheLastDayAnInstantHoldsIsStoredAndPagedOrRefusedWithNothingChanged() {
        VaultStore vault = new VaultStore(database.jdbi());
        vault.project(List.of(event(0, "p-1", "traffic", T0)), 1);
        VaultEvent farOut = event(1, "p-1", "traffic", Instant.parse("+999999999-12-31T23:59:59Z"));

        boolean stored;
        try {
            vault.project(List.of(farOut), 2);
            stored = true;
        } catch (RuntimeException beyondTheDatabasesDates) {
            stored = false;
        }

        assertThat(allPages(vault, "p-1", 1)).containsExactlyElementsOf(stored ? List.of(1L, 0L) : List.of(0L));
        assertThat(vault.projectedUpTo()).isEqualTo(stored ? 2 : 1);
    }

    @Test
    void recordsEntriesSetAsideWithThePositionOnceAndTakesThemInOnRepair() {
        VaultStore vault = new VaultStore(database.jdbi());
        SetAsideEntries setAside = new SetAsideEntries(database.jdbi());
        List<VaultEvent> events = List.of(event(0, "p-1", "traffic", T0), event(3, "p-2", "traffic", T0));
        List<SetAsideEntry> entries = List.of(SetAsideEntry.setAside(1, Optional.of("p-1"), "cannot be read", T0),
                SetAsideEntry.setAside(2, Optional.empty(), "x".repeat(5_000), T0));

        vault.project(events, entries, 4);
        vault.project(events, entries, 4);

        assertThat(vault.projectedUpTo()).isEqualTo(4);
        assertThat(setAside.counts()).isEqualTo(new SetAsideEntries.Counts(2, 0));
        assertThat(setAside.waiting(10)).extracting(SetAsideEntry::sequence).containsExactly(1L, 2L);
        assertThat(setAside.waiting(10).get(0)).isEqualTo(entries.get(0));
        assertThat(setAside.waiting(10).get(1).reason()).hasSize(SetAsideEntry.MAX_REASON_CHARS).endsWith("...");

        VaultEvent repaired = event(1, "p-1", "browsing", T0.plusSeconds(1));
        assertThat(vault.takeIn(1, repaired)).isTrue();
        assertThat(vault.takeIn(1, repaired)).as("only once").isFalse();
        assertThat(vault.recordUnreadable(2, "still cannot be read", Optional.empty(), T0.plusSeconds(9))).isTrue();
        assertThat(vault.recordUnreadable(2, "again", Optional.empty(), T0.plusSeconds(9))).isFalse();

        assertThat(vault.page("p-1", VaultQuery.all(10)).events()).extracting(VaultEvent::sequence)
                .containsExactly(1L, 0L);
        assertThat(setAside.counts()).isEqualTo(new SetAsideEntries.Counts(0, 1));
        assertThat(setAside.find(1)).isEmpty();
        assertThat(setAside.find(2).orElseThrow().state()).isEqualTo(SetAsideEntry.State.UNREADABLE);
        assertThat(setAside.find(2).orElseThrow().reason()).isEqualTo("still cannot be read");
        assertThat(setAside.unreadableAmong(List.of(1L, 2L, 3L))).containsExactly(2L);
    }

    @Test
    void keepsEveryLookAtAPersonsDataNewestFirst() {
        AccessLog log = new AccessLogStore(database.jdbi());
        log.record(new AccessRecord("p-1", "olga", "caseworker", "score", "support", Optional.of("g-1"), T0));
        log.record(new AccessRecord("p-1", "root", "admin", "events", "audit", Optional.empty(),
                T0.plusSeconds(5)));
        log.record(new AccessRecord("p-2", "olga", "caseworker", "score", "support", Optional.empty(), T0));

        assertThat(log.of("p-1", 10)).extracting(AccessRecord::actor).containsExactly("root", "olga");
        assertThat(log.of("p-1", 10).get(1).grantId()).contains("g-1");
    }

    private static SupportOffer offer(String id, String person, Instant openedAt) {
        return new SupportOffer(id, person, "debt-advice", "a late bill", openedAt, SupportOffer.Status.OPEN,
                Optional.empty());
    }

    @Test
    void countsResidentsAndThoseSeekingHelpPerDistrictAndKeepsTheLatestResidence() {
        SupportStore support = new SupportStore(database.jdbi());
        ResidenceStore residences = new ResidenceStore(database.jdbi());
        residences.record(Map.of("p-1", new Residence("lakeside", "harbour"), "p-2",
                new Residence("lakeside", "harbour"), "p-3", new Residence("lakeside", "old-town"),
                "p-4", new Residence("riverton", "")));
        residences.record(Map.of("p-2", new Residence("riverton", "old-town")));
        support.open(List.of(offer("o-1", "p-1", T0), offer("o-2", "p-2", T0), offer("o-3", "p-2", T0)));
        support.answer("o-2", "p-2", SupportOffer.Status.DECLINED, T0);

        assertThat(support.demandByDistrict()).containsExactly(new DistrictDemand("harbour", 1, 1),
                new DistrictDemand("old-town", 2, 1));
        assertThat(residences.livingIn(List.of("riverton"))).containsExactly("p-2", "p-4");
        assertThat(residences.livingIn(List.of("lakeside", "riverton"))).containsExactly("p-1", "p-2", "p-3", "p-4");
        assertThat(residences.residenceOf("p-2")).contains(new Residence("riverton", "old-town"));
        assertThat(residences.residenceOf("p-9")).isEmpty();
    }

    @Test
    void anOfferIsAnsweredOnceAndOnlyByItsPerson() {
        SupportStore support = new SupportStore(database.jdbi());
        support.open(List.of(offer("o-1", "p-1", T0), offer("o-2", "p-2", T0.minus(Duration.ofDays(200)))));

        assertThat(support.answer("o-1", "p-2", SupportOffer.Status.ACCEPTED, T0)).isFalse();
        assertThat(support.answer("o-1", "p-1", SupportOffer.Status.ACCEPTED, T0.plusSeconds(1))).isTrue();
        assertThat(support.answer("o-1", "p-1", SupportOffer.Status.DECLINED, T0.plusSeconds(2))).isFalse();
        assertThat(support.accepted()).extracting(SupportOffer::id).containsExactly("o-1");
        assertThat(support.offersTo("p-1").get(0).answeredAt()).contains(T0.plusSeconds(1));
        assertThat(support.peopleWithOffersSince(T0.minusSeconds(60))).containsExactlyInAnyOrder("p-1", "p-2");
        support.answer("o-2", "p-2", SupportOffer.Status.DECLINED, T0);
        assertThat(support.peopleWithOffersSince(T0.minusSeconds(60))).as("declined long ago").containsExactly("p-1");
    }

    @Test
    void keepsGrantsToAccountsAndToSupportCasesAndRevokesEachOnce() {
        Grants grants = new GrantStore(database.jdbi());
        new AccountStore(database.jdbi()).create(List.of(new Account("olga", "hash", Role.CASEWORKER,
                Optional.empty(), T0)));
        String toCase = Grant.caseParty("o-1");
        grants.create(new Grant("g-1", "p-1", "olga", List.of("traffic", "obligations"), true, "support", T0,
                T0.plus(Duration.ofDays(30)), Optional.empty()));
        grants.create(new Grant("g-2", "p-1", toCase, List.of("obligations"), false, "support", T0.plusSeconds(1),
                T0.plus(Duration.ofDays(1)), Optional.empty()));

        assertThat(grants.givenBy("p-1")).extracting(Grant::id).containsExactly("g-2", "g-1");
        assertThat(grants.active("p-1", "olga", T0).get(0).categories()).containsExactly("obligations", "traffic");
        assertThat(grants.active("p-1", toCase, T0.plusSeconds(2))).extracting(Grant::id).containsExactly("g-2");
        assertThat(grants.active("p-1", toCase, T0.plus(Duration.ofDays(2)))).as("expired").isEmpty();
        assertThat(grants.activeFor("olga", T0)).extracting(Grant::id).containsExactly("g-1");
        assertThat(grants.revoke("g-2", "p-2", T0)).as("not theirs").isFalse();
        assertThat(grants.revoke("g-2", "p-1", T0.plusSeconds(3))).isTrue();
        assertThat(grants.revoke("g-2", "p-1", T0.plusSeconds(4))).as("revoked once").isFalse();
        assertThat(grants.active("p-1", toCase, T0.plusSeconds(5))).isEmpty();
    }
}
