package org.civitas.server.ops;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.civitas.ledger.FileLedger;
import org.civitas.projection.ProjectionRepair;
import org.civitas.source.SourceRegistry;
import org.civitas.store.Database;
import org.civitas.store.StorageSettings;
import org.civitas.store.sources.SourceStore;
import org.civitas.store.vault.VaultStore;

/** {@code civitas repair}: the projection's set-aside entries projected again, with the server stopped. */
public final class Repair {

    private Repair() {
    }

    /** Repairs the projection of every set-aside entry of the ledger in {@code dataDirectory}, in ledger order. */
    public static List<ProjectionRepair.Outcome> run(Path dataDirectory, StorageSettings storage, Clock clock) {
        try (FileLedger ledger = FileLedger.open(dataDirectory); Database database = Database.open(storage)) {
            SourceRegistry sources = new SourceRegistry(new SourceStore(database.jdbi()), dataDirectory, clock);
            return new ProjectionRepair(ledger, sources, new VaultStore(database.jdbi()), clock).repairAll();
        }
    }
}
