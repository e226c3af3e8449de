package org.civitas.server;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.civitas.store.StorageSettings;
import org.civitas.testkit.TestPostgres;
import org.junit.jupiter.api.Named;

/** Embedded H2 and a real PostgreSQL: the server is tested on both. */
public final class Storages {

    private Storages() {
    }

    public static Stream<Named<Supplier<StorageSettings>>> fresh() {
        return Stream.of(
                Named.of("H2", () -> new StorageSettings.InMemory("server-" + UUID.randomUUID())),
                Named.of("PostgreSQL", () -> {
                    TestPostgres.Database database = TestPostgres.freshDatabase();
                    return new StorageSettings.Postgres(database.url(), database.user(), database.password());
                }));
    }
}
