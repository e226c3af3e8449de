package org.civitas.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The checkpoints a log signed, kept in a file (one base64 line each, on disk before the log hands the checkpoint
 * out), so that the ledger can later be checked against every state of it that the log vouched for.
 */
public final class KeptCheckpoints {

    /**
     * What a check of the kept checkpoints found.
     *
     * @param checkpoints how many kept checkpoints were checked before the first wrong one, or in all
     * @param entries how many entries the tree they were checked against holds
     * @param problem what is wrong with the first wrong one, if one is
     */
    public record Check(int checkpoints, long entries, Optional<String> problem) {
    }

    private final Path file;

    public KeptCheckpoints(Path file) {
        this.file = file;
    }

    public boolean exist() {
        return Files.exists(file);
    }

    /** Keeps {@code note}, on disk before it returns. */
    public void keep(String note) {
        appendLine(file, note);
    }

    /** The size of the last checkpoint kept, or -1 if none was. */
    public long lastSize() {
        List<String> notes = notes();
        if (notes.isEmpty()) {
            return -1;
        }
        String note = decode(notes.get(notes.size() - 1));
        int split = note.indexOf("\n\n");
        return Checkpoint.parse(split < 0 ? "" : note.substring(0, split + 1)).map(Checkpoint::size).orElse(-1L);
    }

    /**
     * Checks every kept checkpoint: signed by {@code verifierKey}, and stating the root of {@code tree} at its size,
     * so that no entry it covered was changed, dropped or reordered since.
     */
    public Check check(Optional<String> verifierKey, MerkleTree tree) {
        List<String> notes = notes();
        if (verifierKey.isEmpty()) {
            return new Check(0, tree.size(), Optional.of("checkpoints are kept but the log's key is gone"));
        }
        for (int n = 0; n < notes.size(); n++) {
            Optional<String> wrong = wrongIn(decode(notes.get(n)), verifierKey.get(), tree);
            if (wrong.isPresent()) {
                return new Check(n, tree.size(), Optional.of("kept checkpoint " + (n + 1) + ": " + wrong.get()));
            }
        }
        return new Check(notes.size(), tree.size(), Optional.empty());
    }

    private static Optional<String> wrongIn(String note, String verifierKey, MerkleTree tree) {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(SignedNote.verify(note, verifierKey).body()).orElseThrow(() ->
                    new IllegalArgumentException("it is not a checkpoint"));
        } catch (IllegalArgumentException refused) {
            return Optional.of(refused.getMessage());
        }
        if (checkpoint.size() > tree.size()) {
            return Optional.of("it covers " + checkpoint.size() + " entries; the ledger holds " + tree.size());
        }
        return MessageDigest.isEqual(checkpoint.root(), tree.root(checkpoint.size())) ? Optional.empty()
                : Optional.of("the ledger's first " + checkpoint.size() + " entries are not those it signed");
    }

    private List<String> notes() {
        if (!exist()) {
            return List.of();
        }
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kept checkpoints " + file, e);
        }
    }

    private static String decode(String line) {
        return new String(Base64.getDecoder().decode(line), StandardCharsets.UTF_8);
    }

    /** Appends {@code text} to {@code file}, one to a line, base64-encoded, on disk before it returns. */
    static void appendLine(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep what the log signed in " + file, e);
        }
    }
}
