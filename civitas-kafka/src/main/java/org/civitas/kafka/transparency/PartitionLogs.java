package org.civitas.kafka.transparency;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civitas.CivitasException;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.event.EventKey;
import org.civitas.kafka.runtime.KafkaLedger;
import org.civitas.kafka.runtime.KafkaSettings;
import org.civitas.kafka.streams.PersonPartitions;
import org.civitas.ledger.EntryBody;
import org.civitas.transparency.Checkpoint;
import org.civitas.transparency.Inclusion;
import org.civitas.transparency.KeptCheckpoints;
import org.civitas.transparency.MerkleTree;
import org.civitas.transparency.NoteKey;

/**
 * The transparency log of a Kafka runtime's ledger, one log a partition: each a Merkle tree over its partition's
 * entries, a leaf an entry's payload as the embedded log's leaf is (sealed parts sealed, so that no leaf shows
 * personal data and erasing a person's key changes none), read from the ledger topic as committed. One key, kept in
 * the runtime's data directory, signs every partition's checkpoints; a checkpoint's origin names its partition
 * ({@link #origin}), and each one signed is kept in {@code DIR/log/partitions/N/checkpoints}, to check the topic
 * against later.
 */
public final class PartitionLogs {

    private final NoteKey key;
    private final Path dataDirectory;
    private final List<MerkleTree> trees;
    private final Optional<Wanted> wanted;
    private final Optional<Entry> found;

    /** An entry of a partition: where it is, and its payload, the bytes its leaf hashes. */
    public record Entry(int partition, long index, byte[] payload) {
    }

    private PartitionLogs(NoteKey key, Path dataDirectory, List<MerkleTree> trees, Optional<Wanted> wanted,
            Optional<Entry> found) {
        this.key = key;
        this.dataDirectory = dataDirectory;
        this.trees = trees;
        this.wanted = wanted;
        this.found = found;
    }

    /**
     * The logs of every partition as the ledger topic holds them now; their key is made in {@code dataDirectory} if
     * it has none.
     */
    public static PartitionLogs read(KafkaSettings settings, Path dataDirectory) {
        return read(settings, dataDirectory, Optional.empty(), Optional.empty());
    }

    /**
     * The logs as {@link #read(KafkaSettings, Path)} reads them, finding on the way {@code person}'s event
     * {@code id} (of {@code source}, if given; two of the person's events with that id and no source are refused).
     */
    public static PartitionLogs finding(KafkaSettings settings, Path dataDirectory, String person, String id,
            Optional<String> source) {
        return read(settings, dataDirectory, Optional.of(person), Optional.of(new Wanted(person, id, source)));
    }

    private record Wanted(String person, String id, Optional<String> source) {

        boolean is(EventKey key) {
            return key.id().equals(id) && source.map(key.source()::equals).orElse(true);
        }

        @Override
        public String toString() {
            return person + "'s event '" + id + "'" + source.map(name -> " from " + name).orElse("");
        }
    }

    private static PartitionLogs read(KafkaSettings settings, Path dataDirectory, Optional<String> person,
            Optional<Wanted> wanted) {
        Taking taking = new Taking(settings, dataDirectory, person, wanted);
        KafkaLedger.read(settings, taking);
        return taking.logs();
    }

    /**
     * What takes the entries of the ledger topic into the logs, as a read of it hands them out, for a reader that
     * reads the topic for more than the logs ({@code verify}, say): one read, not two.
     */
    public static Taking taking(KafkaSettings settings, Path dataDirectory) {
        return new Taking(settings, dataDirectory, Optional.empty(), Optional.empty());
    }

    /** Takes each entry into its partition's log, finding on the way the event sought, if one is. */
    public static final class Taking implements KafkaLedger.EntryVisitor {

        private final Path dataDirectory;
        private final List<MerkleTree> trees;
        private final Optional<String> person;
        private final Optional<Wanted> wanted;
        private final int own;
        private final List<Entry> matches = new ArrayList<>();

        private Taking(KafkaSettings settings, Path dataDirectory, Optional<String> person, Optional<Wanted> wanted) {
            this.dataDirectory = dataDirectory;
            this.person = person;
            this.wanted = wanted;
            this.own = person.map(name -> PersonPartitions.of(name, settings.partitions())).orElse(-1);
            this.trees = emptyTrees(settings.partitions());
        }

        @Override
        public void entry(int partition, String recordKey, byte[] body) {
            MerkleTree tree = trees.get(partition);
            byte[] payload = EntryBody.payload(body);
            if (partition == own && person.get().equals(recordKey) && wanted.get().is(keyOf(body))) {
                matches.add(new Entry(partition, tree.size(), payload));
            }
            tree.append(payload, 0, payload.length);
        }

        /** The logs of the entries taken; their key is made in the data directory if it has none. */
        public PartitionLogs logs() {
            if (matches.size() > 1) {
                throw new InvalidInputException("source", "events of " + matches.size() + " sources have the id '"
                        + wanted.get().id() + "': name one");
            }
            return new PartitionLogs(NoteKey.openOrMake(dataDirectory), dataDirectory, trees, wanted,
                    matches.stream().findFirst());
        }
    }

    /** Empty logs of {@code partitions} partitions, to grow entry by entry; their key is made if there is none. */
    static PartitionLogs growing(int partitions, Path dataDirectory) {
        return new PartitionLogs(NoteKey.openOrMake(dataDirectory), dataDirectory, emptyTrees(partitions),
                Optional.empty(), Optional.empty());
    }

    private static List<MerkleTree> emptyTrees(int partitions) {
        List<MerkleTree> trees = new ArrayList<>(partitions);
        for (int partition = 0; partition < partitions; partition++) {
            trees.add(new MerkleTree());
        }
        return trees;
    }

    /** Takes the next entry of {@code partition} into its log: the payload of its body, as its leaf hashes it. */
    void append(int partition, byte[] body) {
        byte[] payload = EntryBody.payload(body);
        tree(partition).append(payload, 0, payload.length);
    }

    /** The leaf hash of entry {@code index} of {@code partition}. */
    byte[] leafHash(int partition, long index) {
        return tree(partition).leafHash(index);
    }

    /** The path from entry {@code index} of {@code partition} to the root of its log at {@code size} entries. */
    List<byte[]> inclusionProof(int partition, long index, long size) {
        return tree(partition).inclusionProof(index, size);
    }

    /** Whether a checkpoint of any partition was ever kept in {@code dataDirectory}. */
    public static boolean kept(Path dataDirectory) {
        return Files.exists(dataDirectory.resolve("log").resolve("partitions"));
    }

    private static EventKey keyOf(byte[] body) {
        try {
            return EntryBody.key(body);
        } catch (CivitasException unreadable) {
            return new EventKey("", "");
        }
    }

    /** The origin of {@code partition}'s checkpoints: the key's name and the partition. */
    public String origin(int partition) {
        return key.name() + "/partition/" + partition;
    }

    /** The verifier key of every partition's checkpoints, in the signed-note form. */
    public String verifierKey() {
        return key.verifierKey();
    }

    public int partitions() {
        return trees.size();
    }

    /** How many entries {@code partition}'s log holds. */
    public long size(int partition) {
        return tree(partition).size();
    }

    /** A checkpoint of {@code partition}'s log as it stands, signed, and kept unless the last kept is of its size. */
    public String signCheckpoint(int partition) {
        MerkleTree tree = tree(partition);
        String signed = key.sign(new Checkpoint(origin(partition), tree.size(), tree.root(tree.size())).body());
        KeptCheckpoints kept = kept(dataDirectory, partition);
        if (kept.lastSize() != tree.size()) {
            kept.keep(signed);
        }
        return signed;
    }

    /** The event this was read {@link #finding}, with the proof that it is in its partition's log. */
    public Inclusion proveFound() {
        Entry entry = found.orElseThrow(() -> new NotFoundException("the ledger holds no " + wanted.map(
                Wanted::toString).orElse("event sought: read the logs finding one")));
        MerkleTree tree = tree(entry.partition());
        return new Inclusion(entry.index(), tree.size(), entry.payload(), tree.leafHash(entry.index()),
                tree.inclusionProof(entry.index(), tree.size()), signCheckpoint(entry.partition()));
    }

    /** The event this was read {@link #finding}: which partition, where in it. */
    public Optional<Entry> found() {
        return found;
    }

    /** The proof that {@code partition}'s log at {@code from} entries is a prefix of its log at {@code to}. */
    public List<byte[]> consistency(int partition, long from, long to) {
        MerkleTree tree = tree(partition);
        if (from < 1 || from > to || to > tree.size()) {
            throw new InvalidInputException(from < 1 || from > to ? "from" : "to", "sizes from 1 to partition "
                    + partition + "'s " + tree.size() + " entries, from no larger than to; not from " + from + " to "
                    + to);
        }
        return tree.consistencyProof(from, to);
    }

    /**
     * Checks every partition's kept checkpoints against its log as the topic holds it now: each signed by the key,
     * each the root of the log at its size. A partition with none kept is checked as holding none.
     */
    public List<KeptCheckpoints.Check> checkKept() {
        List<KeptCheckpoints.Check> checks = new ArrayList<>();
        for (int partition = 0; partition < trees.size(); partition++) {
            checks.add(kept(dataDirectory, partition).check(Optional.of(verifierKey()), trees.get(partition)));
        }
        return checks;
    }

    private MerkleTree tree(int partition) {
        if (partition < 0 || partition >= trees.size()) {
            throw new InvalidInputException("partition", "a partition from 0 to " + (trees.size() - 1) + ", not "
                    + partition);
        }
        return trees.get(partition);
    }

    private static KeptCheckpoints kept(Path dataDirectory, int partition) {
        return new KeptCheckpoints(dataDirectory.resolve("log").resolve("partitions").resolve(String.valueOf(
                partition)).resolve("checkpoints"));
    }
}
