package org.civitas.ledger;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.civitas.CivitasException;

/**
 * The entry format and its hash chain. A frame is {@code [u32 body length][u32 CRC-32C of body][body]}; a body is
 * {@code [u64 sequence][32-byte SHA-256 of the previous body][payload]}. The first entry's previous hash is all
 * zeros. Altering any entry changes its hash, which the next entry records, so the change shows.
 */
final class Chain {

    static final int HEADER_BYTES = 8;
    static final int HASH_BYTES = 32;
    static final int BODY_PREFIX_BYTES = 8 + HASH_BYTES;
    static final int MAX_PAYLOAD_BYTES = 1 << 20;
    static final int MAX_BODY_BYTES = BODY_PREFIX_BYTES + MAX_PAYLOAD_BYTES;
    static final byte[] GENESIS = new byte[HASH_BYTES];

    private final MessageDigest sha256 = newSha256();
    private final CRC32C crc = new CRC32C();

    /** The SHA-256 of {@code bytes[offset, offset + length)}, written into {@code hash}. */
    void hash(byte[] bytes, int offset, int length, byte[] hash) {
        sha256.update(bytes, offset, length);
        try {
            sha256.digest(hash, 0, HASH_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException("a 32-byte buffer holds a SHA-256", e);
        }
    }

    int crc(byte[] bytes, int offset, int length) {
        crc.reset();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** Starts a frame in {@code out}: reserves its header and writes the body's prefix. Returns where it starts. */
    static int beginFrame(FrameBuffer out, long sequence, byte[] previousHash) {
        int start = out.reserve(HEADER_BYTES);
        out.putLong(sequence);
        int hashAt = out.reserve(HASH_BYTES);
        System.arraycopy(previousHash, 0, out.data(), hashAt, HASH_BYTES);
        return start;
    }

    /** Where the payload of the frame starting at {@code frameStart} begins. */
    static int payloadOffset(int frameStart) {
        return frameStart + HEADER_BYTES + BODY_PREFIX_BYTES;
    }

    /**
     * Finishes the frame that starts at {@code frameStart} and runs to the end of {@code out}: fills in its length
     * and checksum, and writes the new entry's hash into {@code hash}.
     */
    void sealFrame(FrameBuffer out, int frameStart, byte[] hash) {
        byte[] data = out.data();
        int body = frameStart + HEADER_BYTES;
        int bodyLength = out.size() - body;
        if (bodyLength > MAX_BODY_BYTES) {
            throw new CivitasException("an entry of " + bodyLength + " bytes is over the limit of "
                    + MAX_BODY_BYTES);
        }
        EventCodec.putInt(data, frameStart, bodyLength);
        EventCodec.putInt(data, frameStart + 4, crc(data, body, bodyLength));
        hash(data, body, bodyLength, hash);
    }

    static boolean sameHash(byte[] a, int aOffset, byte[] b) {
        return Arrays.equals(a, aOffset, aOffset + HASH_BYTES, b, 0, HASH_BYTES);
    }

    static String hex(byte[] hash) {
        StringBuilder text = new StringBuilder(hash.length * 2);
        for (byte b : hash) {
            text.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return text.toString();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
