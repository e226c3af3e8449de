package org.civitas.server.ingest;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civitas.server.auth.Tokens;
import org.civitas.store.sources.RegisteredSource;
import org.civitas.store.sources.SourceStore;
import org.civitas.store.sources.SourceType;

/**
 * The sources allowed to send events, read once from the store and kept in memory: every request is checked against
 * them, and every event projected looks up the category of its type.
 */
public final class SourceRegistry {

    /** The category of events whose source or type was never registered (loaded by other means). */
    public static final String UNCATEGORISED = "uncategorised";

    private final SourceStore store;
    private final Clock clock;
    private final Map<String, RegisteredSource> byKey = new ConcurrentHashMap<>();
    private final Map<String, RegisteredSource> byName = new ConcurrentHashMap<>();

    public SourceRegistry(SourceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        store.all().forEach(this::remember);
    }

    /** Registers a new source with a fresh key and secret, and returns it (with the secret, shown once). */
    public RegisteredSource register(String name, List<SourceType> types) {
        RegisteredSource source = new RegisteredSource(name, "ck_" + Tokens.randomHex(12), Tokens.randomHex(32),
                clock.instant(), Optional.empty(), types);
        store.register(source);
        remember(source);
        return source;
    }

    public Optional<RegisteredSource> byKey(String keyId) {
        return Optional.ofNullable(byKey.get(keyId));
    }

    public Optional<RegisteredSource> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The category a source registered a type under. */
    public String categoryOf(String source, String type) {
        RegisteredSource registered = byName.get(source);
        return registered == null ? UNCATEGORISED
                : registered.type(type).map(SourceType::category).orElse(UNCATEGORISED);
    }

    private void remember(RegisteredSource source) {
        byKey.put(source.keyId(), source);
        byName.put(source.name(), source);
    }
}
