package org.civitas.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Supplier;
import org.civitas.ledger.AppendResult;
import org.civitas.ledger.EncodedBatch;
import org.civitas.ledger.LedgerAppender;
import org.civitas.ndjson.NdjsonReader;
import org.civitas.ndjson.RefusedLines;
import org.civitas.privacy.PersonalDataSeal;

/**
 * The one way events come in, whatever the door (a command, a signed batch over HTTP): each line is parsed, checked
 * against the admission, its attributes sealed if its category is personal-only, appended to the ledger and made
 * durable; every refused line is counted and the first {@value RefusedLines#LISTED} listed with why.
 */
public final class Intake {

    /**
     * About how many events a stretch of NDJSON holds, and how many bytes they take in the ledger (a little less than
     * the stretch's megabyte: the names of fields are gone), to size a batch.
     */
    private static final int EVENTS_PER_STRETCH = 6_000;
    private static final int BYTES_PER_STRETCH = 1 << 20;

    /** Hears of each stretch of the input once it is taken. */
    @FunctionalInterface
    public interface Progress {

        /** Nothing to hear. */
        Progress NONE = (refused, bytes) -> { };

        /**
         * @param refused the stretch's refused lines, numbered as lines of the whole input
         * @param bytes how many bytes of the input the stretch covered
         */
        void taken(RefusedLines refused, long bytes);
    }

    private final LedgerAppender ledger;
    private final PersonalDataSeal seal;

    public Intake(LedgerAppender ledger, PersonalDataSeal seal) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.seal = Objects.requireNonNull(seal, "seal");
    }

    /**
     * Takes the events of {@code input} that {@code admission} admits, read by {@code reader}. What is written is
     * made durable each time {@code commitEveryBytes} more bytes of input are read, and at the end: an intake that
     * answers a sender passes 0, to commit every stretch as it goes.
     *
     * @param progress told of each stretch once it is taken
     */
    public IntakeReport take(InputStream input, NdjsonReader reader, Admission admission, long commitEveryBytes,
            Progress progress) throws IOException {
        Tally tally = new Tally();
        reader.read(input, encoders(admission), (encoded, refused, bytes) -> {
                    tally.refused.addAll(refused, 0);
                    tally.add(write(encoded));
                    tally.uncommittedBytes += bytes;
                    if (tally.uncommittedBytes >= commitEveryBytes) {
                        commit();
                        tally.uncommittedBytes = 0;
                    }
                    progress.taken(refused, bytes);
                });
        commit();
        return tally.report();
    }

    /** What reads each stretch into ledger entries: a new one per stretch, on its parsing thread. */
    public Supplier<NdjsonReader.StretchReader<EncodedBatch>> encoders(Admission admission) {
        Objects.requireNonNull(admission, "admission");
        return () -> new IngestEncoder(seal, admission, ledger.newBatch(EVENTS_PER_STRETCH, BYTES_PER_STRETCH));
    }

    private AppendResult write(EncodedBatch encoded) {
        return encoded.size() == 0 ? null : ledger.write(encoded);
    }

    /** Makes the keys durable, then the entries sealed with them. */
    private void commit() {
        seal.keys().sync();
        ledger.commit();
    }

    /** What an intake came to so far. */
    private static final class Tally {
        final RefusedLines refused = new RefusedLines();
        long accepted;
        long duplicates;
        long endSequence;
        long uncommittedBytes;

        void add(AppendResult result) {
            if (result != null) {
                accepted += result.accepted();
                duplicates += result.duplicates();
                endSequence = result.endSequence();
            }
        }

        IntakeReport report() {
            return new IntakeReport(accepted, duplicates, refused, endSequence);
        }
    }
}
