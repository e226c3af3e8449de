package org.civitas.store.vault;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Where a page of a vault ended: the last event's time and ledger sequence, as an opaque token. */
public record VaultCursor(Instant occurredAt, long sequence) {

    public String token() {
        String plain = occurredAt.getEpochSecond() + "." + occurredAt.getNano() + "." + sequence;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a token stands for, or empty if the token is not one. */
    public static Optional<VaultCursor> parse(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new VaultCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]),
                    Long.parseLong(parts[1])), Long.parseLong(parts[2])));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
