package org.civitas.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.ledger.FileLedger;
import org.civitas.ledger.LedgerTail;

/**
 * The transparency log of a ledger: a Merkle tree whose leaf {@code i} is entry {@code i}'s payload as the ledger
 * keeps it (sealed attributes sealed, so that no leaf shows personal data and erasing a person's key changes no leaf),
 * kept up with the ledger; checkpoints of it signed with the log's key, each kept in {@code DIR/log/checkpoints}; the
 * inclusion and consistency proofs that anyone checks against a checkpoint with standard verifiers; and the
 * cosignatures of the witnesses its operator lists ({@code DIR/log/witnesses}), who vouch that they saw the log only
 * grow ({@code DIR/log/cosignatures}).
 */
public final class TransparencyLog implements LedgerLogs, AutoCloseable {

    private static final int BATCH = 65_536;

    private final FileLedger ledger;
    private final LedgerTail tail;
    private final NoteKey key;
    private final KeptCheckpoints kept;
    private final Witnessing witnessing;
    private final MerkleTree tree = new MerkleTree();
    private String latest;
    private long latestSize = -1;

    private TransparencyLog(FileLedger ledger, NoteKey key, Path directory) {
        this.ledger = ledger;
        this.tail = ledger.tail(0);
        this.key = key;
        this.kept = new KeptCheckpoints(directory.resolve("checkpoints"));
        this.witnessing = new Witnessing(directory.resolve("witnesses"), directory.resolve("cosignatures"));
    }

    /** The log of {@code ledger}, whose data directory is {@code dataDirectory}: its key made on first start. */
    public static TransparencyLog open(Path dataDirectory, FileLedger ledger) {
        return open(dataDirectory, ledger, entries -> { });
    }

    /** Opens the log as {@link #open(Path, FileLedger)} does, telling {@code built} how many entries the tree holds. */
    public static TransparencyLog open(Path dataDirectory, FileLedger ledger, LongConsumer built) {
        TransparencyLog log = new TransparencyLog(ledger, NoteKey.openOrMake(dataDirectory),
                dataDirectory.resolve("log"));
        log.catchUp(built);
        return log;
    }

    /** Whether {@code dataDirectory} has kept any checkpoint of its log. */
    public static boolean kept(Path dataDirectory) {
        return keptIn(dataDirectory).exist();
    }

    /**
     * Checks, offline, every checkpoint the log of {@code dataDirectory} kept: each signed by the log's key, and each
     * stating the root of the ledger's tree at its size as the ledger holds it now, so that no entry it covered was
     * changed, dropped or reordered since.
     */
    public static KeptCheckpoints.Check checkKept(Path dataDirectory) {
        MerkleTree tree = new MerkleTree();
        FileLedger.readPayloads(dataDirectory, (sequence, buffer, offset, length) -> tree.append(buffer, offset,
                length));
        return keptIn(dataDirectory).check(NoteKey.existingVerifierKey(dataDirectory), tree);
    }

    private static KeptCheckpoints keptIn(Path dataDirectory) {
        return new KeptCheckpoints(dataDirectory.resolve("log").resolve("checkpoints"));
    }

    /** The file ledger has one log. */
    @Override
    public int count() {
        return 1;
    }

    /** The verifier key of the log's checkpoints, in the signed-note form. */
    @Override
    public String verifierKey() {
        return key.verifierKey();
    }

    /** The log's origin, the first line of each of its checkpoints. */
    public String origin() {
        return key.name();
    }

    /** The latest checkpoint, a signed note; the first is signed when first asked for. */
    public synchronized String checkpoint() {
        return latest == null ? signCheckpoint() : latest;
    }

    /** Signs a new checkpoint, and keeps it, if the ledger grew since the last one was signed; returns the latest. */
    public synchronized String signCheckpoint() {
        catchUp();
        if (latestSize != tree.size()) {
            String body = new Checkpoint(key.name(), tree.size(), tree.root(tree.size())).body();
            latest = key.sign(body);
            latestSize = tree.size();
            witnessing.signed(latestSize, body);
            kept.keep(latest);
        }
        return latest;
    }

    /** The latest checkpoint, cosigned, of the one log there is: log 0. */
    @Override
    public String checkpoint(int log) {
        refuseOtherThanTheOne(log);
        return cosignedCheckpoint();
    }

    @Override
    public void signCheckpoints() {
        signCheckpoint();
    }

    /** The latest checkpoint with the cosignatures of the witnesses who cosigned it. */
    public synchronized String cosignedCheckpoint() {
        return witnessing.cosigned(checkpoint(), latestSize);
    }

    /** The latest cosignature of each witness. */
    public List<Witnessing.Cosignature> cosignatures() {
        return witnessing.cosignatures();
    }

    @Override
    public List<Witnessing.Cosignature> cosignatures(int log) {
        refuseOtherThanTheOne(log);
        return cosignatures();
    }

    /** Takes a witness's cosignature of one of the latest checkpoints: see {@link Witnessing#cosign}. */
    @Override
    public Witnessing.Cosignature cosign(String witnessKey, String note) {
        return witnessing.cosign(witnessKey, note);
    }

    /** The proof that entry {@code sequence} is in the log, against the latest checkpoint. */
    @Override
    public Inclusion prove(long sequence) {
        String signed;
        long treeSize;
        byte[] leafHash;
        List<byte[]> path;
        synchronized (this) {
            signed = sequence < latestSize ? checkpoint() : signCheckpoint();
            if (sequence < 0 || sequence >= latestSize) {
                throw new NotFoundException("the log holds no entry " + sequence);
            }
            treeSize = latestSize;
            leafHash = tree.leafHash(sequence);
            path = tree.inclusionProof(sequence, treeSize);
        }
        return new Inclusion(sequence, treeSize, entry(sequence), leafHash, path, signed);
    }

    @Override
    public List<byte[]> consistency(int log, long from, long to) {
        refuseOtherThanTheOne(log);
        return consistency(from, to);
    }

    /** Refuses a log other than 0, the one there is. */
    private static void refuseOtherThanTheOne(int log) {
        if (log != 0) {
            throw new InvalidInputException("partition", "the file ledger is one log, 0, not " + log);
        }
    }

    /** The proof that the log at {@code from} entries is a prefix of the log at {@code to} entries. */
    public synchronized List<byte[]> consistency(long from, long to) {
        catchUp();
        if (from < 1 || from > to || to > tree.size()) {
            throw new InvalidInputException(from < 1 || from > to ? "from" : "to", "sizes from 1 to the log's "
                    + tree.size() + ", from no larger than to; not from " + from + " to " + to);
        }
        return tree.consistencyProof(from, to);
    }

    private void catchUp() {
        catchUp(entries -> { });
    }

    /** Takes the entries the ledger committed since, one batch at a time, telling {@code built} after each. */
    private void catchUp(LongConsumer built) {
        while (tail.pollPayloads(BATCH, (sequence, buffer, offset, length) -> tree.append(buffer, offset,
                length)) > 0) {
            built.accept(tree.size());
        }
    }

    /** The payload of entry {@code sequence}, as its leaf hashes it. */
    private byte[] entry(long sequence) {
        byte[][] found = new byte[1][];
        try (LedgerTail one = ledger.tail(sequence)) {
            one.pollPayloads(1, (at, buffer, offset, length) -> found[0] = Arrays.copyOfRange(buffer, offset,
                    offset + length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(found[0]).orElseThrow(() -> new NotFoundException("the ledger holds no entry "
                + sequence));
    }

    @Override
    public void close() {
        try {
            tail.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the log's reader of the ledger", e);
        }
    }
}
