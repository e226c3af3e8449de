package org.civitas.governance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.civitas.privacy.NativeCrypto;
import org.civitas.privacy.PersonalKeys;

/**
 * Seals a voter's tracker under a key of the voter's own (AES-GCM), so that the one link between a person and a
 * ballot can be read for that person alone, to show them their tracker and to replace their ballot when they vote
 * again; erasing the key erases the link. The proposal and the person are bound in, so a sealed tracker cannot be
 * moved to another row.
 */
public final class TrackerSeal {

    /** The category of the keys that seal trackers. */
    public static final String CATEGORY = "ballots";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final PersonalKeys keys;
    private final SecureRandom random = NativeCrypto.newRandom();

    public TrackerSeal(PersonalKeys keys) {
        this.keys = keys;
    }

    public String seal(String proposal, String person, String tracker) {
        byte[] nonce = new byte[NONCE_BYTES];
        synchronized (random) {
            random.nextBytes(nonce);
        }
        SecretKey key = keys.keyFor(person, CATEGORY);
        keys.sync();
        try {
            Cipher cipher = NativeCrypto.newAesGcmCipher();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo(proposal, person));
            byte[] sealed = cipher.doFinal(tracker.getBytes(StandardCharsets.US_ASCII));
            byte[] all = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, all, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, all, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to seal a tracker", e);
        }
    }

    /** The tracker, or empty if the person's key is erased. */
    public Optional<String> open(String proposal, String person, String sealed) {
        Optional<SecretKey> key = keys.existing(person, CATEGORY);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] all = Base64.getDecoder().decode(sealed);
        try {
            Cipher cipher = NativeCrypto.newAesGcmCipher();
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo(proposal, person));
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed tracker does not open under its voter's key", e);
        }
    }

    private static byte[] boundTo(String proposal, String person) {
        return (proposal + "\n" + person).getBytes(StandardCharsets.UTF_8);
    }
}
