package org.civitas.transparency;

import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a log at one size, as the C2SP {@code tlog-checkpoint} format writes it: the log's origin, the number
 * of entries and the root of the Merkle tree over them, one to a line.
 */
public record Checkpoint(String origin, long size, byte[] root) {

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        if (root.length != MerkleTree.HASH_BYTES) {
            throw new IllegalArgumentException("a root is " + MerkleTree.HASH_BYTES + " bytes");
        }
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The checkpoint's text: the body a signed note signs. */
    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /** The checkpoint a note's body states, or empty if the body is not one (extension lines aside). */
    public static Optional<Checkpoint> parse(String body) {
        String[] lines = body.split("\n", -1);
        if (lines.length < 4 || lines[0].isEmpty() || !lines[1].matches("0|[1-9][0-9]{0,18}")
                || !lines[lines.length - 1].isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] root = Base64.getDecoder().decode(lines[2]);
            return root.length == MerkleTree.HASH_BYTES
                    ? Optional.of(new Checkpoint(lines[0], Long.parseLong(lines[1]), root)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
