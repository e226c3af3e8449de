package org.civitas.server.transparency;

import java.util.Base64;
import java.util.List;
import org.civitas.transparency.Inclusion;

/**
 * The proof that an entry is in the log, as JSON hands it out: its index, the size of the tree the checkpoint signs,
 * the entry as the leaf hashes it (base64), the leaf's hash and the audit path (hex), and the signed checkpoint.
 */
public record InclusionProof(long index, long treeSize, String entry, String leafHash, List<String> path,
        String checkpoint) {

    public static InclusionProof of(Inclusion inclusion) {
        return new InclusionProof(inclusion.index(), inclusion.treeSize(),
                Base64.getEncoder().encodeToString(inclusion.entry()), ConsistencyProof.HEX.formatHex(
                        inclusion.leafHash()), ConsistencyProof.hex(inclusion.path()), inclusion.checkpoint());
    }
}
