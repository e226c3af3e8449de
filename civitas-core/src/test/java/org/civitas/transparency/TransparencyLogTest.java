package org.civitas.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.civitas.ledger.FileLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log of a real ledger: signed checkpoints a note verifier accepts, and proofs that check against them. */
class TransparencyLogTest {

    @TempDir
    Path data;

    @Test
    void aCheckpointIsASignedNoteOfTheTreeOverTheLedgerAndEveryEntryProvesAgainstIt() throws Exception {
        try (FileLedger ledger = FileLedger.open(data)) {
            ledger.append(Speedings.numbered(0, 13));
            try (TransparencyLog log = TransparencyLog.open(data, ledger)) {
                String note = log.signCheckpoint();

                SignedNote.Verified verified = SignedNote.verify(note, log.verifierKey());
                Checkpoint checkpoint = Checkpoint.parse(verified.body()).orElseThrow();
                assertThat(checkpoint.origin()).isEqualTo(log.origin()).startsWith("civitas.log/");
                assertThat(checkpoint.size()).isEqualTo(13);
                assertThat(note).contains("\n\n\u2014 " + log.origin() + " ");
                for (long sequence = 0; sequence < 13; sequence++) {
                    Inclusion proof = log.prove(sequence);
                    assertThat(proof.leafHash()).isEqualTo(Proofs.leafHash(proof.entry()));
                    assertThat(Proofs.checkInclusion(proof.index(), proof.treeSize(), proof.leafHash(), proof.path(),
                            checkpoint.root())).isEmpty();
                }

                ledger.append(Speedings.numbered(13, 30));
                Checkpoint later = Checkpoint.parse(SignedNote.verify(log.signCheckpoint(), log.verifierKey()).body())
                        .orElseThrow();
                assertThat(later.size()).isEqualTo(30);
                assertThat(Proofs.checkConsistency(13, 30, checkpoint.root(), later.root(), log.consistency(13, 30)))
                        .isEmpty();
                assertThat(Files.readAllLines(data.resolve("log").resolve("checkpoints"))).as("each kept")
                        .hasSize(2);
            }
        }
    }

    @Test
    void aRestartedLogHasTheSameKeyAndTreeAndANoteAlteredOrSignedByAnotherKeyIsRefused() throws Exception {
        String first;
        String key;
        try (FileLedger ledger = FileLedger.open(data)) {
            ledger.append(Speedings.numbered(0, 5));
            try (TransparencyLog log = TransparencyLog.open(data, ledger)) {
                first = log.signCheckpoint();
                key = log.verifierKey();
            }
        }
        try (FileLedger ledger = FileLedger.open(data); TransparencyLog log = TransparencyLog.open(data, ledger)) {
            assertThat(log.verifierKey()).isEqualTo(key);
            assertThat(log.signCheckpoint()).isEqualTo(first);
        }
        String altered = first.replaceFirst("\n5\n", "\n4\n");
        assertThatThrownBy(() -> SignedNote.verify(altered, key)).hasMessageContaining("does not hold");
        String otherKey = NoteKey.openOrMake(Files.createTempDirectory(data, "other")).verifierKey();
        assertThatThrownBy(() -> SignedNote.verify(first, otherKey)).hasMessageContaining("holds no signature by");
        assertThatThrownBy(() -> SignedNote.verify(first, "not a key")).hasMessageContaining("not a verifier key");
    }

    @Test
    void theKeptCheckpointsMatchTheLedgerTheySignedAndNotALedgerRewrittenUnderThem(@TempDir Path other)
            throws Exception {
        try (FileLedger ledger = FileLedger.open(data); TransparencyLog log = TransparencyLog.open(data, ledger)) {
            ledger.append(Speedings.numbered(0, 7));
            log.signCheckpoint();
            ledger.append(Speedings.numbered(7, 9));
            log.signCheckpoint();
        }
        assertThat(TransparencyLog.checkKept(data)).isEqualTo(new KeptCheckpoints.Check(2, 9, Optional.empty()));

        try (FileLedger rewritten = FileLedger.open(other)) {
            rewritten.append(Speedings.numbered(1, 10));
        }
        copy(data.resolve("keys"), other.resolve("keys"));
        copy(data.resolve("log"), other.resolve("log"));
        assertThat(TransparencyLog.checkKept(other).problem()).contains("kept checkpoint 1: the ledger's first 7"
                + " entries are not those it signed");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }
}
