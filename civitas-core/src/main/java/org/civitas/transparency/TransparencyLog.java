package org.civitas.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.civitas.ConflictException;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.NotPermittedException;
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
    /** How many of the latest checkpoints a witness may still cosign. */
    private static final int COSIGNABLE = 64;

    private final FileLedger ledger;
    private final LedgerTail tail;
    private final NoteKey key;
    private final KeptCheckpoints kept;
    private final Path cosigned;
    private final Path witnesses;
    private final MerkleTree tree = new MerkleTree();
    private final Map<Long, String> recentBodies = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > COSIGNABLE;
        }
    };
    private final Map<String, Cosignature> byWitness = new LinkedHashMap<>();
    private String latest;
    private long latestSize = -1;

    private TransparencyLog(FileLedger ledger, NoteKey key, Path directory) {
        this.ledger = ledger;
        this.tail = ledger.tail(0);
        this.key = key;
        this.kept = new KeptCheckpoints(directory.resolve("checkpoints"));
        this.cosigned = directory.resolve("cosignatures");
        this.witnesses = directory.resolve("witnesses");
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
        log.readCosignatures();
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
            recentBodies.put(latestSize, body);
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
        StringBuilder note = new StringBuilder(checkpoint());
        byWitness.values().stream().filter(cosignature -> cosignature.size() == latestSize)
                .forEach(cosignature -> note.append(cosignature.line()).append('\n'));
        return note.toString();
    }

    /** A witness's cosignature of the checkpoint of {@code size} entries, made at {@code at}. */
    public record Cosignature(String witness, String key, long size, Instant at, String line) {
    }

    /** The latest cosignature of each witness. */
    public synchronized List<Cosignature> cosignatures() {
        return List.copyOf(byWitness.values());
    }

    /**
     * Takes the cosignature by the witness of {@code witnessKey} in {@code note}: one of the log's latest checkpoints
     * with the witness's signature line. Only witnesses the operator lists in {@code DIR/log/witnesses} (a verifier key
     * a line) are heard; the checkpoint must be one this log signed lately, the cosignature must hold, and a witness's
     * cosignature of a smaller log than one it cosigned before is refused.
     */
    public synchronized Cosignature cosign(String witnessKey, String note) {
        String key = witnessKey.strip();
        if (!listedWitnesses().contains(key)) {
            throw new NotPermittedException("this log hears only the witnesses its operator lists in "
                    + witnesses + ", a verifier key a line");
        }
        int split = note.indexOf("\n\n");
        String body = split < 0 ? "" : note.substring(0, split + 1);
        Optional<Checkpoint> checkpoint = Checkpoint.parse(body);
        if (checkpoint.isEmpty() || !body.equals(recentBodies.get(checkpoint.get().size()))) {
            throw new InvalidInputException("note", "not one of the " + COSIGNABLE + " latest checkpoints of this log");
        }
        String name = key.split("\\+", 2)[0];
        String line = note.substring(split + 2).lines().filter(text -> text.startsWith("\u2014 " + name + " "))
                .findFirst().orElseThrow(() -> new InvalidInputException("note", "it holds no line signed by "
                        + name));
        SignedNote.Cosignature holds;
        try {
            holds = SignedNote.cosignature(body, line, key);
        } catch (IllegalArgumentException refused) {
            throw new InvalidInputException("note", refused.getMessage());
        }
        Cosignature before = byWitness.get(key);
        if (before != null && before.size() > checkpoint.get().size()) {
            throw new ConflictException(name + " cosigned " + before.size() + " entries already; not fewer now");
        }
        Cosignature cosignature = new Cosignature(name, key, checkpoint.get().size(), holds.at(), holds.line());
        byWitness.put(key, cosignature);
        KeptCheckpoints.appendLine(cosigned, cosignature.key() + "\t" + cosignature.size() + "\t"
                + cosignature.at().getEpochSecond() + "\t" + cosignature.line());
        return cosignature;
    }

    /** The verifier keys of the witnesses the operator lists, one a line; none if there is no list. */
    private Set<String> listedWitnesses() {
        try {
            return Files.exists(witnesses) ? Files.readAllLines(witnesses).stream().map(String::strip)
                    .filter(text -> !text.isEmpty() && !text.startsWith("#")).collect(Collectors.toSet()) : Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the list of witnesses " + witnesses, e);
        }
    }

    private void readCosignatures() {
        if (!Files.exists(cosigned)) {
            return;
        }
        try {
            for (String kept : Files.readAllLines(cosigned)) {
                try {
                    String[] fields = new String(Base64.getDecoder().decode(kept), StandardCharsets.UTF_8)
                            .split("\t", 4);
                    byWitness.put(fields[0], new Cosignature(fields[0].split("\\+", 2)[0], fields[0],
                            Long.parseLong(fields[1]), Instant.ofEpochSecond(Long.parseLong(fields[2])), fields[3]));
                } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException damaged) {
                    // a line cut short by a crash: the witness hands in its next cosignature again
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cosignatures kept in " + cosigned, e);
        }
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
