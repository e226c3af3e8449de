package org.civitas.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Merkle tree that only grows, hashed as RFC 9162 says: a leaf is {@code SHA-256(0x00 ‖ entry)}, a node
 * {@code SHA-256(0x01 ‖ left ‖ right)}, and a tree of {@code n} leaves splits at the largest power of two below
 * {@code n}. It keeps the hash of every complete subtree (64 bytes per leaf in all, in memory), so that a root or a
 * proof for any size up to the current one takes a logarithmic number of hashes. Not thread-safe.
 */
public final class MerkleTree {

    static final int HASH_BYTES = 32;

    /** {@code levels.get(k)} holds the hashes of the complete subtrees of 2^k leaves, left to right. */
    private final List<HashArray> levels = new ArrayList<>();
    private final MessageDigest sha256 = newSha256();
    private long size;

    /** How many leaves the tree holds. */
    public long size() {
        return size;
    }

    /** Appends a leaf for {@code entry}: its hash is {@code SHA-256(0x00 ‖ entry)}. */
    public void append(byte[] entry, int offset, int length) {
        sha256.update((byte) 0);
        sha256.update(entry, offset, length);
        appendLeafHash(sha256.digest());
    }

    /** Appends a leaf whose hash is {@code leafHash}. */
    public void appendLeafHash(byte[] leafHash) {
        level(0).add(leafHash);
        size++;
        byte[] carry = leafHash;
        for (int k = 1; size % (1L << k) == 0; k++) {
            carry = node(level(k - 1).get(size / (1L << (k - 1)) - 2), carry);
            level(k).add(carry);
        }
    }

    /** The hash of leaf {@code index}. */
    public byte[] leafHash(long index) {
        check(index < size, "leaf " + index + " of a tree of " + size);
        return level(0).get(index);
    }

    /** The root of the tree as it was at {@code treeSize} leaves; the hash of nothing for an empty tree. */
    public byte[] root(long treeSize) {
        check(treeSize <= size, "a tree of " + treeSize + " leaves, when there are " + size);
        return treeSize == 0 ? sha256.digest() : hash(0, treeSize);
    }

    /** The audit path of leaf {@code index} in the tree of {@code treeSize} leaves (RFC 9162, 2.1.3.1). */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        check(index < treeSize && treeSize <= size, "leaf " + index + " in a tree of " + treeSize + " of " + size);
        List<byte[]> path = new ArrayList<>();
        path(index, 0, treeSize, path);
        return path;
    }

    /** The proof that the tree of {@code from} leaves is a prefix of that of {@code to} (RFC 9162, 2.1.4.1). */
    public List<byte[]> consistencyProof(long from, long to) {
        check(0 < from && from <= to && to <= size, "from " + from + " to " + to + " leaves, of " + size);
        List<byte[]> proof = new ArrayList<>();
        if (from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    private void path(long index, long start, long end, List<byte[]> path) {
        if (end - start == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(end - start);
        if (index < start + k) {
            path(index, start, start + k, path);
            path.add(hash(start + k, end));
        } else {
            path(index, start + k, end, path);
            path.add(hash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean complete, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                proof.add(hash(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, proof);
            proof.add(hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(hash(start, start + k));
        }
    }

    /** The hash of leaves {@code [start, end)}; {@code start} is a multiple of the subtree the range splits in. */
    private byte[] hash(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return level(Long.numberOfTrailingZeros(n)).get(start / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return node(hash(start, start + k), hash(start + k, end));
    }

    private byte[] node(byte[] left, byte[] right) {
        sha256.update((byte) 1);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** The largest power of two strictly below {@code n}, for {@code n} of at least 2. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private HashArray level(int k) {
        while (levels.size() <= k) {
            levels.add(new HashArray());
        }
        return levels.get(k);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("no such part of the tree: " + what);
        }
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Hashes of 32 bytes, packed into pages of a million each, so that a level holds as many as a long counts. */
    private static final class HashArray {

        private static final int PAGE_SHIFT = 20;
        private static final int PAGE_HASHES = 1 << PAGE_SHIFT;

        private final List<byte[]> pages = new ArrayList<>();
        private long count;

        void add(byte[] hash) {
            int page = (int) (count >>> PAGE_SHIFT);
            int slot = (int) (count & (PAGE_HASHES - 1));
            if (page == pages.size()) {
                pages.add(new byte[HASH_BYTES * 64]);
            }
            byte[] bytes = pages.get(page);
            if ((slot + 1) * HASH_BYTES > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(bytes.length * 2, PAGE_HASHES * HASH_BYTES));
                pages.set(page, bytes);
            }
            System.arraycopy(hash, 0, bytes, slot * HASH_BYTES, HASH_BYTES);
            count++;
        }

        byte[] get(long index) {
            byte[] bytes = pages.get((int) (index >>> PAGE_SHIFT));
            int at = (int) (index & (PAGE_HASHES - 1)) * HASH_BYTES;
            return Arrays.copyOfRange(bytes, at, at + HASH_BYTES);
        }
    }
}
