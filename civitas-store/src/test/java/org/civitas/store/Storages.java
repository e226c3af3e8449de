package org.civitas.store;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.civitas.testkit.TestPostgres;
import org.junit.jupiter.api.Named;

/**
 * The stores every storage test runs against: embedded H2 and a real PostgreSQL. The server's tests run on them too,
 * from this module's test jar: the test kit cannot hold this class, since it would then need this module, which needs
 * the test kit for its own tests.
 */
public final class Storages {

    private Storages() {
    }

    /** For each kind of store, a way to get a fresh, empty database of that kind. */
    public static Stream<Named<Supplier<StorageSettings>>> fresh() {
        return Stream.of(
                Named.of("H2", () -> new StorageSettings.InMemory("test-" + UUID.randomUUID())),
                Named.of("PostgreSQL", Storages::postgres));
    }

    private static StorageSettings postgres() {
        TestPostgres.Database database = TestPostgres.freshDatabase();
        return new StorageSettings.Postgres(database.url(), database.user(), database.password());
    }
}
