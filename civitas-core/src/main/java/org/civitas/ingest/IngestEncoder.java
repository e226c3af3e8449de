package org.civitas.ingest;

import java.util.Objects;
import java.util.function.Supplier;
import org.civitas.event.Event;
import org.civitas.event.EventLine;
import org.civitas.event.EventLine.Name;
import org.civitas.event.NameCache;
import org.civitas.event.NdjsonReader;
import org.civitas.ledger.EncodedBatch;
import org.civitas.ledger.FileLedger;
import org.civitas.privacy.PersonalDataSeal;

/**
 * Reads a stretch of NDJSON into a batch for the ledger, sealing the attributes of personal-only events on the way.
 * A plain line is encoded from its bytes; any other event is sealed and encoded as an object. Either way the ledger
 * gets the same entry. One encoder reads one stretch, on one thread.
 */
public final class IngestEncoder implements NdjsonReader.StretchReader<EncodedBatch> {

    /**
     * About how many events a stretch of NDJSON holds, and how many bytes they take in the ledger (a little less than
     * the stretch's megabyte: the names of fields are gone), to size a batch.
     */
    private static final int EVENTS_PER_STRETCH = 6_000;
    private static final int BYTES_PER_STRETCH = 1 << 20;

    private final PersonalDataSeal seal;
    private final EncodedBatch.Builder batch;
    private final NameCache names = NameCache.forThisThread();

    private IngestEncoder(PersonalDataSeal seal, EncodedBatch.Builder batch) {
        this.seal = seal;
        this.batch = batch;
    }

    /** Encoders of stretches for {@code ledger}, sealing with {@code seal}. */
    public static Supplier<IngestEncoder> into(FileLedger ledger, PersonalDataSeal seal) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(seal, "seal");
        return () -> new IngestEncoder(seal, ledger.newBatch(EVENTS_PER_STRETCH, BYTES_PER_STRETCH));
    }

    @Override
    public void line(EventLine line, long lineNumber) {
        String category = seal.categoryOf(name(line, Name.SOURCE), name(line, Name.TYPE));
        if (!seal.seals(category)) {
            batch.add(line);
            return;
        }
        int sealedLength = PersonalDataSeal.sealedLength(line.attributesEnd() - line.attributesStart());
        int sealedAt = batch.addSealed(line, category, sealedLength);
        seal.seal(line, name(line, Name.PERSON), category, batch.bytes(), sealedAt);
    }

    @Override
    public void event(Event event, long lineNumber) {
        batch.add(seal.seal(event));
    }

    @Override
    public EncodedBatch result() {
        return batch.build();
    }

    private String name(EventLine line, Name name) {
        int start = line.start(name);
        return names.get(line.bytes(), start, line.end(name) - start);
    }
}
