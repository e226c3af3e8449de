package org.civitas.store.sources;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civitas.source.RegisteredSource;
import org.civitas.source.SourceType;
import org.civitas.source.Sources;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The registered sources, their keys and the event types each may send. */
public final class SourceStore implements Sources {

    private final Jdbi jdbi;

    public SourceStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void register(RegisteredSource source) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("INSERT INTO sources (name, key_id, secret, created_at, revoked_at)"
                            + " VALUES (:name, :keyId, :secret, :createdAt, :revokedAt)")
                    .bind("name", source.name())
                    .bind("keyId", source.keyId())
                    .bind("secret", source.secret())
                    .bind("createdAt", source.createdAt())
                    .bind("revokedAt", source.revokedAt().orElse(null))
                    .execute();
            var batch = handle.prepareBatch(
                    "INSERT INTO source_types (source, type, category) VALUES (:source, :type, :category)");
            for (SourceType type : source.types()) {
                batch.bind("source", source.name()).bind("type", type.type()).bind("category", type.category()).add();
            }
            if (!source.types().isEmpty()) {
                batch.execute();
            }
        });
    }

    @Override
    public boolean rotate(String name, String keyId, String secret) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE sources SET key_id = :keyId, secret = :secret"
                        + " WHERE name = :name AND revoked_at IS NULL")
                .bind("keyId", keyId)
                .bind("secret", secret)
                .bind("name", name)
                .execute()) == 1;
    }

    @Override
    public boolean revoke(String name, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE sources SET revoked_at = :at"
                        + " WHERE name = :name AND revoked_at IS NULL")
                .bind("at", at)
                .bind("name", name)
                .execute()) == 1;
    }

    @Override
    public Optional<RegisteredSource> findByKey(String keyId) {
        return jdbi.withHandle(handle -> find(handle, "key_id", keyId));
    }

    @Override
    public Optional<RegisteredSource> find(String name) {
        return jdbi.withHandle(handle -> find(handle, "name", name));
    }

    @Override
    public List<RegisteredSource> all() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT name FROM sources ORDER BY name")
                .mapTo(String.class)
                .list()
                .stream()
                .map(name -> find(handle, "name", name).orElseThrow())
                .toList());
    }

    private static Optional<RegisteredSource> find(Handle handle, String column, String value) {
        return handle.createQuery("SELECT * FROM sources WHERE " + column + " = :value")
                .bind("value", value)
                .map((rows, context) -> {
                    String name = rows.getString("name");
                    Timestamp revoked = rows.getTimestamp("revoked_at");
                    return new RegisteredSource(name, rows.getString("key_id"), rows.getString("secret"),
                            rows.getTimestamp("created_at").toInstant(),
                            Optional.ofNullable(revoked).map(Timestamp::toInstant), types(handle, name));
                })
                .findOne();
    }

    private static List<SourceType> types(Handle handle, String source) {
        return handle.createQuery("SELECT type, category FROM source_types WHERE source = :source ORDER BY type")
                .bind("source", source)
                .map((rows, context) -> new SourceType(rows.getString("type"), rows.getString("category")))
                .list();
    }
}
