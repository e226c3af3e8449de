package org.civitas.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A witness of a log, kept in a state directory of its own: it remembers the latest checkpoint it took, takes a newer
 * one only with a proof that the log only grew, and cosigns each it takes (C2SP {@code tlog-cosignature}). A log that
 * shrank, or shows two roots for one size, is refused and stays refused: the witness keeps what it saw before.
 */
public final class Witness {

    private final NoteKey key;
    private final String logKey;
    private final String originAfterKeyName;
    private final Path seen;

    private Witness(NoteKey key, String logKey, String originAfterKeyName, Path seen) {
        this.key = key;
        this.logKey = logKey;
        this.originAfterKeyName = originAfterKeyName;
        this.seen = seen;
    }

    /**
     * The witness kept in {@code state} (made with {@code name} on first use) of the log of {@code logKey}, whose
     * origin is the key's name.
     */
    public static Witness open(Path state, String name, String logKey) {
        return new Witness(NoteKey.witness(state.resolve("key"), name), logKey, "", state.resolve("checkpoint"));
    }

    /**
     * The witness kept in {@code state}, as {@link #open} keeps it, of the log of partition {@code partition} of a
     * Kafka ledger topic whose logs {@code logKey} signs: its origin is the key's name and the partition, and what
     * the witness saw of it is kept apart from the other partitions'.
     */
    public static Witness ofPartition(Path state, String name, String logKey, int partition) {
        return new Witness(NoteKey.witness(state.resolve("key"), name), logKey, "/partition/" + partition,
                state.resolve("partitions").resolve(String.valueOf(partition)).resolve("checkpoint"));
    }

    /** The verifier key of this witness's cosignatures. */
    public String verifierKey() {
        return key.verifierKey();
    }

    /** Where the log answers consistency proofs. */
    public interface ConsistencyProofs {
        List<byte[]> between(long from, long to);
    }

    /** A checkpoint taken, and this witness's cosignature of it (a signature line). */
    public record Taken(Checkpoint checkpoint, String body, String cosignature) {
    }

    /**
     * Takes {@code note}, the log's newest signed checkpoint, if the log's key signed it and, against the checkpoint
     * taken before, {@code proofs} show the log only grew (an empty log is a prefix of any); keeps and cosigns it at
     * {@code now}. Refused, saying why, otherwise.
     */
    public Taken observe(String note, ConsistencyProofs proofs, Instant now) {
        SignedNote.Verified verified = SignedNote.verify(note, logKey);
        Checkpoint checkpoint = Checkpoint.parse(verified.body())
                .orElseThrow(() -> new IllegalArgumentException("the log signed a note that is not a checkpoint"));
        String origin = verified.keyName() + originAfterKeyName;
        if (!checkpoint.origin().equals(origin)) {
            throw new IllegalArgumentException("the checkpoint's origin " + checkpoint.origin() + " is not the log's, "
                    + origin);
        }
        Optional<Checkpoint> before = previous();
        if (before.isPresent()) {
            Checkpoint last = before.get();
            if (!last.origin().equals(checkpoint.origin())) {
                throw new IllegalArgumentException("the checkpoint is of " + checkpoint.origin() + ", not of "
                        + last.origin());
            }
            if (checkpoint.size() < last.size()) {
                throw new IllegalArgumentException("the log shrank from " + last.size() + " to " + checkpoint.size()
                        + " entries");
            }
            if (checkpoint.size() == last.size() && !MessageDigest.isEqual(checkpoint.root(), last.root())) {
                throw new IllegalArgumentException("the log shows two roots for " + last.size() + " entries: a"
                        + " split view");
            }
            if (checkpoint.size() > last.size() && last.size() > 0) {
                Proofs.checkConsistency(last.size(), checkpoint.size(), last.root(), checkpoint.root(),
                        proofs.between(last.size(), checkpoint.size()))
                        .ifPresent(why -> {
                            throw new IllegalArgumentException("the log is not consistent with the checkpoint of "
                                    + last.size() + " entries seen before: " + why);
                        });
            }
        }
        keep(note);
        return new Taken(checkpoint, verified.body(), key.cosign(verified.body(), now.getEpochSecond()));
    }

    private Optional<Checkpoint> previous() {
        if (!Files.exists(seen)) {
            return Optional.empty();
        }
        try {
            return Checkpoint.parse(SignedNote.verify(Files.readString(seen), logKey).body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint seen before from " + seen, e);
        }
    }

    private void keep(String note) {
        try {
            Files.createDirectories(seen.getParent());
            Path temporary = Files.createTempFile(seen.getParent(), "checkpoint", ".new");
            Files.writeString(temporary, note);
            Files.move(temporary, seen, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the checkpoint seen in " + seen, e);
        }
    }
}
