package org.civitas.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a ledger from its first entry, checking every frame's checksum, the sequence numbers and the hash chain, and
 * hands each sound entry to a visitor. It stops at the first damage and says what it is.
 */
final class LedgerScan {

    /**
     * Receives each sound entry in order, with its location ({@link #location}). The buffer is only valid during
     * the call.
     */
    @FunctionalInterface
    interface EntryVisitor {
        void entry(long sequence, long location, byte[] buffer, int payloadOffset, int payloadLength)
                throws IOException;
    }

    private static final int OFFSET_BITS = 40;

    /** Where an entry lies, packed in a long: which segment (by position in the ledger) and the frame's offset. */
    static long location(int segmentIndex, long frameOffset) {
        return ((long) segmentIndex << OFFSET_BITS) | frameOffset;
    }

    static int segmentIndexOf(long location) {
        return (int) (location >>> OFFSET_BITS);
    }

    static long offsetOf(long location) {
        return location & ((1L << OFFSET_BITS) - 1);
    }

    /**
     * What a scan found.
     *
     * @param entries how many sound entries precede the damage (or the end)
     * @param lastHash the hash of the last sound entry
     * @param segments every segment file, in order
     * @param lastSegment the segment the last sound entry is in (null for an empty ledger)
     * @param soundEnd the byte in {@code lastSegment} just after the last sound entry
     */
    record Outcome(
            long entries, byte[] lastHash, Head head, Optional<Damage> damage, List<Path> segments, Path lastSegment,
            long soundEnd) {
    }

    private final Path directory;
    private final Head head;
    private final List<Path> segments;
    private final Chain chain = new Chain();
    private long expected;
    private byte[] lastHash = Chain.GENESIS.clone();
    private byte[] hashAtHead;
    private Path lastSegment;
    private long soundEnd;

    private final boolean checkHashes;

    private LedgerScan(Path directory, Head head, List<Path> segments, boolean checkHashes) {
        this.directory = directory;
        this.head = head;
        this.segments = segments;
        this.checkHashes = checkHashes;
    }

    /** Scans the whole ledger in {@code directory}, checking the hash chain. */
    static Outcome scan(Path directory, EntryVisitor visitor) throws IOException {
        return scan(directory, Long.MAX_VALUE, true, visitor);
    }

    /**
     * Scans the first {@code limit} entries (at most the head's) of the ledger in {@code directory}. Without
     * {@code checkHashes} only checksums and sequence numbers are checked: enough to read safely, not to prove that
     * nothing was rewritten.
     */
    static Outcome scan(Path directory, long limit, boolean checkHashes, EntryVisitor visitor) throws IOException {
        LedgerScan scan = new LedgerScan(directory, HeadFile.read(directory), Segments.list(directory), checkHashes);
        Optional<Damage> damage = scan.run(limit, visitor);
        if (damage.isEmpty()) {
            damage = scan.checkAgainstHead();
        }
        return new Outcome(scan.expected, scan.lastHash, scan.head, damage, scan.segments, scan.lastSegment,
                scan.soundEnd);
    }

    private Optional<Damage> run(long limit, EntryVisitor visitor) throws IOException {
        byte[] hash = new byte[Chain.HASH_BYTES];
        for (int index = 0; index < segments.size(); index++) {
            Path segment = segments.get(index);
            boolean lastSegmentFile = index == segments.size() - 1;
            try (SegmentScanner scanner = new SegmentScanner(segment)) {
                while (expected < limit) {
                    SegmentScanner.Step step = scanner.next();
                    if (step == SegmentScanner.Step.END) {
                        break;
                    }
                    if (step != SegmentScanner.Step.FRAME) {
                        return Optional.of(frameDamage(step, scanner, lastSegmentFile));
                    }
                    long sequence = scanner.sequence();
                    if (sequence != expected) {
                        return Optional.of(sequenceDamage(sequence, scanner, index));
                    }
                    byte[] buffer = scanner.buffer();
                    if (checkHashes && !Chain.sameHash(buffer, scanner.bodyOffset() + 8, lastHash)) {
                        return Optional.of(new Damage(Damage.Kind.ALTERED, expected - 1, segment,
                                scanner.frameOffset(), "entry " + (expected - 1) + " was altered: entry " + expected
                                        + " records a different hash for it"));
                    }
                    if (checkHashes) {
                        chain.hash(buffer, scanner.bodyOffset(), scanner.bodyLength(), hash);
                    }
                    visitor.entry(sequence, location(index, scanner.frameOffset()), buffer, scanner.payloadOffset(),
                            scanner.payloadLength());
                    System.arraycopy(hash, 0, lastHash, 0, Chain.HASH_BYTES);
                    expected++;
                    if (expected == head.entries()) {
                        hashAtHead = lastHash.clone();
                    }
                    lastSegment = segment;
                    soundEnd = scanner.frameOffset() + Chain.HEADER_BYTES + scanner.bodyLength();
                }
            }
            if (expected >= limit) {
                break;
            }
        }
        return Optional.empty();
    }

    private Damage frameDamage(SegmentScanner.Step step, SegmentScanner scanner, boolean lastSegmentFile) {
        String why = switch (step) {
            case TRUNCATED -> "the file ends inside it";
            case BAD_LENGTH -> "its length field is impossible";
            default -> "its checksum does not match its content";
        };
        if (lastSegmentFile && expected >= head.entries()) {
            return new Damage(Damage.Kind.UNFINISHED_WRITE, expected, scanner.file(), scanner.frameOffset(),
                    "entries from " + expected + " on were being written when the writer stopped, and were never"
                            + " acknowledged (" + why + ")");
        }
        return new Damage(Damage.Kind.ALTERED, expected, scanner.file(), scanner.frameOffset(),
                "entry " + expected + " was altered or damaged: " + why);
    }

    /** Entry {@code found} stands where entry {@code expected} should: were entries dropped, or moved? */
    private Damage sequenceDamage(long found, SegmentScanner scanner, int segmentIndex) throws IOException {
        Path segment = scanner.file();
        long offset = scanner.frameOffset();
        if (found < expected) {
            return new Damage(Damage.Kind.REORDERED, found, segment, offset,
                    "entry " + found + " is out of order: it appears after entry " + (expected - 1));
        }
        Set<Long> later = sequencesAfter(scanner, segmentIndex);
        for (long missing = expected; missing < found; missing++) {
            if (later.contains(missing)) {
                return new Damage(Damage.Kind.REORDERED, missing, segment, offset,
                        "entry " + missing + " is out of order: entry " + found + " stands in its place");
            }
        }
        String which = found - expected == 1 ? "entry " + expected + " was" : "entries " + expected + " to "
                + (found - 1) + " were";
        return new Damage(Damage.Kind.DROPPED, expected, segment, offset,
                which + " dropped: entry " + found + " follows entry " + (expected - 1));
    }

    private Set<Long> sequencesAfter(SegmentScanner current, int segmentIndex) throws IOException {
        Set<Long> sequences = new HashSet<>();
        while (current.next() == SegmentScanner.Step.FRAME) {
            sequences.add(current.sequence());
        }
        for (Path segment : segments.subList(segmentIndex + 1, segments.size())) {
            try (SegmentScanner scanner = new SegmentScanner(segment)) {
                while (scanner.next() == SegmentScanner.Step.FRAME) {
                    sequences.add(scanner.sequence());
                }
            }
        }
        return sequences;
    }

    /** Entries the head says were committed must all be there, ending in the hash it recorded. */
    private Optional<Damage> checkAgainstHead() throws IOException {
        Path where = lastSegment != null ? lastSegment : directory.resolve(HeadFile.NAME);
        if (expected < head.entries()) {
            String which = head.entries() - expected == 1 ? "entry " + expected + " was"
                    : "entries " + expected + " to " + (head.entries() - 1) + " were";
            return Optional.of(new Damage(Damage.Kind.DROPPED, expected, where, soundEnd, which
                    + " dropped from the end: the head records " + head.entries() + " committed entries"));
        }
        if (checkHashes && head.entries() > 0 && !Arrays.equals(hashAtHead, head.lastHash())) {
            return Optional.of(new Damage(Damage.Kind.ALTERED, head.entries() - 1, where, 0, "the chain up to entry "
                    + (head.entries() - 1) + " was rewritten: its hash differs from the committed head's"));
        }
        return Optional.empty();
    }
}
