package org.civitas.privacy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.civitas.CivitasException;

/**
 * The key each person's personal-only data of each category is sealed with, kept apart from the ledger and from
 * every projection, in {@code DIR/keys/keys}. Destroying a key erases what it sealed, everywhere at once, while the
 * ledger that holds the sealed bytes stays intact and verifiable.
 *
 * <p>A new key is appended to the file and forced to disk by {@link #sync()}, which callers run before they commit
 * anything sealed with it: one write and one flush however many keys were made. Erasing rewrites the file without the
 * erased keys and replaces it atomically. All keys are held in memory, which suits a city; a nation keeps its keys in
 * a key management service. Thread-safe.
 */
public final class PersonalKeys {

    private static final int KEY_BYTES = 32;
    /** Keys are drawn from the random source this many at a time: one call instead of one per key. */
    private static final int KEYS_PER_DRAW = 64;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final Path file;
    private final SecureRandom random = NativeCrypto.newRandom();
    /** The keys by person, then by category. */
    private final Map<String, Map<String, SecretKey>> keys = new ConcurrentHashMap<>();
    /** Random bytes drawn for keys not made yet, and how many of them are used up; guarded by {@code this}. */
    private final byte[] drawn = new byte[KEY_BYTES * KEYS_PER_DRAW];
    private int drawnUsed = drawn.length;
    /** Keys made since the last sync, written out as lines of the file when synced; guarded by {@code this}. */
    private final List<Made> unsynced = new ArrayList<>();

    private PersonalKeys(Path file) {
        this.file = file;
    }

    /** The key store of a data directory, created if need be. */
    public static PersonalKeys open(Path dataDirectory) {
        Path directory = dataDirectory.resolve("keys");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CivitasException("cannot create the key store " + directory + ": " + e.getMessage(), e);
        }
        PersonalKeys store = new PersonalKeys(directory.resolve("keys"));
        store.read();
        return store;
    }

    /**
     * The key of {@code person}'s data of {@code category}, made now if there is none (it is on disk after the next
     * {@link #sync()}). Looking up a key takes no lock; only making one does.
     */
    public SecretKey keyFor(String person, String category) {
        SecretKey key = find(person, category);
        return key != null ? key : make(person, category);
    }

    private SecretKey find(String person, String category) {
        Map<String, SecretKey> ofPerson = keys.get(person);
        return ofPerson == null ? null : ofPerson.get(category);
    }

    private synchronized SecretKey make(String person, String category) {
        Map<String, SecretKey> ofPerson = keys.computeIfAbsent(person, nobody -> new ConcurrentHashMap<>());
        SecretKey key = ofPerson.get(category);
        if (key == null) {
            if (drawnUsed == drawn.length) {
                random.nextBytes(drawn);
                drawnUsed = 0;
            }
            key = new SecretKeySpec(drawn, drawnUsed, KEY_BYTES, "AES");
            Arrays.fill(drawn, drawnUsed, drawnUsed + KEY_BYTES, (byte) 0);
            drawnUsed += KEY_BYTES;
            unsynced.add(new Made(person, category, key));
            ofPerson.put(category, key);
        }
        return key;
    }

    /**
     * A pseudonym of {@code person} for {@code text}: the first 24 hex digits of an HMAC-SHA256 of it under the
     * person's key of {@code category} (made, and on disk, if need be), so that only that key ties it to them.
     */
    public String pseudonym(String person, String category, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyFor(person, category).getEncoded(), "HmacSHA256"));
            sync();
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** The key of {@code person}'s data of {@code category}, if it exists and was not erased. */
    public Optional<SecretKey> existing(String person, String category) {
        return Optional.ofNullable(find(person, category));
    }

    /** Forces every key made since the last call to disk; call before committing what they sealed. */
    public synchronized void sync() {
        if (unsynced.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (Made made : unsynced) {
            line(lines, made.person(), made.category(), made.key());
        }
        write(lines.toString(), file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        unsynced.clear();
    }

    /**
     * Destroys {@code person}'s keys of {@code categories}: what they sealed can never be read again. Returns the
     * categories that had a key.
     */
    public synchronized List<String> erase(String person, Collection<String> categories) {
        List<String> erased = new ArrayList<>();
        Map<String, SecretKey> ofPerson = keys.get(person);
        for (String category : categories) {
            if (ofPerson != null && ofPerson.remove(category) != null) {
                erased.add(category);
            }
        }
        if (!erased.isEmpty()) {
            StringBuilder remaining = new StringBuilder();
            keys.forEach((holder, held) -> held.forEach((category, key) -> line(remaining, holder, category, key)));
            Path fresh = file.resolveSibling("keys.new");
            write(remaining.toString(), fresh, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            try {
                Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                    directory.force(true);
                }
            } catch (IOException e) {
                throw new CivitasException("cannot replace the key store " + file + ": " + e.getMessage(), e);
            }
            unsynced.clear();
        }
        return erased;
    }

    /** A key made since the last sync. */
    private record Made(String person, String category, SecretKey key) {
    }

    /** One key as a line: person, category and key, each base64url, separated by spaces. */
    private static void line(StringBuilder text, String person, String category, SecretKey key) {
        text.append(ENCODE.encodeToString(person.getBytes(StandardCharsets.UTF_8))).append(' ')
                .append(ENCODE.encodeToString(category.getBytes(StandardCharsets.UTF_8))).append(' ')
                .append(ENCODE.encodeToString(key.getEncoded())).append('\n');
    }

    private static void write(String text, Path target, StandardOpenOption... options) {
        try (FileChannel channel = FileChannel.open(target, options)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new CivitasException("cannot write the key store " + target + ": " + e.getMessage(), e);
        }
    }

    /** Loads the keys in the file. */
    private void read() {
        if (!Files.exists(file)) {
            return;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CivitasException("cannot read the key store " + file + ": " + e.getMessage(), e);
        }
        // A last line without its newline was cut short by a crash before it was synced: nothing used its key.
        String[] lines = text.substring(0, text.lastIndexOf('\n') + 1).split("\n");
        for (int number = 1; number <= lines.length; number++) {
            String[] fields = lines[number - 1].split(" ");
            if (lines[number - 1].isEmpty()) {
                continue;
            }
            if (fields.length != 3) {
                throw new CivitasException(file + ": line " + number + " is not 'person category key'");
            }
            keys.computeIfAbsent(new String(DECODE.decode(fields[0]), StandardCharsets.UTF_8),
                    nobody -> new ConcurrentHashMap<>())
                    .put(new String(DECODE.decode(fields[1]), StandardCharsets.UTF_8),
                            new SecretKeySpec(DECODE.decode(fields[2]), "AES"));
        }
    }
}
