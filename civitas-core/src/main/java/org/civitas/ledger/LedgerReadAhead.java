package org.civitas.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.civitas.CivitasException;

/**
 * Reads the committed entries of a ledger ahead, on a thread of its own: there each frame is checked and each entry's
 * person, type and jurisdiction decoded, a batch at a time, while the caller's thread decides which entries it needs
 * whole, decodes those, and scores. Started before the caller knows which it needs (its rule books still compiling),
 * it has read the ledger's first batches by then. A pass over a ledger then takes both cores where there are two.
 *
 * <p>What the caller is handed, and in what order, is what {@link FileLedger#read(Path, FileLedger.Selection,
 * FileLedger.EventVisitor, FileLedger.PersonVisitor, FileLedger.UnreadableVisitor)} hands it.
 */
public final class LedgerReadAhead implements AutoCloseable {

    private static final int BATCH = 4_096;
    private static final int BATCHES_AHEAD = 16;

    private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    /** Batches taken, to be filled again rather than made anew. */
    private final BlockingQueue<Batch> emptied = new ArrayBlockingQueue<>(BATCHES_AHEAD + 2);
    private final Thread reader;
    private volatile boolean closed;

    /** Entries read ahead: each one's place, and its header and payload, or why it cannot be read. */
    private static final class Batch {
        final long[] sequences = new long[BATCH];
        final String[] persons = new String[BATCH];
        final String[] types = new String[BATCH];
        final String[] jurisdictions = new String[BATCH];
        final UnreadableEntry[] unreadable = new UnreadableEntry[BATCH];
        final int[] offsets = new int[BATCH + 1];
        byte[] payloads = new byte[BATCH * 256];
        int size;
        /** Set on the last batch only: how the read ended. */
        Outcome outcome;

        boolean full() {
            return size == BATCH;
        }

        void add(long sequence, EventDecoder.Header header, byte[] buffer, int offset, int length) {
            sequences[size] = sequence;
            persons[size] = header.person();
            types[size] = header.type();
            jurisdictions[size] = header.jurisdiction();
            int at = offsets[size];
            if (at + length > payloads.length) {
                payloads = Arrays.copyOf(payloads, Math.max(payloads.length * 2, at + length));
            }
            System.arraycopy(buffer, offset, payloads, at, length);
            offsets[++size] = at + length;
        }

        Batch emptied() {
            Arrays.fill(unreadable, 0, size, null);
            size = 0;
            outcome = null;
            return this;
        }

        void addUnreadable(UnreadableEntry entry) {
            sequences[size] = entry.sequence();
            unreadable[size] = entry;
            offsets[size + 1] = offsets[size];
            size++;
        }
    }

    /** How a read ended: how many entries it read, or the failure that stopped it. */
    private record Outcome(long entries, RuntimeException failure) {
    }

    private LedgerReadAhead(Path directory) {
        this.reader = new Thread(() -> readAll(directory), "ledger-read-ahead");
        this.reader.setDaemon(true);
    }

    /** Starts reading the committed entries of the ledger in {@code dataDirectory}. */
    public static LedgerReadAhead start(Path dataDirectory) {
        LedgerReadAhead ahead = new LedgerReadAhead(FileLedger.existingDirectoryIn(dataDirectory));
        ahead.reader.start();
        return ahead;
    }

    private void readAll(Path directory) {
        EventDecoder decoder = new EventDecoder();
        Batch[] filling = {fresh()};
        Outcome outcome;
        try {
            long committed = HeadFile.read(directory).entries();
            LedgerScan.Outcome scanned = LedgerScan.scan(directory, committed, false,
                    (sequence, location, buffer, offset, length) -> {
                        try {
                            filling[0].add(sequence, decoder.header(buffer, offset, length), buffer, offset, length);
                        } catch (EventDecoder.UnreadablePayload payload) {
                            filling[0].addUnreadable(payload.at(sequence));
                        }
                        if (filling[0].full()) {
                            hand(filling[0]);
                            filling[0] = fresh();
                        }
                    });
            outcome = scanned.damage().isPresent()
                    ? new Outcome(0, new LedgerDamagedException(scanned.damage().get()))
                    : new Outcome(scanned.entries(), null);
        } catch (IOException e) {
            outcome = new Outcome(0, new CivitasException("cannot read the ledger in " + directory + ": "
                    + e.getMessage(), e));
        } catch (Stopped stopped) {
            return;
        } catch (RuntimeException e) {
            outcome = new Outcome(0, e);
        }
        filling[0].outcome = outcome;
        try {
            hand(filling[0]);
        } catch (Stopped stopped) {
            // closed meanwhile: nobody waits for the end
        }
    }

    private Batch fresh() {
        Batch batch = emptied.poll();
        return batch != null ? batch : new Batch();
    }

    /** The caller closed the read ahead: the reader stops where it is. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private void hand(Batch batch) {
        try {
            while (!batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    /**
     * Takes every entry read, in order: the ones {@code selection} wants whole go to {@code selected}, decoded on this
     * thread; of the others the person goes to {@code others}; an entry that cannot be read as an event (as far as
     * was needed) goes to {@code unreadable}. Returns how many entries there were; throws
     * {@link LedgerDamagedException} at a frame that cannot be read, as {@link FileLedger#read} does.
     */
    public long read(FileLedger.Selection selection, FileLedger.EventVisitor selected,
            FileLedger.PersonVisitor others, FileLedger.UnreadableVisitor unreadable) {
        EventDecoder decoder = new EventDecoder();
        try {
            while (true) {
                Batch batch = batches.take();
                for (int i = 0; i < batch.size; i++) {
                    take(batch, i, decoder, selection, selected, others, unreadable);
                }
                Outcome outcome = batch.outcome;
                if (outcome != null) {
                    if (outcome.failure() != null) {
                        throw outcome.failure();
                    }
                    return outcome.entries();
                }
                emptied.offer(batch.emptied());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CivitasException("interrupted while reading the ledger", e);
        } catch (IOException e) {
            throw new CivitasException("cannot take an entry of the ledger: " + e.getMessage(), e);
        }
    }

    private static void take(Batch batch, int i, EventDecoder decoder, FileLedger.Selection selection,
            FileLedger.EventVisitor selected, FileLedger.PersonVisitor others, FileLedger.UnreadableVisitor unreadable)
            throws IOException {
        long sequence = batch.sequences[i];
        if (batch.unreadable[i] != null) {
            unreadable.unreadable(batch.unreadable[i]);
            return;
        }
        if (!selection.wants(batch.jurisdictions[i], batch.types[i])) {
            others.person(sequence, batch.persons[i]);
            return;
        }
        int offset = batch.offsets[i];
        try {
            selected.event(sequence, decoder.decode(batch.payloads, offset, batch.offsets[i + 1] - offset));
        } catch (EventDecoder.UnreadablePayload payload) {
            unreadable.unreadable(payload.at(sequence));
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
