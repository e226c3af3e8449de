package org.civitas.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.civitas.CivitasException;

/**
 * The key each person's personal-only data of each category is sealed with, kept apart from the ledger and from
 * every projection, in {@code DIR/keys/}. Destroying a key erases what it sealed, everywhere at once, while the ledger
 * that holds the sealed bytes stays intact and verifiable.
 *
 * <p>Keys are spread over 256 files by a hash of the person. A new key is appended to its file, and forced to disk by
 * {@link #sync()} before anything sealed with it is committed; erasing rewrites the file without the person's keys
 * and replaces it atomically. Thread-safe.
 */
public final class PersonalKeys {

    private static final int SHARDS = 256;
    private static final int KEY_BYTES = 32;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final Path directory;
    private final SecureRandom random = new SecureRandom();
    private final Shard[] shards = new Shard[SHARDS];

    private PersonalKeys(Path directory) {
        this.directory = directory;
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new Shard(directory.resolve(String.format("%02x.keys", i)));
        }
    }

    /** The key store of a data directory, created if need be. */
    public static PersonalKeys open(Path dataDirectory) {
        Path directory = dataDirectory.resolve("keys");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CivitasException("cannot create the key store " + directory + ": " + e.getMessage(), e);
        }
        return new PersonalKeys(directory);
    }

    /** The key of {@code person}'s data of {@code category}, made now if there is none (until {@link #sync()}). */
    public SecretKey keyFor(String person, String category) {
        return shardOf(person).keyFor(person, category, random);
    }

    /** The key of {@code person}'s data of {@code category}, if it exists and was not erased. */
    public Optional<SecretKey> existing(String person, String category) {
        return shardOf(person).existing(person, category);
    }

    /** Forces every key made since the last call to disk; call before committing what they sealed. */
    public void sync() {
        for (Shard shard : shards) {
            shard.sync();
        }
    }

    /**
     * Destroys {@code person}'s keys of {@code categories}: what they sealed can never be read again. Returns the
     * categories that had a key.
     */
    public List<String> erase(String person, Collection<String> categories) {
        List<String> erased = shardOf(person).erase(person, categories);
        if (!erased.isEmpty()) {
            forceDirectory();
        }
        return erased;
    }

    /** The shard of a person: the top byte of their id's (specified, hence stable) hash, mixed. */
    private Shard shardOf(String person) {
        return shards[(person.hashCode() * 0x9E3779B9) >>> 24];
    }

    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file of keys, read on first use; one line per key: person, category and key, each base64url. */
    private static final class Shard {

        private final Path file;
        private Map<String, SecretKey> keys;
        private final List<String> unsynced = new ArrayList<>();

        Shard(Path file) {
            this.file = file;
        }

        synchronized SecretKey keyFor(String person, String category, SecureRandom random) {
            Map<String, SecretKey> loaded = loaded();
            String name = name(person, category);
            SecretKey key = loaded.get(name);
            if (key == null) {
                byte[] bytes = new byte[KEY_BYTES];
                random.nextBytes(bytes);
                key = new SecretKeySpec(bytes, "AES");
                loaded.put(name, key);
                unsynced.add(name + ' ' + ENCODE.encodeToString(bytes) + '\n');
            }
            return key;
        }

        synchronized Optional<SecretKey> existing(String person, String category) {
            return Optional.ofNullable(loaded().get(name(person, category)));
        }

        synchronized void sync() {
            if (unsynced.isEmpty()) {
                return;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(String.join("", unsynced).getBytes(StandardCharsets.US_ASCII)));
                channel.force(false);
            } catch (IOException e) {
                throw new CivitasException("cannot write the key store " + file + ": " + e.getMessage(), e);
            }
            unsynced.clear();
        }

        synchronized List<String> erase(String person, Collection<String> categories) {
            sync();
            Map<String, SecretKey> loaded = loaded();
            List<String> erased = new ArrayList<>();
            for (String category : categories) {
                if (loaded.remove(name(person, category)) != null) {
                    erased.add(category);
                }
            }
            if (!erased.isEmpty()) {
                rewrite(loaded);
            }
            return erased;
        }

        private void rewrite(Map<String, SecretKey> remaining) {
            StringBuilder text = new StringBuilder();
            remaining.forEach((name, key) -> text.append(name).append(' ')
                    .append(ENCODE.encodeToString(key.getEncoded())).append('\n'));
            Path fresh = file.resolveSibling(file.getFileName() + ".new");
            try (FileChannel channel = FileChannel.open(fresh, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII)));
                channel.force(false);
            } catch (IOException e) {
                throw new CivitasException("cannot rewrite the key store " + file + ": " + e.getMessage(), e);
            }
            try {
                Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new CivitasException("cannot replace the key store " + file + ": " + e.getMessage(), e);
            }
        }

        private Map<String, SecretKey> loaded() {
            if (keys == null) {
                keys = read();
            }
            return keys;
        }

        private Map<String, SecretKey> read() {
            Map<String, SecretKey> read = new HashMap<>();
            if (!Files.exists(file)) {
                return read;
            }
            try {
                String text = Files.readString(file, StandardCharsets.US_ASCII);
                // A last line without its newline was cut short by a crash before it was synced: nothing used it.
                String[] lines = text.substring(0, text.lastIndexOf('\n') + 1).split("\n");
                int number = 0;
                for (String line : lines) {
                    number++;
                    if (line.isEmpty()) {
                        continue;
                    }
                    int space = line.lastIndexOf(' ');
                    if (space < 0) {
                        throw new CivitasException(file + ": line " + number + " is not 'person.category key'");
                    }
                    read.put(line.substring(0, space), new SecretKeySpec(DECODE.decode(line.substring(space + 1)),
                            "AES"));
                }
            } catch (IOException e) {
                throw new CivitasException("cannot read the key store " + file + ": " + e.getMessage(), e);
            }
            return read;
        }

        private static String name(String person, String category) {
            return ENCODE.encodeToString(person.getBytes(StandardCharsets.UTF_8)) + '.'
                    + ENCODE.encodeToString(category.getBytes(StandardCharsets.UTF_8));
        }
    }
}
