package org.civitas.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptCheckpointsTest {

    @TempDir
    Path data;

    @Test
    void keptCheckpointsMatchTheTreeTheySignedAndSayWhichOneDoesNot() {
        NoteKey key = NoteKey.openOrMake(data);
        MerkleTree tree = tree(5);
        KeptCheckpoints kept = new KeptCheckpoints(data.resolve("log").resolve("checkpoints"));
        assertThat(kept.exist()).isFalse();
        assertThat(kept.lastSize()).isEqualTo(-1);

        kept.keep(key.sign(new Checkpoint("lakeside", 3, tree.root(3)).body()));
        kept.keep(key.sign(new Checkpoint("lakeside", 5, tree.root(5)).body()));

        assertThat(kept.lastSize()).isEqualTo(5);
        assertThat(kept.check(Optional.of(key.verifierKey()), tree)).isEqualTo(new KeptCheckpoints.Check(2, 5,
                Optional.empty()));
        MerkleTree other = tree(4);
        other.append("not the fifth".getBytes(StandardCharsets.UTF_8), 0, 13);
        assertThat(kept.check(Optional.of(key.verifierKey()), other).problem())
                .contains("kept checkpoint 2: the ledger's first 5 entries are not those it signed");
        assertThat(kept.check(Optional.of(key.verifierKey()), tree(2)).problem())
                .contains("kept checkpoint 1: it covers 3 entries; the ledger holds 2");
        assertThat(kept.check(Optional.empty(), tree).problem())
                .contains("checkpoints are kept but the log's key is gone");
    }

    private static MerkleTree tree(int entries) {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < entries; i++) {
            byte[] entry = ("entry " + i).getBytes(StandardCharsets.UTF_8);
            tree.append(entry, 0, entry.length);
        }
        return tree;
    }
}
