package org.civitas.transparency;

import java.util.List;

/**
 * The proof that an entry is in a log: its index, the size of the tree the checkpoint signs, the entry as its leaf
 * hashes it, the leaf's hash, the audit path, and the signed checkpoint it is checked against.
 */
public record Inclusion(long index, long treeSize, byte[] entry, byte[] leafHash, List<byte[]> path,
        String checkpoint) {

    public Inclusion {
        path = List.copyOf(path);
    }
}
