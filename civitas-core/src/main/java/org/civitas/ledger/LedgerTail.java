package org.civitas.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.civitas.CivitasException;

/**
 * Follows a ledger: hands out its committed entries in order, from a given sequence number on, and later the entries
 * committed since. Projections use it to catch up and then to keep up. Not thread-safe: one reader per tail.
 */
public final class LedgerTail implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final FileLedger ledger;
    private final EventDecoder decoder = new EventDecoder();
    private final Chain chain = new Chain();
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private long next;
    private int segmentIndex = -1;
    private long cursorSequence;
    private FileChannel channel;
    private long bufferFileOffset;
    private int start;
    private int end;

    LedgerTail(FileLedger ledger, long fromSequence) {
        this.ledger = ledger;
        this.next = fromSequence;
    }

    /** The sequence number of the next entry this tail will hand out. */
    public long position() {
        return next;
    }

    /** Hands up to {@code max} committed entries, from {@link #position()} on, to {@code visitor}; returns how many. */
    public int poll(int max, FileLedger.EventVisitor visitor) {
        long committed = ledger.committed();
        int handed = 0;
        try {
            while (handed < max && next < committed) {
                if (channel == null && !openSegmentHolding(next)) {
                    break;
                }
                int bodyLength = nextFrame();
                if (bodyLength < 0) {
                    if (!openSegment(segmentIndex + 1)) {
                        break;
                    }
                    continue;
                }
                int body = start + Chain.HEADER_BYTES;
                start = body + bodyLength;
                long sequence = cursorSequence++;
                if (sequence >= next) {
                    visitor.event(sequence, decoder.decode(buffer, body + Chain.BODY_PREFIX_BYTES,
                            bodyLength - Chain.BODY_PREFIX_BYTES));
                    next = sequence + 1;
                    handed++;
                }
            }
        } catch (IOException e) {
            throw new CivitasException("cannot follow the ledger: " + e.getMessage(), e);
        }
        return handed;
    }

    /** The body length of the frame at the cursor, checked; -1 at the end of the segment. */
    private int nextFrame() throws IOException {
        if (!ensure(Chain.HEADER_BYTES)) {
            return -1;
        }
        int length = EventCodec.getInt(buffer, start);
        if (length < Chain.BODY_PREFIX_BYTES || length > Chain.MAX_BODY_BYTES || !ensure(Chain.HEADER_BYTES + length)
                || EventCodec.getInt(buffer, start + 4) != chain.crc(buffer, start + Chain.HEADER_BYTES, length)) {
            throw new CivitasException("committed ledger entry " + cursorSequence + " cannot be read back;"
                    + " run 'civitas verify'");
        }
        long sequence = EventCodec.getLong(buffer, start + Chain.HEADER_BYTES);
        if (sequence != cursorSequence) {
            throw new CivitasException("ledger entry " + cursorSequence + " is out of place (found " + sequence
                    + "); run 'civitas verify'");
        }
        return length;
    }

    private boolean openSegmentHolding(long sequence) throws IOException {
        List<Path> segments = ledger.segmentFiles();
        int holding = -1;
        for (int index = 0; index < segments.size(); index++) {
            if (firstSequenceOf(segments.get(index)) <= sequence) {
                holding = index;
            }
        }
        return holding >= 0 && openSegment(holding);
    }

    private boolean openSegment(int index) throws IOException {
        List<Path> segments = ledger.segmentFiles();
        if (index >= segments.size()) {
            return false;
        }
        close();
        segmentIndex = index;
        channel = FileChannel.open(segments.get(index), StandardOpenOption.READ);
        cursorSequence = firstSequenceOf(segments.get(index));
        bufferFileOffset = 0;
        start = 0;
        end = 0;
        return true;
    }

    private static long firstSequenceOf(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - Segments.SUFFIX.length()));
    }

    /** Whether {@code count} bytes from the cursor are in the buffer, reading more if need be. */
    private boolean ensure(int count) throws IOException {
        if (end - start >= count) {
            return true;
        }
        System.arraycopy(buffer, start, buffer, 0, end - start);
        bufferFileOffset += start;
        end -= start;
        start = 0;
        ByteBuffer target = ByteBuffer.wrap(buffer, end, buffer.length - end);
        while (end < count) {
            int read = channel.read(target, bufferFileOffset + end);
            if (read <= 0) {
                return false;
            }
            end += read;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
