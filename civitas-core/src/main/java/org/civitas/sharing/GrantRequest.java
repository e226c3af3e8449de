package org.civitas.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a person asks to share: with whom, which categories, whether the score, for what purpose, until when. The
 * purpose is kept trimmed and in lower case, however it was typed, so that the grant and the person's access log name
 * it as the constitution does.
 */
public record GrantRequest(String party, List<String> categories, boolean score, String purpose, Instant expiresAt) {

    public GrantRequest {
        Objects.requireNonNull(party, "party");
        categories = List.copyOf(categories);
        purpose = Objects.requireNonNull(purpose, "purpose").strip().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
