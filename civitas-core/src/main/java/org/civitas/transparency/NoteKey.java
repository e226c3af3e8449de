package org.civitas.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
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
import java.util.List;
import java.util.Optional;
import org.civitas.Tokens;

/**
 * An Ed25519 key for signing notes as C2SP {@code signed-note} says, kept in a directory of its own: the log's key
 * ({@code DIR/keys/log/}, made on first start), which signs checkpoints, or a witness's, which cosigns them as C2SP
 * {@code tlog-cosignature} says. Its verifier key {@code name+hexhash+base64(type ‖ key)} is what verifiers take.
 */
public final class NoteKey {

    /** The first bytes of every Ed25519 public key in X.509 form; the raw key's 32 bytes follow. */
    static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** The signature type of an Ed25519 note signature. */
    static final byte ED25519 = 0x01;
    /** The signature type of a timestamped Ed25519 cosignature. */
    static final byte COSIGNATURE = 0x04;

    private static final String NAME = "name";
    private static final String PRIVATE = "key.private";
    private static final String PUBLIC = "key.public";

    private final String name;
    private final byte type;
    private final KeyPair pair;

    private NoteKey(String name, byte type, KeyPair pair) {
        this.name = name;
        this.type = type;
        this.pair = pair;
    }

    /** The log's key, kept in {@code dataDirectory}, made (with a name of its own) if there is none. */
    public static NoteKey openOrMake(Path dataDirectory) {
        return openOrMake(dataDirectory.resolve("keys").resolve("log"), "civitas.log/" + Tokens.randomHex(4), ED25519);
    }

    /** The verifier key of the log's key kept in {@code dataDirectory}, if one was ever made there. */
    public static Optional<String> existingVerifierKey(Path dataDirectory) {
        Path directory = dataDirectory.resolve("keys").resolve("log");
        return complete(directory) ? Optional.of(openOrMake(directory, "", ED25519).verifierKey()) : Optional.empty();
    }

    /** A witness's key, kept in {@code stateDirectory}, made with the name {@code name} if there is none. */
    public static NoteKey witness(Path stateDirectory, String name) {
        return openOrMake(stateDirectory, name, COSIGNATURE);
    }

    /**
     * The key kept in {@code directory}, or one made there with {@code newName}. Processes that start together (two
     * commands run against one Kafka runtime, say) may each make one: each writes its own in a directory of its own and
     * renames it into place, and all but the first take the key that got there first.
     */
    private static NoteKey openOrMake(Path directory, String newName, byte type) {
        try {
            if (complete(directory)) {
                return read(directory, type);
            }
            if (newName.isEmpty() || newName.chars().anyMatch(c -> Character.isWhitespace(c) || c == '+')) {
                throw new IllegalArgumentException("a key's name has no spaces and no '+': '" + newName + "'");
            }
            KeyPair made = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(directory.getParent());
            Path staged = Files.createTempDirectory(directory.getParent(), directory.getFileName() + ".new");
            Files.write(staged.resolve(PUBLIC), made.getPublic().getEncoded());
            Files.write(staged.resolve(PRIVATE), made.getPrivate().getEncoded());
            Files.writeString(staged.resolve(NAME), newName + "\n");
            try {
                Files.move(staged, directory, StandardCopyOption.ATOMIC_MOVE);
                return new NoteKey(newName, type, made);
            } catch (FileSystemException notMoved) {
                for (String file : List.of(PUBLIC, PRIVATE, NAME)) {
                    Files.delete(staged.resolve(file));
                }
                Files.delete(staged);
                if (!Files.isDirectory(directory)) {
                    throw notMoved;
                }
                if (!complete(directory)) {
                    throw new UncheckedIOException("an incomplete key is in " + directory + ": move it away to make"
                            + " a new one", notMoved);
                }
                return read(directory, type);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime from 15 on has Ed25519 keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a signing key in " + directory, e);
        }
    }

    private static boolean complete(Path directory) {
        return Files.exists(directory.resolve(NAME)) && Files.exists(directory.resolve(PRIVATE))
                && Files.exists(directory.resolve(PUBLIC));
    }

    private static NoteKey read(Path directory, byte type) throws IOException, GeneralSecurityException {
        KeyFactory keys = KeyFactory.getInstance("Ed25519");
        return new NoteKey(Files.readString(directory.resolve(NAME)).strip(), type, new KeyPair(
                keys.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(directory.resolve(PUBLIC)))),
                keys.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(directory.resolve(PRIVATE))))));
    }

    /** The key's name, which is also the log's origin. */
    public String name() {
        return name;
    }

    /** The verifier key: {@code name+hexhash+base64(type ‖ public key)}. */
    public String verifierKey() {
        return name + "+" + HexFormat.of().formatHex(keyHash(name, type, rawPublicKey())) + "+"
                + Base64.getEncoder().encodeToString(typed(type, rawPublicKey()));
    }

    /** {@code body} as a signed note: the body, a blank line, and this key's signature line. */
    public String sign(String body) {
        return body + "\n" + signatureLine(signature(body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * This witness's cosignature of the checkpoint {@code body}, made at {@code timestamp} (POSIX seconds): a signature
     * line over {@code cosignature/v1}, the time and the body, carrying the time.
     */
    public String cosign(String body, long timestamp) {
        byte[] signed = signature(SignedNote.cosignedMessage(body, timestamp));
        return signatureLine(ByteBuffer.allocate(8 + signed.length).putLong(timestamp).put(signed).array());
    }

    private byte[] signature(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(pair.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime from 15 on signs with Ed25519", e);
        }
    }

    /** {@code — name base64(key hash ‖ signed)}, with its newline. */
    private String signatureLine(byte[] signed) {
        byte[] line = new byte[4 + signed.length];
        System.arraycopy(keyHash(name, type, rawPublicKey()), 0, line, 0, 4);
        System.arraycopy(signed, 0, line, 4, signed.length);
        return SignedNote.SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(line) + "\n";
    }

    private byte[] rawPublicKey() {
        byte[] encoded = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    /** The key's hash: the first four bytes of {@code SHA-256(name ‖ "\n" ‖ type ‖ public key)}. */
    static byte[] keyHash(String name, byte type, byte[] rawPublicKey) {
        byte[] nameBytes = (name + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] hashed = new byte[nameBytes.length + 1 + rawPublicKey.length];
        System.arraycopy(nameBytes, 0, hashed, 0, nameBytes.length);
        hashed[nameBytes.length] = type;
        System.arraycopy(rawPublicKey, 0, hashed, nameBytes.length + 1, rawPublicKey.length);
        return Arrays.copyOf(MerkleTree.newSha256().digest(hashed), 4);
    }

    private static byte[] typed(byte type, byte[] rawPublicKey) {
        byte[] typed = new byte[1 + rawPublicKey.length];
        typed[0] = type;
        System.arraycopy(rawPublicKey, 0, typed, 1, rawPublicKey.length);
        return typed;
    }
}
