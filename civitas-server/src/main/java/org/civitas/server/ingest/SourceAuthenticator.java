package org.civitas.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.civitas.Tokens;
import org.civitas.server.http.ApiException;
import org.civitas.server.http.JsonBodies;
import org.civitas.source.RegisteredSource;
import org.civitas.source.SourceRegistry;
import org.civitas.store.sources.ReplayGuard;

/**
 * Proves that a batch comes from a registered source, unaltered and fresh: {@code Authorization: Bearer <key>},
 * {@code X-Civitas-Timestamp: <Unix seconds>} and {@code X-Civitas-Signature: hex(HMAC-SHA256(secret, timestamp +
 * "\n" + body))}. A request more than five minutes off the server's clock, or one already received, is refused.
 */
public final class SourceAuthenticator {

    public static final String TIMESTAMP_HEADER = "X-Civitas-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Civitas-Signature";
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final SourceRegistry sources;
    private final ReplayGuard replays;
    private final Clock clock;

    public SourceAuthenticator(SourceRegistry sources, ReplayGuard replays, Clock clock) {
        this.sources = sources;
        this.replays = replays;
        this.clock = clock;
    }

    /**
     * Starts checking a request: its key and timestamp at once, so an unknown sender is refused before its body is
     * read; the body's signature as it streams in. Throws a 401 saying what is wrong.
     */
    public SignedBody begin(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw unauthorized("send the source's key as 'Authorization: Bearer <key>'");
        }
        RegisteredSource source = sources.byKey(authorization.substring("Bearer ".length()).trim())
                .filter(found -> !found.revoked())
                .orElseThrow(() -> unauthorized("unknown or revoked source key"));
        String timestamp = ctx.header(TIMESTAMP_HEADER);
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.trim());
        } catch (NumberFormatException e) {
            throw unauthorized("send " + TIMESTAMP_HEADER + " as Unix seconds, e.g. " + clock.instant()
                    .getEpochSecond());
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > MAX_SKEW.toSeconds()) {
            throw unauthorized("the request's timestamp is more than five minutes from the server's time;"
                    + " sign every request when you send it");
        }
        return new SignedBody(source, mac(source.secret(), timestamp.trim()), ctx.header(SIGNATURE_HEADER));
    }

    /** A source's request and its JSON body, once the signature over the whole body holds. */
    public record SignedJson(RegisteredSource source, JsonNode body) {
    }

    /**
     * A source's JSON request: its key and timestamp checked first, then its body read (at most
     * {@value JsonBodies#MAX_BYTES} bytes) and its signature checked, then the body parsed.
     */
    public SignedJson signedJson(Context ctx, ObjectMapper json) throws IOException {
        SignedBody signed = begin(ctx);
        byte[] bytes = JsonBodies.bytes(ctx);
        signed.update(bytes, 0, bytes.length);
        RegisteredSource source = signed.verify();
        return new SignedJson(source, JsonBodies.parse(bytes, json));
    }

    /** A request's body on its way in: its signature is checked once all of it has been read. */
    public final class SignedBody {
        private final RegisteredSource source;
        private final Mac mac;
        private final String given;

        private SignedBody(RegisteredSource source, Mac mac, String given) {
            this.source = source;
            this.mac = mac;
            this.given = given;
        }

        /** Takes the next bytes of the body into the signature. */
        public void update(byte[] bytes, int offset, int length) {
            mac.update(bytes, offset, length);
        }

        /** The source that signed the whole body; throws a 401 if it did not, or if the request is a replay. */
        public RegisteredSource verify() {
            String expected = HexFormat.of().formatHex(mac.doFinal());
            if (given == null || !Tokens.sameSecret(expected, given.trim().toLowerCase())) {
                throw unauthorized("the signature does not match: send " + SIGNATURE_HEADER
                        + " = hex(HMAC-SHA256(secret, timestamp + \"\\n\" + body))");
            }
            if (!replays.firstSighting(expected, clock.instant())) {
                throw unauthorized("this request was received before; a replayed request is refused");
            }
            return source;
        }
    }

    /** The signature of a request: hex(HMAC-SHA256(secret, timestamp + "\n" + body)). */
    public static String sign(String secret, String timestamp, byte[] body) {
        return HexFormat.of().formatHex(mac(secret, timestamp).doFinal(body));
    }

    /** An HMAC-SHA256 under {@code secret} that has taken in the timestamp line. */
    private static Mac mac(String secret, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + "\n").getBytes(StandardCharsets.UTF_8));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** Forgets signatures too old to be accepted anyway. */
    public void forgetOldSignatures() {
        replays.forgetBefore(clock.instant().minus(MAX_SKEW.multipliedBy(2)));
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }
}
