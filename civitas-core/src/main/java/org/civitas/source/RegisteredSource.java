package org.civitas.source;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A data source allowed to send events: an agency, a bank, a city, an app. It signs each batch with its secret; its
 * key says who it is.
 */
public record RegisteredSource(
        String name, String keyId, String secret, Instant createdAt, Optional<Instant> revokedAt,
        List<SourceType> types) {

    public RegisteredSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        types = List.copyOf(types);
    }

    public Optional<SourceType> type(String type) {
        return types.stream().filter(registered -> registered.type().equals(type)).findFirst();
    }

    /** The types this source may send and their categories. */
    public SourceRegistration registration() {
        Map<String, String> categoryByType = new TreeMap<>();
        types.forEach(type -> categoryByType.put(type.type(), type.category()));
        return new SourceRegistration(name, categoryByType);
    }

    public boolean revoked() {
        return revokedAt.isPresent();
    }
}
