package org.civitas.source;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civitas.Tokens;
import org.civitas.event.CivitasEntries;
import org.civitas.event.EventCategories;

/**
 * The sources allowed to send events. A key is looked up in the store on every request, so that a rotated or revoked
 * key is refused at once by every server. The projector looks up the category of every event's type: for it, what
 * the store said of a source is remembered, and asked again at most every few seconds when a type is not found.
 *
 * <p>Sources registered in the data directory's sources file by other means ({@code civitas ingest --sources}, the
 * demo) count too, for the categories of their events; the file is rewritten with every registration, so that it
 * lists every source registered here, without keys.
 */
public final class SourceRegistry {

    private static final Duration ASK_AGAIN_AFTER = Duration.ofSeconds(5);

    /** What the store said of a source (perhaps that there is none), and when. */
    private record Known(Optional<RegisteredSource> source, Instant fetchedAt) {
        Optional<String> categoryOf(String type) {
            return source.flatMap(registered -> registered.type(type)).map(SourceType::category);
        }
    }

    private final Sources store;
    private final Path file;
    private final SourceCatalogue registeredElsewhere;
    private final Clock clock;
    private final Map<String, Known> byName = new ConcurrentHashMap<>();

    /** The sources in {@code store} and in the sources file of {@code dataDirectory}. */
    public SourceRegistry(Sources store, Path dataDirectory, Clock clock) {
        this.store = store;
        this.file = SourcesFile.in(dataDirectory);
        this.registeredElsewhere = SourcesFile.readIn(dataDirectory);
        this.clock = clock;
        Instant now = clock.instant();
        store.all().forEach(source -> byName.put(source.name(), new Known(Optional.of(source), now)));
        if (!catalogue().equals(registeredElsewhere)) {
            writeFile();
        }
    }

    /** Registers a new source with a fresh key and secret, and returns it (with the secret, shown once). */
    public RegisteredSource register(String name, List<SourceType> types) {
        RegisteredSource source = new RegisteredSource(name, newKey(), newSecret(), clock.instant(), Optional.empty(),
                types);
        store.register(source);
        byName.put(name, new Known(Optional.of(source), clock.instant()));
        writeFile();
        return source;
    }

    /** Gives a live source a new key and secret (shown once); the old key is refused from now on. */
    public Optional<RegisteredSource> rotate(String name) {
        String key = newKey();
        String secret = newSecret();
        if (!store.rotate(name, key, secret)) {
            return Optional.empty();
        }
        return refreshed(name);
    }

    /** Revokes a live source: its key is refused from now on. */
    public Optional<RegisteredSource> revoke(String name) {
        if (!store.revoke(name, clock.instant())) {
            return Optional.empty();
        }
        return refreshed(name);
    }

    /** The source {@code keyId} belongs to, as the store has it now. */
    public Optional<RegisteredSource> byKey(String keyId) {
        return store.findByKey(keyId);
    }

    public Optional<RegisteredSource> byName(String name) {
        return refreshed(name);
    }

    /** Every source, by name, as the store has them now. */
    public List<RegisteredSource> all() {
        return store.all();
    }

    /** The category a source registered a type under, or that Civitas gives its own entries. */
    public String categoryOf(String source, String type) {
        if (CivitasEntries.isOwn(source, type)) {
            return CivitasEntries.CATEGORY;
        }
        if (source.equals(CivitasEntries.ATTESTATIONS) && type.equals(CivitasEntries.ATTESTATION_CONFIRMED)
                || source.equals(CivitasEntries.SUPPORT) && type.equals(CivitasEntries.SUPPORT_COMPLETED)) {
            return CivitasEntries.ATTESTATION_CATEGORY;
        }
        Known known = byName.get(source);
        if (known == null || (known.categoryOf(type).isEmpty() && clock.instant().isAfter(known.fetchedAt()
                .plus(ASK_AGAIN_AFTER)))) {
            refreshed(source);
            known = byName.get(source);
        }
        return known.categoryOf(type).orElseGet(() -> registeredElsewhere.category(source, type));
    }

    /** Every source registered here, with the types it sends and their categories. */
    public SourceCatalogue catalogue() {
        return registeredElsewhere.with(SourceCatalogue.of(store.all().stream()
                .map(RegisteredSource::registration).toList()));
    }

    /** The category of every registered event type, for checking rule books. */
    public EventCategories categories() {
        return catalogue().categories();
    }

    private void writeFile() {
        SourcesFile.write(file, catalogue());
    }

    private Optional<RegisteredSource> refreshed(String name) {
        Optional<RegisteredSource> found = store.find(name);
        byName.put(name, new Known(found, clock.instant()));
        return found;
    }

    private static String newKey() {
        return "ck_" + Tokens.randomHex(12);
    }

    private static String newSecret() {
        return Tokens.randomHex(32);
    }
}
