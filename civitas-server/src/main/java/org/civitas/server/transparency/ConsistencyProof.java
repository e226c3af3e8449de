package org.civitas.server.transparency;

import java.util.HexFormat;
import java.util.List;

/** The proof that the log at {@code from} entries is a prefix of the log at {@code to}, its hashes in hex. */
public record ConsistencyProof(long from, long to, List<String> path) {

    static final HexFormat HEX = HexFormat.of();

    public static ConsistencyProof of(long from, long to, List<byte[]> path) {
        return new ConsistencyProof(from, to, hex(path));
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
