package org.civitas.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.civitas.constitution.Constitution;
import org.civitas.demo.DemoCity;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.ledger.FileLedger;
import org.civitas.projection.ProjectionListener;
import org.civitas.projection.Projector;
import org.civitas.projection.ProjectorHealth;
import org.civitas.rules.RuleBookLoader;
import org.civitas.scoring.ScoreBoard;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.SetAside;
import org.civitas.source.SourceRegistry;
import org.civitas.source.SourceType;
import org.civitas.store.Database;
import org.civitas.store.StorageSettings;
import org.civitas.store.residence.ResidenceStore;
import org.civitas.store.sources.SourceStore;
import org.civitas.store.vault.SetAsideEntries;
import org.civitas.store.vault.VaultStore;
import org.civitas.testkit.ManualClock;
import org.civitas.vault.SetAsideEntry;
import org.civitas.vault.VaultEvent;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The projector on a real ledger and a real database, H2 and PostgreSQL: an entry it cannot read or keep is set
 * aside and everything after it is projected; a database that is down, or refuses every write, sets nothing aside and
 * is retried until it can be written again.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProjectorIT {

    /** {"kmhOver":35,"site":"…"} holding ED A0 80, the UTF-8 form of a lone surrogate: not well-formed UTF-8. */
    private static final byte[] ILL_FORMED = {'{', '"', 'k', 'm', 'h', 'O', 'v', 'e', 'r', '"', ':', '3', '5', ',',
        '"', 's', 'i', 't', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
    private static final Instant AT = Instant.parse("2026-10-01T10:00:00Z");
    private static final String TOO_LONG_A_NAME = "p-" + "x".repeat(300);

    private static final ProjectionListener NOBODY_LISTENS = new ProjectionListener() {
        @Override
        public void kept(VaultEvent event) {
        }

        @Override
        public void scored(String person) {
        }
    };

    @Parameter
    Supplier<StorageSettings> storage;

    @TempDir
    Path data;

    private final ManualClock clock = new ManualClock(AT.plus(Duration.ofDays(1)));
    private Database database;
    private SwitchableDataSource connections;
    private FileLedger ledger;
    private ScoreBoard scores;
    private Projector projector;
    private SetAsideEntries setAside;
    private VaultStore vault;

    @BeforeEach
    void open() {
        StorageSettings settings = storage.get();
        database = Database.open(settings);
        connections = new SwitchableDataSource(settings);
        Jdbi projecting = Jdbi.create(connections);
        SourceRegistry sources = new SourceRegistry(new SourceStore(database.jdbi()), data, clock);
        sources.register("city-traffic", List.of(new SourceType("speeding", "traffic")));
        ledger = FileLedger.open(data);
        scores = new ScoreBoard(new Scorer(DemoCity.ruleBooks(new RuleBookLoader(Constitution.standard()))));
        projector = new Projector(ledger, new VaultStore(projecting), new ResidenceStore(projecting), scores, sources,
                NOBODY_LISTENS, clock, 0, () -> answers(projecting));
        setAside = new SetAsideEntries(database.jdbi());
        vault = new VaultStore(database.jdbi());
    }

    @AfterEach
    void close() {
        projector.close();
        ledger.close();
        database.close();
    }

    private static boolean answers(Jdbi jdbi) {
        try {
            return jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Event speeding(int n, String person, Attributes attributes) {
        return new Event("s-" + n, "city-traffic", person, "speeding", AT.plusSeconds(n), "lakeside", attributes);
    }

    private static List<Event> speeding(int from, int to) {
        List<Event> events = new ArrayList<>();
        for (int n = from; n < to; n++) {
            events.add(speeding(n, "p-" + (n % 7), Attributes.of(Map.of("kmhOver", 35))));
        }
        return events;
    }

    /** Waits until the projector has failed so many times, so that it has also started again after failing. */
    private void waitUntilItHasFailed(long times) throws InterruptedException {
        while (projector.health().failures() < times) {
            Thread.sleep(20);
        }
    }

    @Test
    void setsAsideWhatItCannotReadOrKeepAndProjectsAndScoresEverythingAround() {
        List<Event> events = new ArrayList<>(speeding(0, 40));
        events.add(speeding(40, "p-bob", Attributes.ofValidatedJson(ILL_FORMED.clone())));
        events.addAll(speeding(41, 70));
        events.add(speeding(70, TOO_LONG_A_NAME, Attributes.of(Map.of("kmhOver", 35))));
        events.addAll(speeding(71, 100));
        ledger.append(events);

        projector.catchUp(done -> { });

        assertThat(projector.projectedUpTo()).isEqualTo(100);
        assertThat(vault.projectedUpTo()).isEqualTo(100);
        assertThat(vault.count()).isEqualTo(98);
        List<SetAsideEntry> waiting = setAside.waiting(10);
        assertThat(waiting).extracting(SetAsideEntry::sequence).containsExactly(40L, 70L);
        assertThat(waiting.get(0).person()).contains("p-bob");
        assertThat(waiting.get(0).reason())
                .isEqualTo("attributes: not well-formed UTF-8 (byte 22 of 27 is 0xED, which cannot stand there)");
        assertThat(waiting.get(1).person()).as("longer than the vault holds").isEmpty();
        assertThat(waiting.get(1).reason()).startsWith("the vault cannot hold it: ");
        assertThat(scores.setAside()).extracting(SetAside::sequence).containsExactly(40L);
        assertThat(scores.score("p-1", clock.instant()).score()).isLessThan(1000);
        assertThat(scores.score("p-bob", clock.instant()).score()).isEqualTo(1000);
        assertThat(projector.health().state()).isEqualTo(ProjectorHealth.State.FOLLOWING);
    }

    @Test
    void retriesWhileTheDatabaseIsDownAndSetsNothingAside() throws Exception {
        ledger.append(speeding(0, 5));
        connections.goDown();
        projector.start();

        waitUntilItHasFailed(3);

        ProjectorHealth failing = projector.health();
        assertThat(failing.state()).isEqualTo(ProjectorHealth.State.FAILING);
        assertThat(failing.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("cannot be reached"));
        assertThat(failing.since()).isPresent();
        assertThat(setAside.counts()).isEqualTo(new SetAsideEntries.Counts(0, 0));
        assertThat(vault.projectedUpTo()).isZero();

        connections.comeBack();

        assertThat(projector.awaitProjected(5, Duration.ofSeconds(60))).isTrue();
        assertThat(vault.count()).isEqualTo(5);
        assertThat(setAside.counts()).isEqualTo(new SetAsideEntries.Counts(0, 0));
        assertThat(projector.health().state()).isEqualTo(ProjectorHealth.State.FOLLOWING);
        assertThat(projector.health().failures()).isZero();
    }

    @Test
    void retriesWhileTheDatabaseAnswersButRefusesEveryWriteAndSetsNothingAside() throws Exception {
        ledger.append(speeding(0, 50));
        database.jdbi().useHandle(handle -> handle.execute("ALTER TABLE vault_batches RENAME TO vault_elsewhere"));
        projector.start();

        waitUntilItHasFailed(2);

        assertThat(projector.health().problem()).hasValueSatisfying(problem -> assertThat(problem)
                .containsIgnoringCase("vault_batches"));
        assertThat(setAside.counts()).isEqualTo(new SetAsideEntries.Counts(0, 0));

        database.jdbi().useHandle(handle -> handle.execute("ALTER TABLE vault_elsewhere RENAME TO vault_batches"));

        assertThat(projector.awaitProjected(50, Duration.ofSeconds(60))).isTrue();
        assertThat(vault.count()).isEqualTo(50);
        assertThat(setAside.counts()).isEqualTo(new SetAsideEntries.Counts(0, 0));
    }

    @Test
    void saysSinceWhenTheVaultHasBeenBehindTheLedger() {
        assertThat(projector.health().behindSince()).isEmpty();

        ledger.append(speeding(0, 3));
        Instant committedAt = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        ledger.append(speeding(3, 6));

        assertThat(projector.health().behindSince()).contains(committedAt);
        projector.catchUp(done -> { });
        assertThat(projector.health().behindSince()).isEmpty();
        assertThat(projector.health().projectedUpTo()).isEqualTo(6);
    }
}
