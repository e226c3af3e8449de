package org.civitas.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.civitas.Tokens;

/**
 * The log's Ed25519 key for signing notes as C2SP {@code signed-note} says, made on first start and kept in
 * {@code DIR/keys/log/}: its name (the log's origin), and its verifier key {@code name+hexhash+base64(0x01 ‖ key)}
 * that standard note verifiers take.
 */
public final class NoteKey {

    /** The first bytes of every Ed25519 public key in X.509 form; the raw key's 32 bytes follow. */
    static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    static final byte ED25519 = 0x01;

    private final String name;
    private final KeyPair pair;

    private NoteKey(String name, KeyPair pair) {
        this.name = name;
        this.pair = pair;
    }

    /** The key kept in {@code dataDirectory}, made (with a name of its own) if there is none. */
    public static NoteKey openOrMake(Path dataDirectory) {
        Path directory = dataDirectory.resolve("keys").resolve("log");
        Path nameFile = directory.resolve("name");
        Path privateFile = directory.resolve("log.private");
        Path publicFile = directory.resolve("log.public");
        try {
            KeyFactory keys = KeyFactory.getInstance("Ed25519");
            if (Files.exists(nameFile) && Files.exists(privateFile) && Files.exists(publicFile)) {
                return new NoteKey(Files.readString(nameFile).strip(), new KeyPair(
                        keys.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile))),
                        keys.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)))));
            }
            KeyPair made = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String name = "civitas.log/" + Tokens.randomHex(4);
            Files.createDirectories(directory);
            write(publicFile, made.getPublic().getEncoded());
            write(privateFile, made.getPrivate().getEncoded());
            write(nameFile, (name + "\n").getBytes(StandardCharsets.UTF_8));
            return new NoteKey(name, made);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime from 15 on has Ed25519 keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the log's key in " + directory, e);
        }
    }

    /** The key's name, which is also the log's origin. */
    public String name() {
        return name;
    }

    /** The verifier key: {@code name+hexhash+base64(0x01 ‖ public key)}. */
    public String verifierKey() {
        return name + "+" + HexFormat.of().formatHex(keyHash(name, rawPublicKey())) + "+"
                + Base64.getEncoder().encodeToString(typed(rawPublicKey()));
    }

    /** {@code body} as a signed note: the body, a blank line, and this key's signature line. */
    public String sign(String body) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(pair.getPrivate());
            signature.update(body.getBytes(StandardCharsets.UTF_8));
            byte[] signed = signature.sign();
            byte[] line = new byte[4 + signed.length];
            System.arraycopy(keyHash(name, rawPublicKey()), 0, line, 0, 4);
            System.arraycopy(signed, 0, line, 4, signed.length);
            return body + "\n" + SignedNote.SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(line)
                    + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime from 15 on signs with Ed25519", e);
        }
    }

    private byte[] rawPublicKey() {
        byte[] encoded = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    /** The key's hash: the first four bytes of {@code SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key)}. */
    static byte[] keyHash(String name, byte[] rawPublicKey) {
        byte[] nameBytes = (name + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] hashed = new byte[nameBytes.length + 1 + rawPublicKey.length];
        System.arraycopy(nameBytes, 0, hashed, 0, nameBytes.length);
        hashed[nameBytes.length] = ED25519;
        System.arraycopy(rawPublicKey, 0, hashed, nameBytes.length + 1, rawPublicKey.length);
        return Arrays.copyOf(MerkleTree.newSha256().digest(hashed), 4);
    }

    private static byte[] typed(byte[] rawPublicKey) {
        byte[] typed = new byte[1 + rawPublicKey.length];
        typed[0] = ED25519;
        System.arraycopy(rawPublicKey, 0, typed, 1, rawPublicKey.length);
        return typed;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
        Files.write(temporary, bytes);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
