package org.civitas.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.civitas.CivitasException;
import org.civitas.event.Event;

/**
 * Follows a ledger: hands out its committed entries in order, from a given sequence number on, and later the entries
 * committed since. Projections use it to catch up and then to keep up. Not thread-safe: one reader per tail.
 */
public final class LedgerTail implements ChainTail {

    private static final int BUFFER_BYTES = 1 << 20;

    private final FileLedger ledger;
    private final EventDecoder decoder = new EventDecoder();
    private long next;
    private int segmentIndex = -1;
    private long cursorSequence;
    private SegmentScanner scanner;

    LedgerTail(FileLedger ledger, long fromSequence) {
        this.ledger = ledger;
        this.next = fromSequence;
    }

    /** The sequence number of the next entry this tail will hand out. */
    @Override
    public long position() {
        return next;
    }

    /**
     * Hands up to {@code max} committed entries, from {@link #position()} on, to {@code visitor}; returns how many.
     * Throws {@link UnreadableEntryException} at an entry that is not a readable event.
     */
    public int poll(int max, FileLedger.EventVisitor visitor) {
        return poll(max, visitor, FileLedger.UnreadableVisitor.REFUSE);
    }

    /**
     * Hands up to {@code max} committed entries, from {@link #position()} on, to {@code visitor}, and those that are
     * not readable events to {@code unreadable}; returns how many entries were handed out, of either kind.
     */
    @Override
    public int poll(int max, FileLedger.EventVisitor visitor, FileLedger.UnreadableVisitor unreadable) {
        return advance(max, sequence -> hand(sequence, visitor, unreadable));
    }

    /** Who reads entries as the ledger keeps them: the payload of entry {@code sequence}, sealed parts sealed. */
    public interface PayloadVisitor {
        void payload(long sequence, byte[] buffer, int offset, int length);
    }

    /**
     * Hands the payloads of up to {@code max} committed entries, from {@link #position()} on, to {@code visitor}, as
     * the ledger keeps them, readable events or not; returns how many. The bytes are the tail's own buffer: copy what
     * is to be kept.
     */
    public int pollPayloads(int max, PayloadVisitor visitor) {
        return advance(max, sequence -> visitor.payload(sequence, scanner.buffer(), scanner.payloadOffset(),
                scanner.payloadLength()));
    }

    /** What is done with the entry the scanner stands at. */
    private interface Step {
        void take(long sequence) throws IOException;
    }

    private int advance(int max, Step step) {
        long committed = ledger.committed();
        int handed = 0;
        try {
            while (handed < max && next < committed) {
                if (scanner == null && !openSegmentHolding(next)) {
                    break;
                }
                if (!nextFrame()) {
                    if (!openSegment(segmentIndex + 1)) {
                        break;
                    }
                    continue;
                }
                long sequence = cursorSequence++;
                if (sequence >= next) {
                    step.take(sequence);
                    next = sequence + 1;
                    handed++;
                }
            }
        } catch (IOException e) {
            throw new CivitasException("cannot follow the ledger: " + e.getMessage(), e);
        }
        return handed;
    }

    private void hand(long sequence, FileLedger.EventVisitor visitor, FileLedger.UnreadableVisitor unreadable)
            throws IOException {
        Event event;
        try {
            event = decoder.decode(scanner.buffer(), scanner.payloadOffset(), scanner.payloadLength());
        } catch (EventDecoder.UnreadablePayload payload) {
            unreadable.unreadable(payload.at(sequence));
            return;
        }
        visitor.event(sequence, event);
    }

    /** Moves to the next frame of the segment, checked; false at the end of the segment. */
    private boolean nextFrame() throws IOException {
        SegmentScanner.Step step = scanner.next();
        if (step == SegmentScanner.Step.END) {
            return false;
        }
        if (step != SegmentScanner.Step.FRAME) {
            throw new CivitasException("committed ledger entry " + cursorSequence + " cannot be read back ("
                    + step + "); run 'civitas verify'");
        }
        if (scanner.sequence() != cursorSequence) {
            throw new CivitasException("ledger entry " + cursorSequence + " is out of place (found "
                    + scanner.sequence() + "); run 'civitas verify'");
        }
        return true;
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
        scanner = new SegmentScanner(segments.get(index), BUFFER_BYTES);
        cursorSequence = firstSequenceOf(segments.get(index));
        return true;
    }

    private static long firstSequenceOf(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - Segments.SUFFIX.length()));
    }

    @Override
    public void close() throws IOException {
        if (scanner != null) {
            scanner.close();
            scanner = null;
        }
    }
}
