package org.civitas.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tree against the roots Certificate Transparency publishes for its eight test leaves, and every root and proof
 * against the definitions of RFC 9162 worked out the slow way, by recursion over lists.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void givesTheRootsCertificateTransparencyPublishesForItsTestLeaves() {
        MerkleTree tree = new MerkleTree();
        for (String leaf : LEAVES) {
            byte[] entry = HEX.parseHex(leaf);
            tree.append(entry, 0, entry.length);
        }
        for (int size = 1; size <= LEAVES.length; size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("a tree of %d", size).isEqualTo(ROOTS[size - 1]);
        }
        assertThat(HEX.formatHex(tree.root(0))).as("the empty tree")
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void everyRootAndProofIsWhatTheDefinitionsGiveAndChecksAsAVerifierChecksIt() {
        List<byte[]> leafHashes = new ArrayList<>();
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 40; i++) {
            byte[] entry = ("entry " + i).getBytes(StandardCharsets.UTF_8);
            tree.append(entry, 0, entry.length);
            leafHashes.add(Proofs.leafHash(entry));
        }
        for (int n = 1; n <= 40; n++) {
            List<byte[]> leaves = leafHashes.subList(0, n);
            byte[] root = tree.root(n);
            assertThat(root).isEqualTo(mth(leaves));
            for (int m = 0; m < n; m++) {
                List<byte[]> path = tree.inclusionProof(m, n);
                assertThat(hex(path)).isEqualTo(hex(pathByDefinition(m, leaves)));
                assertThat(Proofs.checkInclusion(m, n, leafHashes.get(m), path, root)).isEmpty();
                assertThat(Proofs.checkInclusion(m, n, leafHashes.get((m + 1) % 40), path, root)).isPresent();
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(hex(proof)).isEqualTo(m == n ? List.of() : hex(subproof(m, leaves, true)));
                assertThat(Proofs.checkConsistency(m, n, tree.root(m), root, proof)).isEmpty();
                if (m < n) {
                    assertThat(Proofs.checkConsistency(m, n, tree.root(m), tree.root(n - 1 == m ? m : n - 1), proof))
                            .as("another newer root").isPresent();
                    byte[] rewritten = tree.root(m).clone();
                    rewritten[0] ^= 1;
                    assertThat(Proofs.checkConsistency(m, n, rewritten, root, proof)).as("a rewritten past")
                            .isPresent();
                }
            }
        }
    }

    @Test
    void aProofWithAHashChangedOrMissingIsRefused() {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 11; i++) {
            tree.append(new byte[] {(byte) i}, 0, 1);
        }
        List<byte[]> path = new ArrayList<>(tree.inclusionProof(6, 11));
        byte[] leaf = tree.leafHash(6);
        assertThat(Proofs.checkInclusion(6, 11, leaf, path.subList(0, path.size() - 1), tree.root(11))).isPresent();
        path.set(1, tree.leafHash(0));
        assertThat(Proofs.checkInclusion(6, 11, leaf, path, tree.root(11))).isPresent();
        assertThat(Proofs.checkInclusion(11, 11, leaf, path, tree.root(11))).contains("leaf 11 is not in a tree of 11");
    }

    // The definitions of RFC 9162, section 2.1, over lists of leaf hashes.

    private static byte[] mth(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return node(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    private static List<byte[]> pathByDefinition(int m, List<byte[]> leaves) {
        List<byte[]> path = new ArrayList<>();
        if (leaves.size() == 1) {
            return path;
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        if (m < k) {
            path.addAll(pathByDefinition(m, leaves.subList(0, k)));
            path.add(mth(leaves.subList(k, leaves.size())));
        } else {
            path.addAll(pathByDefinition(m - k, leaves.subList(k, leaves.size())));
            path.add(mth(leaves.subList(0, k)));
        }
        return path;
    }

    private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean complete) {
        List<byte[]> proof = new ArrayList<>();
        int n = leaves.size();
        if (m == n) {
            if (!complete) {
                proof.add(mth(leaves));
            }
            return proof;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            proof.addAll(subproof(m, leaves.subList(0, k), complete));
            proof.add(mth(leaves.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, leaves.subList(k, n), false));
            proof.add(mth(leaves.subList(0, k)));
        }
        return proof;
    }

    private static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = MerkleTree.newSha256();
        sha256.update((byte) 1);
        sha256.update(left);
        return sha256.digest(right);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
