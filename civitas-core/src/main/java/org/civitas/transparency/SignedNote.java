package org.civitas.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
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
        String[] key = verifierKey.strip().split("\\+", 3);
        if (key.length != 3 || key[0].isEmpty() || !key[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("not a verifier key (name+hexhash+base64key): " + verifierKey);
        }
        byte[] typed = decode(key[2], "the verifier key's key");
        if (typed.length != 33 || typed[0] != NoteKey.ED25519) {
            throw new IllegalArgumentException("the verifier key is not an Ed25519 key");
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, 33);
        byte[] hash = HexFormat.of().parseHex(key[1]);
        if (!MessageDigest.isEqual(hash, NoteKey.keyHash(key[0], raw))) {
            throw new IllegalArgumentException("the verifier key's hash does not match its name and key");
        }
        int split = note.indexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("not a signed note: a body, a blank line, and signature lines");
        }
        String body = note.substring(0, split + 1);
        for (String line : note.substring(split + 2).split("\n")) {
            Optional<byte[]> signature = signatureBy(line, key[0], hash);
            if (signature.isPresent()) {
                if (holds(raw, body, signature.get())) {
                    return new Verified(body, key[0]);
                }
                throw new IllegalArgumentException("the signature of " + key[0] + " does not hold: the note was"
                        + " altered or signed by another key");
            }
        }
        throw new IllegalArgumentException("the note holds no signature by " + key[0]);
    }

    /** The signature in {@code line} if it is one by the key of {@code name} and {@code hash}. */
    private static Optional<byte[]> signatureBy(String line, String name, byte[] hash) {
        if (!line.startsWith(SIGNATURE_PREFIX + name + " ")) {
            return Optional.empty();
        }
        byte[] signed = decode(line.substring(SIGNATURE_PREFIX.length() + name.length() + 1), "a signature");
        if (signed.length != 4 + 64 || !MessageDigest.isEqual(Arrays.copyOf(signed, 4), hash)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(signed, 4, signed.length));
    }

    private static boolean holds(byte[] rawPublicKey, String body, byte[] signature) {
        try {
            byte[] x509 = new byte[NoteKey.X509_PREFIX.length + rawPublicKey.length];
            System.arraycopy(NoteKey.X509_PREFIX, 0, x509, 0, NoteKey.X509_PREFIX.length);
            System.arraycopy(rawPublicKey, 0, x509, NoteKey.X509_PREFIX.length, rawPublicKey.length);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(body.getBytes(StandardCharsets.UTF_8));
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
