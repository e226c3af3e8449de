package org.civitas.privacy;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.crypto.Cipher;

/**
 * AES-GCM ciphers from the fastest provider this machine has: the Amazon Corretto Crypto Provider (AWS-LC, native
 * code) where its library loads, else the Java runtime's own. A seal is one short message under a key that changes
 * from event to event, and the native provider sets up such a message in about half the time. Both providers make the
 * same bytes from the same key, nonce and data, so what one sealed the other opens.
 */
public final class AesGcmCiphers {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final Provider PROVIDER = choose();

    private AesGcmCiphers() {
    }

    /** A new AES-GCM cipher, not yet initialised. */
    public static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION, PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(PROVIDER.getName() + " has no " + TRANSFORMATION, e);
        }
    }

    /** The provider the ciphers come from. */
    static Provider provider() {
        return PROVIDER;
    }

    private static Provider choose() {
        AmazonCorrettoCryptoProvider corretto = AmazonCorrettoCryptoProvider.INSTANCE;
        if (corretto.getLoadingError() == null) {
            return corretto;
        }
        try {
            return Cipher.getInstance(TRANSFORMATION).getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + TRANSFORMATION, e);
        }
    }
}
