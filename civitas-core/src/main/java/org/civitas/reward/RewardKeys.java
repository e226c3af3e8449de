package org.civitas.reward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each jurisdiction's Ed25519 key pair for signing claim tokens, made on first use and kept in
 * {@code DIR/keys/rewards/}; the public keys are published, so that a provider can check a token on its own too.
 */
public final class RewardKeys {

    private final Path directory;
    private final Map<String, KeyPair> byJurisdiction = new ConcurrentHashMap<>();

    private RewardKeys(Path directory) {
        this.directory = directory;
    }

    public static RewardKeys open(Path dataDirectory) {
        return new RewardKeys(dataDirectory.resolve("keys").resolve("rewards"));
    }

    /** {@code jurisdiction}'s public key, X.509-encoded and base64: what providers check tokens with. */
    public String publicKey(String jurisdiction) {
        return Base64.getEncoder().encodeToString(pair(jurisdiction).getPublic().getEncoded());
    }

    byte[] sign(String jurisdiction, byte[] payload) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(pair(jurisdiction).getPrivate());
            signature.update(payload);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime from 15 on signs with Ed25519", e);
        }
    }

    boolean verifies(String jurisdiction, byte[] payload, byte[] signed) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(pair(jurisdiction).getPublic());
            signature.update(payload);
            return signature.verify(signed);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private KeyPair pair(String jurisdiction) {
        return byJurisdiction.computeIfAbsent(jurisdiction, this::loadOrMake);
    }

    private synchronized KeyPair loadOrMake(String jurisdiction) {
        Path privateFile = directory.resolve(jurisdiction + ".private");
        Path publicFile = directory.resolve(jurisdiction + ".public");
        try {
            KeyFactory keys = KeyFactory.getInstance("Ed25519");
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                PrivateKey secret = keys.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
                PublicKey known = keys.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile)));
                return new KeyPair(known, secret);
            }
            KeyPair made = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(directory);
            write(publicFile, made.getPublic().getEncoded());
            write(privateFile, made.getPrivate().getEncoded());
            return made;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime from 15 on has Ed25519 keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the reward keys of " + jurisdiction + " in " + directory, e);
        }
    }

    /** Writes {@code file} whole: a reader finds the old file or the new one, never a part. */
    private static void write(Path file, byte[] bytes) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
        Files.write(temporary, bytes);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
