package org.civitas.privacy;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import javax.crypto.Cipher;

/**
 * AES-GCM ciphers and random bytes from the fastest provider this machine has: the Amazon Corretto Crypto Provider
 * (AWS-LC, native code) where its library loads, else the Java runtime's own.
 *
 * <p>A seal is one short message under a key that changes from event to event, and the native provider sets up such a
 * message in about half the time. Both providers make the same bytes from the same key, nonce and data, so what one
 * sealed the other opens. The native random generator is AWS-LC's CTR-DRBG, fast from its first call; the runtime's
 * own is as good, but slow until its Java code is compiled.
 */
public final class NativeCrypto {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    /**
     * How the native provider treats the AWS-LC context behind each cipher: by default it frees the context whenever
     * the next message is under another key, and makes a new one for it. A seal's key changes every few events, so
     * Civitas keeps each cipher's context and only gives it the new key (about a fifth less per seal).
     */
    private static final String CONTEXT_RELEASE = "com.amazon.corretto.crypto.provider.nativeContextReleaseStrategy";
    private static final AmazonCorrettoCryptoProvider CORRETTO = keepingContexts();
    private static final boolean NATIVE = CORRETTO.getLoadingError() == null;

    private NativeCrypto() {
    }

    private static AmazonCorrettoCryptoProvider keepingContexts() {
        if (System.getProperty(CONTEXT_RELEASE) == null) {
            System.setProperty(CONTEXT_RELEASE, "LAZY");
        }
        return AmazonCorrettoCryptoProvider.INSTANCE;
    }

    /** A new AES-GCM cipher, not yet initialised. */
    public static Cipher newAesGcmCipher() {
        try {
            return NATIVE ? Cipher.getInstance(TRANSFORMATION, CORRETTO) : Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no " + TRANSFORMATION + " cipher", e);
        }
    }

    /** A new generator of random bytes fit for keys. */
    public static SecureRandom newRandom() {
        try {
            return NATIVE ? SecureRandom.getInstance("DEFAULT", CORRETTO) : new SecureRandom();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(CORRETTO.getName() + " has no DEFAULT random generator", e);
        }
    }

    /** The provider the ciphers and random bytes come from. */
    static Provider provider() {
        return NATIVE ? CORRETTO : newAesGcmCipher().getProvider();
    }
}
