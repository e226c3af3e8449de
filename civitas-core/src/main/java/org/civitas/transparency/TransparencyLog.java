package org.civitas.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.ledger.FileLedger;
import org.civitas.ledger.LedgerTail;

/**
 * The transparency log of a ledger: a Merkle tree whose leaf {@code i} is entry {@code i}'s payload as the ledger
 * keeps it (sealed attributes sealed, so that no leaf shows personal data and erasing a person's key changes no leaf),
 * kept up with the ledger; checkpoints of it signed with the log's key, each kept in {@code DIR/log/checkpoints}; and
 * the inclusion and consistency proofs that anyone checks against a checkpoint with standard verifiers.
 */
public final class TransparencyLog implements AutoCloseable {

    private static final int BATCH = 65_536;

    private final FileLedger ledger;
    private final LedgerTail tail;
    private final NoteKey key;
    private final Path kept;
    private final MerkleTree tree = new MerkleTree();
    private String latest;
    private long latestSize = -1;

    private TransparencyLog(FileLedger ledger, NoteKey key, Path kept) {
        this.ledger = ledger;
        this.tail = ledger.tail(0);
        this.key = key;
        this.kept = kept;
    }

    /** The log of {@code ledger}, whose data directory is {@code dataDirectory}: its key made on first start. */
    public static TransparencyLog open(Path dataDirectory, FileLedger ledger) {
        TransparencyLog log = new TransparencyLog(ledger, NoteKey.openOrMake(dataDirectory),
                dataDirectory.resolve("log").resolve("checkpoints"));
        log.catchUp();
        return log;
    }

    /** The verifier key of the log's checkpoints, in the signed-note form. */
    public String verifierKey() {
        return key.verifierKey();
    }

    /** The log's origin, the first line of each of its checkpoints. */
    public String origin() {
        return key.name();
    }

    /** How many entries the tree holds. */
    public synchronized long size() {
        return tree.size();
    }

    /**
     * The latest checkpoint, a signed note: signed anew, and kept, if the ledger grew since the last one was signed.
     */
    public synchronized String checkpoint() {
        catchUp();
        if (latestSize != tree.size()) {
            latest = key.sign(new Checkpoint(key.name(), tree.size(), tree.root(tree.size())).body());
            latestSize = tree.size();
            keep(latest);
        }
        return latest;
    }

    /** The proof that entry {@code sequence} is in the log, against the latest checkpoint. */
    public record Inclusion(long index, long treeSize, byte[] entry, byte[] leafHash, List<byte[]> path,
            String checkpoint) {
    }

    public synchronized Inclusion prove(long sequence) {
        String signed = checkpoint();
        if (sequence < 0 || sequence >= latestSize) {
            throw new NotFoundException("the log holds no entry " + sequence);
        }
        return new Inclusion(sequence, latestSize, entry(sequence), tree.leafHash(sequence),
                tree.inclusionProof(sequence, latestSize), signed);
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
        while (tail.pollPayloads(BATCH, (sequence, buffer, offset, length) -> tree.append(buffer, offset, length))
                > 0) {
            // the tree follows the ledger one batch at a time
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

    /** Appends {@code note} to the kept checkpoints, one to a line, base64-encoded. */
    private void keep(String note) {
        try {
            Files.createDirectories(kept.getParent());
            Files.writeString(kept, Base64.getEncoder().encodeToString(note.getBytes(StandardCharsets.UTF_8)) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a checkpoint in " + kept, e);
        }
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
