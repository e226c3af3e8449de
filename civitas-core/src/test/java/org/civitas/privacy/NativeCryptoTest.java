package org.civitas.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NativeCryptoTest {

    private static final int TAG_BITS = 128;

    /** One message: key, nonce, bound data and plain text, drawn from {@code random}. */
    private record Message(SecretKey key, byte[] nonce, byte[] aad, byte[] plain) {

        static Message draw(Random random) {
            byte[] key = new byte[32];
            byte[] nonce = new byte[12];
            byte[] aad = new byte[random.nextInt(80)];
            byte[] plain = new byte[random.nextInt(300)];
            random.nextBytes(key);
            random.nextBytes(nonce);
            random.nextBytes(aad);
            random.nextBytes(plain);
            return new Message(new SecretKeySpec(key, "AES"), nonce, aad, plain);
        }

        byte[] seal(Cipher cipher) throws GeneralSecurityException {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(plain);
        }

        byte[] open(Cipher cipher, byte[] sealed) throws GeneralSecurityException {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed);
        }
    }

    private static Cipher runtimeOwn() throws GeneralSecurityException {
        return Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void sealsTheSameBytesAsTheJavaRuntimeAndEachOpensWhatTheOtherSealed(long seed) throws Exception {
        Random random = new Random(seed);
        Cipher chosen = NativeCrypto.newAesGcmCipher();
        Cipher own = runtimeOwn();
        for (int i = 0; i < 200; i++) {
            Message message = Message.draw(random);
            byte[] sealed = message.seal(chosen);

            assertThat(sealed).isEqualTo(message.seal(own));
            assertThat(message.open(own, sealed)).isEqualTo(message.plain());
            assertThat(message.open(chosen, sealed)).isEqualTo(message.plain());
        }
    }

    @Test
    void refusesToOpenWhatWasAlteredOrBoundToOtherData() throws Exception {
        Message message = Message.draw(new Random(7));
        Cipher chosen = NativeCrypto.newAesGcmCipher();
        byte[] sealed = message.seal(chosen);
        byte[] altered = sealed.clone();
        altered[0] ^= 1;
        byte[] otherEvent = "another event".getBytes(StandardCharsets.UTF_8);
        Message elsewhere = new Message(message.key(), message.nonce(), otherEvent, message.plain());

        assertThatThrownBy(() -> message.open(chosen, altered)).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> elsewhere.open(chosen, sealed)).isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void usesTheNativeProviderOnLinuxX86() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"));

        assertThat(NativeCrypto.provider().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
        assertThat(NativeCrypto.newAesGcmCipher().getProvider()).isSameAs(NativeCrypto.provider());
        assertThat(NativeCrypto.newRandom().getProvider()).isSameAs(NativeCrypto.provider());
    }

    @Test
    void theRandomGeneratorNeverRepeatsItself() {
        SecureRandom random = NativeCrypto.newRandom();
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            drawn.add(HexFormat.of().formatHex(key));
        }

        assertThat(drawn).hasSize(10_000);
    }
}
