package org.civitas.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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
                String note = log.checkpoint();

                SignedNote.Verified verified = SignedNote.verify(note, log.verifierKey());
                Checkpoint checkpoint = Checkpoint.parse(verified.body()).orElseThrow();
                assertThat(checkpoint.origin()).isEqualTo(log.origin()).startsWith("civitas.log/");
                assertThat(checkpoint.size()).isEqualTo(13);
                assertThat(note).contains("\n\n\u2014 " + log.origin() + " ");
                for (long sequence = 0; sequence < 13; sequence++) {
                    TransparencyLog.Inclusion proof = log.prove(sequence);
                    assertThat(proof.leafHash()).isEqualTo(Proofs.leafHash(proof.entry()));
                    assertThat(Proofs.checkInclusion(proof.index(), proof.treeSize(), proof.leafHash(), proof.path(),
                            checkpoint.root())).isEmpty();
                }

                ledger.append(Speedings.numbered(13, 30));
                Checkpoint later = Checkpoint.parse(SignedNote.verify(log.checkpoint(), log.verifierKey()).body())
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
                first = log.checkpoint();
                key = log.verifierKey();
            }
        }
        try (FileLedger ledger = FileLedger.open(data); TransparencyLog log = TransparencyLog.open(data, ledger)) {
            assertThat(log.verifierKey()).isEqualTo(key);
            assertThat(log.checkpoint()).isEqualTo(first);
        }
        String altered = first.replaceFirst("\n5\n", "\n4\n");
        assertThatThrownBy(() -> SignedNote.verify(altered, key)).hasMessageContaining("does not hold");
        String otherKey = NoteKey.openOrMake(Files.createTempDirectory(data, "other")).verifierKey();
        assertThatThrownBy(() -> SignedNote.verify(first, otherKey)).hasMessageContaining("holds no signature by");
        assertThatThrownBy(() -> SignedNote.verify(first, "not a key")).hasMessageContaining("not a verifier key");
    }
}
