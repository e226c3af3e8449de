package org.civitas.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.civitas.source.RegisteredSource;
import org.civitas.source.SourceType;

/**
 * A registered source as an administrator sees it. The secret is shown once, when the source is registered or its
 * key rotated, and never again.
 *
 * @param secret left out except in the answer that created it
 * @param revokedAt when the source was revoked, or null
 */
public record SourceView(
        String name, String key, @JsonInclude(JsonInclude.Include.NON_NULL) String secret, List<SourceType> types,
        Instant createdAt, Instant revokedAt) {

    public static SourceView withoutSecret(RegisteredSource source) {
        return new SourceView(source.name(), source.keyId(), null, source.types(), source.createdAt(),
                source.revokedAt().orElse(null));
    }

    public static SourceView withSecret(RegisteredSource source) {
        return new SourceView(source.name(), source.keyId(), source.secret(), source.types(), source.createdAt(),
                source.revokedAt().orElse(null));
    }
}
