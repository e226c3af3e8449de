package org.civitas.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civitas.ConflictException;
import org.civitas.InvalidInputException;
import org.civitas.NotPermittedException;

/**
 * One log's witnesses, as the log hears them: the checkpoints it signed lately, which a witness may cosign, and each
 * witness's latest cosignature (C2SP {@code tlog-cosignature}), kept in a file of the log's. Only the witnesses the
 * operator lists are heard: a verifier key a line, in a file the logs of one ledger share.
 */
public final class Witnessing {

    /** How many of the latest checkpoints a witness may still cosign. */
    private static final int COSIGNABLE = 64;

    private final Path witnesses;
    private final Path cosigned;
    private final Map<Long, String> recentBodies = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > COSIGNABLE;
        }
    };
    private final Map<String, Cosignature> byWitness = new LinkedHashMap<>();

    /** A witness's cosignature of the checkpoint of {@code size} entries, made at {@code at}. */
    public record Cosignature(String witness, String key, long size, Instant at, String line) {
    }

    /**
     * The witnesses listed in {@code witnesses}, with the cosignatures kept in {@code cosigned} (read now; a line cut
     * short by a crash is passed over, and its witness hands in its next cosignature again).
     */
    public Witnessing(Path witnesses, Path cosigned) {
        this.witnesses = witnesses;
        this.cosigned = cosigned;
        readCosignatures();
    }

    /** Records that the log signed the checkpoint {@code body} of {@code size} entries: witnesses may cosign it. */
    public synchronized void signed(long size, String body) {
        recentBodies.put(size, body);
    }

    /** The latest cosignature of each witness. */
    public synchronized List<Cosignature> cosignatures() {
        return List.copyOf(byWitness.values());
    }

    /** {@code note}, the checkpoint of {@code size} entries, with the lines of the witnesses who cosigned it. */
    public synchronized String cosigned(String note, long size) {
        StringBuilder shown = new StringBuilder(note);
        byWitness.values().stream().filter(cosignature -> cosignature.size() == size)
                .forEach(cosignature -> shown.append(cosignature.line()).append('\n'));
        return shown.toString();
    }

    /**
     * Takes the cosignature by the witness of {@code witnessKey} in {@code note}: one of the log's latest checkpoints
     * with the witness's signature line. The witness must be listed, the checkpoint one this log signed lately, the
     * cosignature must hold, and a witness's cosignature of a smaller log than one it cosigned before is refused.
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
}
