package org.civitas.transparency;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle tree hashed as {@link MerkleTree} hashes it: the roots of its largest complete subtrees,
 * left to right, one for each bit set in its size. Enough to append and to give the root, in a logarithmic number of
 * hashes, for a writer that must keep its place in a few bytes (a stream task's store) and proves nothing itself.
 * Not thread-safe.
 */
public final class TreeFrontier {

    private final MessageDigest sha256 = MerkleTree.newSha256();
    private final List<byte[]> roots;
    private long size;

    private TreeFrontier(long size, List<byte[]> roots) {
        this.size = size;
        this.roots = roots;
    }

    public static TreeFrontier empty() {
        return new TreeFrontier(0, new ArrayList<>());
    }

    /** The frontier {@link #bytes()} wrote. */
    public static TreeFrontier of(byte[] bytes) {
        ByteBuffer read = ByteBuffer.wrap(bytes);
        long size = read.getLong();
        List<byte[]> roots = new ArrayList<>();
        for (int i = 0; i < Long.bitCount(size); i++) {
            byte[] root = new byte[MerkleTree.HASH_BYTES];
            read.get(root);
            roots.add(root);
        }
        return new TreeFrontier(size, roots);
    }

    /** The frontier as {@code [u64 size][one hash for each bit set in the size]}. */
    public byte[] bytes() {
        ByteBuffer written = ByteBuffer.allocate(Long.BYTES + roots.size() * MerkleTree.HASH_BYTES).putLong(size);
        roots.forEach(written::put);
        return written.array();
    }

    public long size() {
        return size;
    }

    /** Appends a leaf for {@code entry}: its hash is {@code SHA-256(0x00 ‖ entry)}. */
    public void append(byte[] entry) {
        sha256.update((byte) 0);
        sha256.update(entry);
        byte[] carry = sha256.digest();
        for (long merged = size; (merged & 1) == 1; merged >>>= 1) {
            carry = node(roots.remove(roots.size() - 1), carry);
        }
        roots.add(carry);
        size++;
    }

    /** The root of the tree: its subtrees folded from the right; the hash of nothing for an empty tree. */
    public byte[] root() {
        if (roots.isEmpty()) {
            return sha256.digest();
        }
        byte[] root = roots.get(roots.size() - 1);
        for (int i = roots.size() - 2; i >= 0; i--) {
            root = node(roots.get(i), root);
        }
        return root;
    }

    private byte[] node(byte[] left, byte[] right) {
        sha256.update((byte) 1);
        sha256.update(left);
        return sha256.digest(right);
    }
}
