package org.civitas.transparency;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the proofs of a {@link MerkleTree} as any RFC 9162 verifier does (sections 2.1.3.2 and 2.1.4.2), from the
 * hashes alone: whoever holds a signed checkpoint needs nothing else from the log to check it.
 */
public final class Proofs {

    private Proofs() {
    }

    /** Why {@code path} does not prove leaf {@code index} with hash {@code leafHash} in the tree of {@code root}. */
    public static Optional<String> checkInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> path,
            byte[] root) {
        if (index < 0 || index >= treeSize) {
            return Optional.of("leaf " + index + " is not in a tree of " + treeSize);
        }
        MessageDigest sha256 = MerkleTree.newSha256();
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return Optional.of("the path is longer than a tree of " + treeSize + " leaves has room for");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(sha256, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(sha256, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            return Optional.of("the path is shorter than a tree of " + treeSize + " leaves needs");
        }
        return MessageDigest.isEqual(r, root) ? Optional.empty()
                : Optional.of("the path leads to another root than the checkpoint's");
    }

    /**
     * Why {@code proof} does not show that the tree of {@code from} leaves and root {@code fromRoot} is a prefix of the
     * tree of {@code to} leaves and root {@code toRoot}.
     */
    public static Optional<String> checkConsistency(long from, long to, byte[] fromRoot, byte[] toRoot,
            List<byte[]> proof) {
        if (from < 1 || from > to) {
            return Optional.of("no consistency to prove from " + from + " to " + to + " leaves");
        }
        if (from == to) {
            return proof.isEmpty() && MessageDigest.isEqual(fromRoot, toRoot) ? Optional.empty()
                    : Optional.of("two trees of " + from + " leaves with different roots");
        }
        if (proof.isEmpty()) {
            return Optional.of("an empty proof proves nothing");
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(from) == 1) {
            path.add(0, fromRoot);
        }
        MessageDigest sha256 = MerkleTree.newSha256();
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return Optional.of("the proof is longer than the trees have room for");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(sha256, c, fr);
                sr = node(sha256, c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = node(sha256, sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            return Optional.of("the proof is shorter than the trees need");
        }
        if (!MessageDigest.isEqual(fr, fromRoot)) {
            return Optional.of("the proof does not lead to the older root: the log was rewritten");
        }
        return MessageDigest.isEqual(sr, toRoot) ? Optional.empty()
                : Optional.of("the proof does not lead to the newer root");
    }

    /** {@code SHA-256(0x00 ‖ entry)}: the hash of a leaf. */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha256 = MerkleTree.newSha256();
        sha256.update((byte) 0);
        return sha256.digest(entry);
    }

    private static byte[] node(MessageDigest sha256, byte[] left, byte[] right) {
        sha256.update((byte) 1);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }
}
