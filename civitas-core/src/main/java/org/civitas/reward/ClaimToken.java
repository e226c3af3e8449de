package org.civitas.reward;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * What a claim token says: a reward of a jurisdiction, good until {@code expires}, once; {@code nonce} makes each
 * token its own. It names neither the person nor their score. Its text is {@code payload.signature}, both base64url:
 * the payload {@code v1|jurisdiction|reward|nonce|expires}, the signature the jurisdiction's Ed25519 one over it.
 */
public record ClaimToken(String jurisdiction, String reward, String nonce, Instant expires) {

    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public ClaimToken {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(expires, "expires");
    }

    /** The bytes the jurisdiction signs. */
    byte[] payload() {
        return String.join("|", VERSION, jurisdiction, reward, nonce, expires.toString())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The token's text, with {@code signature}. */
    String text(byte[] signature) {
        return ENCODER.encodeToString(payload()) + "." + ENCODER.encodeToString(signature);
    }

    /** A token's text read back, with its signature; empty if it is not one. */
    static Optional<Signed> read(String text) {
        int dot = text == null ? -1 : text.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            String[] fields = new String(DECODER.decode(text.substring(0, dot)), StandardCharsets.UTF_8)
                    .split("\\|", -1);
            if (fields.length != 5 || !fields[0].equals(VERSION)) {
                return Optional.empty();
            }
            return Optional.of(new Signed(new ClaimToken(fields[1], fields[2], fields[3], Instant.parse(fields[4])),
                    DECODER.decode(text.substring(dot + 1))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A token and the signature it came with, not yet checked. */
    record Signed(ClaimToken token, byte[] signature) {
    }
}
