package org.civitas.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.civitas.InvalidInputException;
import org.civitas.NotPermittedException;
import org.civitas.ledger.FileLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A witness takes a log's checkpoints only as the log grows, cosigns them, and the log shows the cosignatures; a log
 * that shrinks, forks or rewrites what the witness saw is refused.
 */
class WitnessTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path data;
    @TempDir
    Path state;

    @Test
    void aWitnessCosignsEachCheckpointOfAGrowingLogAndTheLogShowsTheCosignature() throws Exception {
        try (FileLedger ledger = FileLedger.open(data); TransparencyLog log = TransparencyLog.open(data, ledger)) {
            ledger.append(Speedings.numbered(0, 6));
            Witness witness = Witness.open(state, "witness.example/w1", log.verifierKey());
            witness.observe(log.signCheckpoint(), log::consistency, NOW);
            ledger.append(Speedings.numbered(6, 19));

            Witness.Taken taken = witness.observe(log.signCheckpoint(), log::consistency, NOW.plusSeconds(60));
            String handedIn = taken.body() + "\n" + taken.cosignature();
            assertThatThrownBy(() -> log.cosign(witness.verifierKey(), handedIn)).as("not listed by the operator")
                    .isInstanceOf(NotPermittedException.class);
            Files.writeString(data.resolve("log").resolve("witnesses"), "# who may cosign\n" + witness.verifierKey()
                    + "\n");
            Witnessing.Cosignature cosignature = log.cosign(witness.verifierKey(), handedIn);

            assertThat(taken.checkpoint().size()).isEqualTo(19);
            assertThat(cosignature.at()).isEqualTo(NOW.plusSeconds(60));
            String shown = log.cosignedCheckpoint();
            assertThat(SignedNote.verify(shown, log.verifierKey()).body()).isEqualTo(taken.body());
            String line = shown.lines().filter(text -> text.startsWith("\u2014 witness.example/w1 ")).findFirst()
                    .orElseThrow();
            assertThat(SignedNote.cosignature(taken.body(), line, witness.verifierKey()).at())
                    .isEqualTo(NOW.plusSeconds(60));
            assertThat(log.cosignatures()).extracting(Witnessing.Cosignature::witness)
                    .containsExactly("witness.example/w1");
            ledger.append(Speedings.numbered(19, 20));
            log.signCheckpoint();
            assertThat(log.cosignedCheckpoint()).as("a newer checkpoint, not yet cosigned")
                    .doesNotContain("witness.example/w1");
            assertThatThrownBy(() -> SignedNote.cosignature(taken.body().replace("19", "18"), line,
                    witness.verifierKey())).hasMessageContaining("does not hold");
        }
    }

    @Test
    void aWitnessThatFirstSawAnEmptyLogTakesItsFirstEntries() throws Exception {
        try (FileLedger ledger = FileLedger.open(data); TransparencyLog log = TransparencyLog.open(data, ledger)) {
            Witness witness = Witness.open(state, "witness.example/w1", log.verifierKey());
            assertThat(witness.observe(log.signCheckpoint(), log::consistency, NOW).checkpoint().size()).isZero();
            ledger.append(Speedings.numbered(0, 3));

            assertThat(witness.observe(log.signCheckpoint(), log::consistency, NOW).checkpoint().size()).isEqualTo(3);
        }
    }

    @Test
    void aLogThatShrinksForksOrRewritesWhatTheWitnessSawIsRefused() throws Exception {
        try (FileLedger ledger = FileLedger.open(data); TransparencyLog log = TransparencyLog.open(data, ledger)) {
            ledger.append(Speedings.numbered(0, 8));
            Witness witness = Witness.open(state, "witness.example/w1", log.verifierKey());
            witness.observe(log.signCheckpoint(), log::consistency, NOW);
            NoteKey logKey = NoteKey.openOrMake(data);
            byte[] otherRoot = new byte[32];

            assertThatThrownBy(() -> witness.observe(logKey.sign(new Checkpoint(log.origin(), 8, otherRoot).body()),
                    log::consistency, NOW)).hasMessageContaining("two roots for 8 entries");
            assertThatThrownBy(() -> witness.observe(logKey.sign(new Checkpoint(log.origin(), 5,
                    otherRoot).body()), log::consistency, NOW)).hasMessageContaining("shrank from 8 to 5");
            ledger.append(Speedings.numbered(8, 12));
            assertThatThrownBy(() -> witness.observe(logKey.sign(new Checkpoint(log.origin(), 12, otherRoot).body()),
                    log::consistency, NOW)).hasMessageContaining("not consistent with the checkpoint of 8");
            assertThat(witness.observe(log.signCheckpoint(), log::consistency, NOW).checkpoint().size())
                    .as("the honest log, still taken").isEqualTo(12);
            Files.writeString(data.resolve("log").resolve("witnesses"), witness.verifierKey() + "\n");
            assertThatThrownBy(() -> log.cosign(witness.verifierKey(), "not a note"))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void aWitnessOfAPartitionTakesThatPartitionsCheckpointsOnlyAndKeepsThemApart() {
        NoteKey logKey = NoteKey.openOrMake(data);
        byte[] root = new MerkleTree().root(0);
        String second = logKey.sign(new Checkpoint(logKey.name() + "/partition/2", 0, root).body());
        String third = logKey.sign(new Checkpoint(logKey.name() + "/partition/3", 0, root).body());
        Witness ofSecond = Witness.ofPartition(state, "witness.example/w1", logKey.verifierKey(), 2);

        assertThat(ofSecond.observe(second, (from, to) -> List.of(), NOW).checkpoint().origin())
                .endsWith("/partition/2");
        assertThatThrownBy(() -> ofSecond.observe(third, (from, to) -> List.of(), NOW))
                .hasMessageContaining("is not the log's, " + logKey.name() + "/partition/2");
        assertThatThrownBy(() -> Witness.open(state, "witness.example/w1", logKey.verifierKey()).observe(second,
                (from, to) -> List.of(), NOW)).as("the whole ledger's log").hasMessageContaining("is not the log's");
        assertThat(state.resolve("partitions").resolve("2").resolve("checkpoint")).exists();
        assertThat(state.resolve("checkpoint")).doesNotExist();
    }
}
