package org.civitas.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks a C2SP {@code signed-note} against a verifier key, as any note verifier does: the body, a blank line, then
 * signature lines {@code — name base64(key hash ‖ signature)}; the note is good if one line is the key's and its
 * Ed25519 signature over the body holds.
 */
public final class SignedNote {

    static final String SIGNATURE_PREFIX = "\u2014 ";

    private SignedNote() {
    }

    /** A note's body, once a signature by the key has been found good. */
    public record Verified(String body, String keyName) {
    }

    /** {@code note}'s body if {@code verifierKey} signed it; refused otherwise, saying why. */
    public static Verified verify(String note, String verifierKey) {
        Key key = Key.parse(verifierKey, NoteKey.ED25519);
        int split = note.indexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("not a signed note: a body, a blank line, and signature lines");
        }
        String body = note.substring(0, split + 1);
        for (String line : note.substring(split + 2).split("\n")) {
            Optional<byte[]> signature = signatureBy(line, key);
            if (signature.isPresent()) {
                if (holds(key.raw(), body.getBytes(StandardCharsets.UTF_8), signature.get())) {
                    return new Verified(body, key.name());
                }
                throw new IllegalArgumentException("the signature of " + key.name() + " does not hold: the note was"
                        + " altered or signed by another key");
            }
        }
        throw new IllegalArgumentException("the note holds no signature by " + key.name());
    }

    /** A cosignature that holds: when it was made, and its signature line as the format writes it. */
    public record Cosignature(Instant at, String line) {
    }

    /**
     * The cosignature by the witness of {@code witnessKey} in {@code line} of the checkpoint {@code body}, with its
     * line written anew in the format's own form; refused, saying why, unless it holds.
     */
    public static Cosignature cosignature(String body, String line, String witnessKey) {
        Key key = Key.parse(witnessKey, NoteKey.COSIGNATURE);
        byte[] signed = signatureBy(line.strip(), key).orElseThrow(() -> new IllegalArgumentException(
                "not a cosignature by " + key.name()));
        if (signed.length != 8 + 64) {
            throw new IllegalArgumentException("a cosignature is a time and an Ed25519 signature");
        }
        long timestamp = ByteBuffer.wrap(signed, 0, 8).getLong();
        if (timestamp < 0 || !holds(key.raw(), cosignedMessage(body, timestamp),
                Arrays.copyOfRange(signed, 8, signed.length))) {
            throw new IllegalArgumentException("the cosignature of " + key.name() + " does not hold for this"
                    + " checkpoint");
        }
        byte[] whole = new byte[4 + signed.length];
        System.arraycopy(key.hash(), 0, whole, 0, 4);
        System.arraycopy(signed, 0, whole, 4, signed.length);
        return new Cosignature(Instant.ofEpochSecond(timestamp), SIGNATURE_PREFIX + key.name() + " "
                + Base64.getEncoder().encodeToString(whole));
    }

    /** What a cosigner signs: {@code cosignature/v1}, the time, then the checkpoint's body. */
    static byte[] cosignedMessage(String body, long timestamp) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    /** A verifier key, read: its name, its key hash, and the raw Ed25519 public key. */
    private record Key(String name, byte[] hash, byte[] raw) {

        static Key parse(String text, byte type) {
            String[] parts = text.strip().split("\\+", 3);
            if (parts.length != 3 || parts[0].isEmpty() || parts[0].codePoints().anyMatch(Character::isWhitespace)
                    || !parts[1].matches("[0-9a-f]{8}")) {
                throw new IllegalArgumentException("not a verifier key (name+hexhash+base64key): " + text);
            }
            byte[] typed = decode(parts[2], "the verifier key's key");
            if (typed.length != 33 || typed[0] != type) {
                throw new IllegalArgumentException("the verifier key is not an Ed25519 key of type " + type);
            }
            byte[] raw = Arrays.copyOfRange(typed, 1, 33);
            byte[] hash = HexFormat.of().parseHex(parts[1]);
            if (!MessageDigest.isEqual(hash, NoteKey.keyHash(parts[0], type, raw))) {
                throw new IllegalArgumentException("the verifier key's hash does not match its name and key");
            }
            return new Key(parts[0], hash, raw);
        }
    }

    /** The signed bytes in {@code line} (after the key hash) if it is a signature line of {@code key}. */
    private static Optional<byte[]> signatureBy(String line, Key key) {
        if (!line.startsWith(SIGNATURE_PREFIX + key.name() + " ")) {
            return Optional.empty();
        }
        byte[] signed = decode(line.substring(SIGNATURE_PREFIX.length() + key.name().length() + 1), "a signature");
        if (signed.length < 4 + 64 || !MessageDigest.isEqual(Arrays.copyOf(signed, 4), key.hash())) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(signed, 4, signed.length));
    }

    private static boolean holds(byte[] rawPublicKey, byte[] message, byte[] signature) {
        try {
            byte[] x509 = new byte[NoteKey.X509_PREFIX.length + rawPublicKey.length];
            System.arraycopy(NoteKey.X509_PREFIX, 0, x509, 0, NoteKey.X509_PREFIX.length);
            System.arraycopy(rawPublicKey, 0, x509, NoteKey.X509_PREFIX.length, rawPublicKey.length);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64", e);
        }
    }
}
