package org.civitas.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.civitas.CivitasException;
import org.civitas.event.Event;

/**
 * The embedded ledger: an append-only, hash-chained log of events in segment files under {@code DATA/ledger/}.
 *
 * <p>An append writes a whole batch, forces it to disk, then durably records the new head; only then does it return,
 * so a returned event survives any crash. An event whose source and id are already in the ledger is a duplicate and
 * is not written again. Opening a ledger checks the whole chain; the tail of a write cut off by a crash (never
 * acknowledged) is cut away, and a ledger whose committed entries were altered, dropped or reordered is refused.
 * One process writes a ledger at a time; any number may read it.
 */
public final class FileLedger implements LedgerAppender, FollowedChain, AutoCloseable {

    /** A new segment starts once the current one is this large. */
    static final long SEGMENT_BYTES = 256L << 20;

    private final Path directory;
    private final long segmentBytes;
    private final FileChannel lockChannel;
    private final HeadFile headFile;
    private final KeyIndex keys;
    private final List<Path> segments;
    private final Map<Integer, FileChannel> readers = new HashMap<>();
    private final Chain chain = new Chain();
    private final FrameBuffer frames = new FrameBuffer(1 << 20);
    private long entries;
    private byte[] lastHash;
    private FileChannel segment;
    private long segmentSize;
    private boolean broken;
    private final Object commitLock = new Object();
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();
    private volatile long committed;

    private FileLedger(Path directory, FileChannel lockChannel, HeadFile headFile, KeyIndex keys,
            LedgerScan.Outcome scanned, long segmentBytes) throws IOException {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.lockChannel = lockChannel;
        this.headFile = headFile;
        this.keys = keys;
        this.segments = new ArrayList<>(scanned.segments());
        this.entries = scanned.entries();
        this.committed = scanned.entries();
        this.lastHash = scanned.lastHash().clone();
        if (!segments.isEmpty()) {
            this.segment = FileChannel.open(segments.get(segments.size() - 1), StandardOpenOption.WRITE);
            this.segmentSize = segment.size();
        }
    }

    /** The ledger directory inside a data directory. */
    public static Path directoryIn(Path dataDirectory) {
        return dataDirectory.resolve("ledger");
    }

    /** Opens (creating if need be) the ledger of {@code dataDirectory} for appending. */
    public static FileLedger open(Path dataDirectory) {
        return open(dataDirectory, SEGMENT_BYTES);
    }

    /** Opens the ledger, starting a new segment whenever the current one reaches {@code segmentBytes}. */
    static FileLedger open(Path dataDirectory, long segmentBytes) {
        Path directory = directoryIn(dataDirectory);
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(directory);
            lockChannel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            if (!locked(lockChannel)) {
                throw new CivitasException("the ledger in " + directory + " is already open for writing"
                        + " (by another process, or elsewhere in this one); stop that first");
            }
            KeyIndex keys = new KeyIndex(HeadFile.read(directory).entries() + (1 << 16));
            LedgerScan.Outcome scanned = LedgerScan.scan(directory, (sequence, location, buffer, offset, length) -> {
                // An entry whose key cannot be read is no event a new one could repeat; readers set it aside.
                if (KeyIndex.keyLength(buffer, offset, length) >= 0) {
                    keys.add(keys.fingerprint(buffer, offset), location);
                }
            });
            Optional<Damage> damage = scanned.damage();
            if (damage.isPresent() && damage.get().breaksTheChain()) {
                throw new LedgerDamagedException(damage.get());
            }
            if (damage.isPresent()) {
                cutUnfinishedWrite(damage.get());
            }
            HeadFile headFile = HeadFile.open(directory);
            FileLedger ledger = new FileLedger(directory, lockChannel, headFile, keys, scanned, segmentBytes);
            if (scanned.entries() != scanned.head().entries()) {
                headFile.write(new Head(scanned.entries(), scanned.lastHash()));
            }
            return ledger;
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new CivitasException("cannot open the ledger in " + directory + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    /**
     * Appends the events not already in the ledger, in order, and returns once they are on disk. Within one call,
     * as across calls, the first event with a given source and id wins.
     */
    @Override
    public AppendResult append(List<Event> events) {
        return append(encode(events));
    }

    /**
     * Makes room in the index of keys for about {@code moreEvents} more events than the ledger holds, as a bulk load
     * that knows its size does, so the index need not grow step by step.
     */
    public synchronized void expect(long moreEvents) {
        keys.reserve(entries + moreEvents);
    }

    /**
     * Encodes events for this ledger without touching it: safe on any thread, at any time. Appending the result is
     * then quicker than appending the events.
     */
    public EncodedBatch encode(List<Event> events) {
        Objects.requireNonNull(events, "events");
        EncodedBatch.Builder batch = newBatch(events.size(), events.size() * EXPECTED_BYTES_PER_EVENT);
        for (Event event : events) {
            batch.add(event);
        }
        return batch.build();
    }

    /** A new batch for this ledger, on any thread, with room for about so many events and bytes of them. */
    @Override
    public EncodedBatch.Builder newBatch(int expectedEvents, int expectedBytes) {
        return new EncodedBatch.Builder(keys, expectedEvents, expectedBytes);
    }

    /**
     * Appends an encoded batch and returns once it is on disk. Appends from several threads share their trips to
     * the disk: while one forces the ledger, the others queue up, and the next force covers them all.
     */
    public AppendResult append(EncodedBatch batch) {
        AppendResult result;
        long written;
        synchronized (this) {
            result = write(batch);
            written = entries;
        }
        commitUpTo(written);
        return result;
    }

    /**
     * Writes an encoded batch without waiting for the disk: the events are not acknowledged until {@link #commit()}
     * returns. For bulk loads, which commit every few tens of megabytes rather than every batch.
     */
    @Override
    public synchronized AppendResult write(EncodedBatch batch) {
        Objects.requireNonNull(batch, "batch");
        if (broken) {
            throw new CivitasException("an earlier write to the ledger in " + directory + " failed; reopen it");
        }
        try {
            if (segment == null || segmentSize >= segmentBytes) {
                startSegment(entries);
            }
            int accepted = 0;
            long firstSequence = entries;
            byte[] hash = lastHash.clone();
            frames.clear();
            keys.warm(batch.fingerprints, batch.size());
            for (int i = 0; i < batch.size(); i++) {
                if (frameUnlessDuplicate(batch, i, entries + accepted, hash)) {
                    accepted++;
                }
            }
            if (accepted > 0) {
                writeFrames(entries + accepted, hash);
            }
            return new AppendResult(accepted, batch.size() - accepted, firstSequence);
        } catch (IOException e) {
            broken = true;
            throw failure("write to", e);
        }
    }

    /** Makes everything written so far durable: forces it to disk, then records the new head. */
    @Override
    public void commit() {
        long written;
        synchronized (this) {
            written = entries;
        }
        commitUpTo(written);
    }

    private void commitUpTo(long wanted) {
        synchronized (commitLock) {
            if (committed >= wanted) {
                return;
            }
            long target;
            byte[] hash;
            FileChannel current;
            synchronized (this) {
                target = entries;
                hash = lastHash.clone();
                current = segment;
            }
            try {
                force(current);
                headFile.write(new Head(target, hash));
                committed = target;
                commitListeners.forEach(Runnable::run);
            } catch (IOException e) {
                synchronized (this) {
                    broken = true;
                }
                throw failure("commit", e);
            }
        }
    }

    /** Forces a segment; one closed meanwhile by a roll-over was forced before it was closed. */
    private static void force(FileChannel channel) throws IOException {
        try {
            channel.force(false);
        } catch (ClosedChannelException alreadyForced) {
            // startSegment forces a segment before it closes it.
        }
    }

    private CivitasException failure(String what, IOException e) {
        return new CivitasException("cannot " + what + " the ledger in " + directory + ": " + e.getMessage()
                + "; nothing since the last commit was acknowledged", e);
    }

    /** The file ledger is a single chain. */
    @Override
    public String name() {
        return "ledger";
    }

    /** The file ledger's first entry is number 0. */
    @Override
    public long start() {
        return 0;
    }

    /** How many entries are committed: durable, and visible to readers. */
    @Override
    public long committed() {
        return committed;
    }

    /** Calls {@code listener} after every commit, on the committing thread; it should only signal, not work. */
    @Override
    public void onCommit(Runnable listener) {
        commitListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** A reader of this ledger's committed entries from {@code fromSequence} on, which follows new commits. */
    @Override
    public LedgerTail tail(long fromSequence) {
        return new LedgerTail(this, fromSequence);
    }

    /** The segment files, in order; for {@link LedgerTail}. */
    synchronized List<Path> segmentFiles() {
        return List.copyOf(segments);
    }

    /** How many entries the ledger holds. */
    public synchronized long size() {
        return entries;
    }

    /** Frames event {@code index} of the batch, unless its key is already in the ledger or earlier in the batch. */
    private boolean frameUnlessDuplicate(EncodedBatch batch, int index, long sequence, byte[] hash)
            throws IOException {
        int frameStart = Chain.beginFrame(frames, sequence, hash);
        int payload = Chain.payloadOffset(frameStart);
        int length = batch.payloadEnd(index) - batch.payloadStart(index);
        int payloadAt = frames.reserve(length);
        System.arraycopy(batch.payloads, batch.payloadStart(index), frames.data(), payloadAt, length);
        long location = LedgerScan.location(segments.size() - 1, segmentSize + frameStart);
        if (!keys.addIfAbsent(batch.fingerprints[index], location, existing -> sameKeyAt(existing, payload))) {
            frames.truncate(frameStart);
            return false;
        }
        chain.sealFrame(frames, frameStart, hash);
        return true;
    }

    /** Whether the entry at {@code location} (on disk, or still in this batch) has the key of the new payload. */
    private boolean sameKeyAt(long location, int payload) throws IOException {
        int segmentIndex = LedgerScan.segmentIndexOf(location);
        long offset = LedgerScan.offsetOf(location);
        if (segmentIndex == segments.size() - 1 && offset >= segmentSize) {
            int frameStart = (int) (offset - segmentSize);
            return KeyIndex.sameKey(frames.data(), Chain.payloadOffset(frameStart), frames.data(), payload);
        }
        FileChannel reader = readers.computeIfAbsent(segmentIndex, index -> openReader(segments.get(index)));
        ByteBuffer header = ByteBuffer.allocate(Chain.HEADER_BYTES);
        readFully(reader, header, offset);
        ByteBuffer body = ByteBuffer.allocate(header.getInt(0));
        readFully(reader, body, offset + Chain.HEADER_BYTES);
        return KeyIndex.sameKey(body.array(), Chain.BODY_PREFIX_BYTES, frames.data(), payload);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the ledger ends inside an entry at byte " + position);
            }
        }
    }

    private static FileChannel openReader(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new CivitasException("cannot read ledger segment " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeFrames(long newEntries, byte[] newHash) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(frames.data(), 0, frames.size());
        long position = segmentSize;
        while (buffer.hasRemaining()) {
            position += segment.write(buffer, position);
        }
        segmentSize = position;
        entries = newEntries;
        lastHash = newHash;
    }

    private void startSegment(long firstSequence) throws IOException {
        if (segment != null) {
            segment.force(false);
            segment.close();
        }
        Path file = Segments.name(directory, firstSequence);
        segment = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        segments.add(file);
        segmentSize = 0;
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Whether this process now holds the ledger's lock; false when another process (or this one) has it. */
    private static boolean locked(FileChannel lockChannel) throws IOException {
        try {
            return lockChannel.tryLock() != null;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    private static void cutUnfinishedWrite(Damage damage) throws IOException {
        try (FileChannel channel = FileChannel.open(damage.segment(), StandardOpenOption.WRITE)) {
            channel.truncate(damage.offset());
            channel.force(true);
        }
    }

    /** Commits what was written, then closes the ledger. */
    @Override
    public void close() {
        if (!broken && segment != null) {
            commit();
        }
        synchronized (this) {
            closeFiles();
        }
    }

    private void closeFiles() {
        try {
            for (FileChannel reader : readers.values()) {
                reader.close();
            }
            if (segment != null) {
                segment.close();
            }
            headFile.close();
        } catch (IOException e) {
            throw new CivitasException("cannot close the ledger in " + directory + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing a lock file cannot lose data.
            }
        }
    }

    /** Receives events read from a ledger, with their sequence numbers. */
    @FunctionalInterface
    public interface EventVisitor {
        void event(long sequence, Event event) throws IOException;
    }

    /** Decides from an event's jurisdiction and type whether a reader needs the whole event. */
    @FunctionalInterface
    public interface Selection {
        boolean wants(String jurisdiction, String type);
    }

    /** Receives the person of each event a reader did not select. */
    @FunctionalInterface
    public interface PersonVisitor {
        void person(long sequence, String person) throws IOException;
    }

    /** Receives each entry that is sound in the chain but cannot be read as an event. */
    @FunctionalInterface
    public interface UnreadableVisitor {

        /** Refuses unreadable entries: throws {@link UnreadableEntryException} at the first. */
        UnreadableVisitor REFUSE = entry -> {
            throw new UnreadableEntryException(entry);
        };

        void unreadable(UnreadableEntry entry) throws IOException;
    }

    /** How many entries the ledger in {@code dataDirectory} has committed: what a pass over it will read. */
    public static long committedIn(Path dataDirectory) {
        Path directory = existingDirectoryIn(dataDirectory);
        try {
            return HeadFile.read(directory).entries();
        } catch (IOException e) {
            throw new CivitasException("cannot read the ledger in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every committed event of the ledger in {@code dataDirectory}, in order, without opening it for writing.
     * Entries are checked against their checksums (use {@link #verify} to check the hash chain). Throws
     * {@link LedgerDamagedException} if an entry's frame cannot be read, and {@link UnreadableEntryException} if its
     * payload cannot be read as an event.
     */
    public static long read(Path dataDirectory, EventVisitor visitor) {
        return read(dataDirectory, visitor, UnreadableVisitor.REFUSE);
    }

    /** Reads as {@link #read(Path, EventVisitor)} does, handing unreadable entries to {@code unreadable}. */
    public static long read(Path dataDirectory, EventVisitor visitor, UnreadableVisitor unreadable) {
        return read(dataDirectory, (jurisdiction, type) -> true, visitor, (sequence, person) -> { }, unreadable);
    }

    /**
     * Reads the committed events of the ledger in {@code dataDirectory}: the ones {@code selection} wants whole go
     * to {@code selected}; of the others only the person is decoded, for {@code others}. Scoring reads this way:
     * most events are of types no rule reads. Throws {@link UnreadableEntryException} at an unreadable entry.
     */
    public static long read(Path dataDirectory, Selection selection, EventVisitor selected, PersonVisitor others) {
        return read(dataDirectory, selection, selected, others, UnreadableVisitor.REFUSE);
    }

    /**
     * Reads the committed events as {@link #read(Path, Selection, EventVisitor, PersonVisitor)} does, handing each
     * entry that cannot be read as an event (as far as the reader needed to read it) to {@code unreadable}.
     */
    public static long read(Path dataDirectory, Selection selection, EventVisitor selected, PersonVisitor others,
            UnreadableVisitor unreadable) {
        Path directory = existingDirectoryIn(dataDirectory);
        EventDecoder decoder = new EventDecoder();
        try {
            long committed = HeadFile.read(directory).entries();
            LedgerScan.Outcome outcome = LedgerScan.scan(directory, committed, false,
                    (sequence, location, buffer, offset, length) -> {
                        Event event;
                        try {
                            EventDecoder.Header header = decoder.header(buffer, offset, length);
                            if (!selection.wants(header.jurisdiction(), header.type())) {
                                others.person(sequence, header.person());
                                return;
                            }
                            event = decoder.decode(buffer, offset, length);
                        } catch (EventDecoder.UnreadablePayload payload) {
                            unreadable.unreadable(payload.at(sequence));
                            return;
                        }
                        selected.event(sequence, event);
                    });
            if (outcome.damage().isPresent()) {
                throw new LedgerDamagedException(outcome.damage().get());
            }
            return outcome.entries();
        } catch (IOException e) {
            throw new CivitasException("cannot read the ledger in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Hands the payload of every committed entry of the ledger in {@code dataDirectory} to {@code visitor}, as the
     * ledger keeps it (sealed parts sealed), in order; returns how many. Throws {@link LedgerDamagedException} at a
     * frame that cannot be read.
     */
    public static long readPayloads(Path dataDirectory, LedgerTail.PayloadVisitor visitor) {
        Path directory = existingDirectoryIn(dataDirectory);
        try {
            long committed = HeadFile.read(directory).entries();
            LedgerScan.Outcome outcome = LedgerScan.scan(directory, committed, false,
                    (sequence, location, buffer, offset, length) -> visitor.payload(sequence, buffer, offset, length));
            if (outcome.damage().isPresent()) {
                throw new LedgerDamagedException(outcome.damage().get());
            }
            return outcome.entries();
        } catch (IOException e) {
            throw new CivitasException("cannot read the ledger in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Walks the whole chain of the ledger in {@code dataDirectory} and reports the first damage, if any, and the
     * entries that are sound in the chain but cannot be read as events.
     */
    public static Verification verify(Path dataDirectory) {
        Path directory = existingDirectoryIn(dataDirectory);
        EventDecoder decoder = new EventDecoder();
        List<UnreadableEntry> unreadable = new ArrayList<>();
        long[] unreadableCount = {0};
        try {
            LedgerScan.Outcome outcome = LedgerScan.scan(directory, (sequence, location, buffer, offset, length) -> {
                Optional<UnreadableEntry> found = unreadable(decoder, sequence, buffer, offset, length);
                if (found.isPresent() && unreadableCount[0]++ < Verification.MAX_NAMED) {
                    unreadable.add(found.get());
                }
            });
            return new Verification(outcome.entries(), Chain.hex(outcome.lastHash()), outcome.damage(), unreadable,
                    unreadableCount[0]);
        } catch (IOException e) {
            throw new CivitasException("cannot read the ledger in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Why the entry at {@code sequence} cannot be read as an event, if it cannot. */
    private static Optional<UnreadableEntry> unreadable(EventDecoder decoder, long sequence, byte[] buffer, int offset,
            int length) {
        Event event;
        try {
            event = decoder.decode(buffer, offset, length);
        } catch (EventDecoder.UnreadablePayload payload) {
            return Optional.of(payload.at(sequence));
        }
        return AttributesCheck.problem(event).map(reason -> new UnreadableEntry(sequence, reason, Optional.of(
                new UnreadableEntry.Envelope(event.source(), event.id(), event.person(), event.type(),
                        event.jurisdiction(), event.occurredAt()))));
    }

    static Path existingDirectoryIn(Path dataDirectory) {
        Path directory = directoryIn(dataDirectory);
        if (!Files.isDirectory(directory)) {
            throw new CivitasException("no ledger in " + dataDirectory + " (expected " + directory + ")");
        }
        return directory;
    }
}
