package org.civitas.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TreeFrontierTest {

    @Test
    void theFrontierHasTheRootOfTheWholeTreeAtEverySizeAndSurvivesItsBytes() {
        MerkleTree tree = new MerkleTree();
        TreeFrontier frontier = TreeFrontier.empty();
        assertThat(frontier.root()).isEqualTo(tree.root(0));
        for (int i = 0; i < 300; i++) {
            byte[] entry = ("entry " + i).getBytes(StandardCharsets.UTF_8);
            tree.append(entry, 0, entry.length);
            frontier = TreeFrontier.of(frontier.bytes());
            frontier.append(entry);

            assertThat(frontier.size()).isEqualTo(i + 1);
            assertThat(frontier.root()).as("root at %d leaves", i + 1).isEqualTo(tree.root(i + 1));
            assertThat(frontier.bytes()).hasSize(8 + 32 * Long.bitCount(i + 1));
        }
    }
}
