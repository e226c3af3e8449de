package org.civitas.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Direct access to a ledger's files, for tests that tamper with them as an attacker (or a crash) would. */
final class LedgerFiles {

    /** One frame of a segment: where it starts and how long it is in all. */
    record Frame(long offset, int length) {
    }

    private LedgerFiles() {
    }

    static List<Path> segments(Path data) throws IOException {
        return Segments.list(FileLedger.directoryIn(data));
    }

    static List<Frame> frames(Path segment) throws IOException {
        List<Frame> frames = new ArrayList<>();
        try (SegmentScanner scanner = new SegmentScanner(segment)) {
            while (scanner.next() == SegmentScanner.Step.FRAME) {
                frames.add(new Frame(scanner.frameOffset(), Chain.HEADER_BYTES + scanner.bodyLength()));
            }
        }
        return frames;
    }

    /** Flips one bit of the last byte of frame {@code index}'s payload; its checksum no longer matches. */
    static void flipByte(Path segment, int index) throws IOException {
        Frame frame = frames(segment).get(index);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[(int) (frame.offset() + frame.length() - 1)] ^= 1;
        Files.write(segment, bytes);
    }

    /** Changes frame {@code index}'s payload and fixes its checksum, as a careful attacker would. */
    static void alterAndFixChecksum(Path segment, int index) throws IOException {
        Frame frame = frames(segment).get(index);
        byte[] bytes = Files.readAllBytes(segment);
        int body = (int) frame.offset() + Chain.HEADER_BYTES;
        int bodyLength = frame.length() - Chain.HEADER_BYTES;
        bytes[body + bodyLength - 2] ^= 1;
        EventCodec.putInt(bytes, (int) frame.offset() + 4, new Chain().crc(bytes, body, bodyLength));
        Files.write(segment, bytes);
    }

    static void dropFrame(Path segment, int index) throws IOException {
        Frame frame = frames(segment).get(index);
        byte[] bytes = Files.readAllBytes(segment);
        byte[] without = new byte[bytes.length - frame.length()];
        System.arraycopy(bytes, 0, without, 0, (int) frame.offset());
        System.arraycopy(bytes, (int) (frame.offset() + frame.length()), without, (int) frame.offset(),
                bytes.length - (int) (frame.offset() + frame.length()));
        Files.write(segment, without);
    }

    static void swapFrames(Path segment, int first) throws IOException {
        List<Frame> frames = frames(segment);
        Frame a = frames.get(first);
        Frame b = frames.get(first + 1);
        byte[] bytes = Files.readAllBytes(segment);
        byte[] swapped = bytes.clone();
        System.arraycopy(bytes, (int) b.offset(), swapped, (int) a.offset(), b.length());
        System.arraycopy(bytes, (int) a.offset(), swapped, (int) a.offset() + b.length(), a.length());
        Files.write(segment, swapped);
    }

    static void truncateFrames(Path segment, int keep) throws IOException {
        Frame frame = frames(segment).get(keep);
        byte[] bytes = Files.readAllBytes(segment);
        Files.write(segment, Arrays.copyOf(bytes, (int) frame.offset()));
    }

    static void append(Path segment, byte[] garbage) throws IOException {
        Files.write(segment, garbage, StandardOpenOption.APPEND);
    }

    /**
     * Writes a fresh ledger in {@code data} whose entries hold {@code payloads}, framed and chained as the ledger
     * does: what an older version, or a bug, may have left in a ledger that still verifies.
     */
    static void writeLedger(Path data, List<byte[]> payloads) throws IOException {
        Path directory = FileLedger.directoryIn(data);
        Files.createDirectories(directory);
        Chain chain = new Chain();
        FrameBuffer frames = new FrameBuffer(1 << 16);
        byte[] hash = Chain.GENESIS.clone();
        for (int sequence = 0; sequence < payloads.size(); sequence++) {
            int start = Chain.beginFrame(frames, sequence, hash);
            frames.putBytes(payloads.get(sequence));
            chain.sealFrame(frames, start, hash);
        }
        Files.write(Segments.name(directory, 0), Arrays.copyOf(frames.data(), frames.size()));
        try (HeadFile head = HeadFile.open(directory)) {
            head.write(new Head(payloads.size(), hash));
        }
    }
}
