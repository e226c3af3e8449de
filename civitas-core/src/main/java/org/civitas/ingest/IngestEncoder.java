package org.civitas.ingest;

import java.util.ArrayList;
import java.util.List;
import org.civitas.event.Event;
import org.civitas.event.EventFields.Name;
import org.civitas.event.EventFields;
import org.civitas.event.NameCache;
import org.civitas.ledger.EncodedBatch;
import org.civitas.ndjson.LineError;
import org.civitas.ndjson.NdjsonReader;
import org.civitas.privacy.PersonalDataSeal;

/**
 * Reads a stretch of NDJSON into a batch for the ledger: refuses, with its line, each event the admission does not
 * take, and seals the attributes of personal-only events on the way. A plain line is encoded from its bytes; any
 * other event from the object. Either way the attributes are sealed straight into the batch and the ledger gets the
 * same entry. One encoder reads one stretch, on one thread.
 */
final class IngestEncoder implements NdjsonReader.StretchReader<EncodedBatch> {

    private final PersonalDataSeal seal;
    private final Admission admission;
    private final EncodedBatch.Builder batch;
    private final NameCache names = NameCache.forThisThread();
    private final List<LineError> refused = new ArrayList<>();

    IngestEncoder(PersonalDataSeal seal, Admission admission, EncodedBatch.Builder batch) {
        this.seal = seal;
        this.admission = admission;
        this.batch = batch;
    }

    @Override
    public void line(EventFields line, long lineNumber) {
        String category = admission.categoryOf(name(line, Name.SOURCE), name(line, Name.TYPE),
                name(line, Name.JURISDICTION), lineNumber, refused);
        if (category == null) {
            return;
        }
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
        String category = admission.categoryOf(event.source(), event.type(), event.jurisdiction(), lineNumber,
                refused);
        if (category == null) {
            return;
        }
        if (!seal.seals(category)) {
            batch.add(event);
            return;
        }
        int sealedLength = PersonalDataSeal.sealedLength(event.attributes().jsonLength());
        int sealedAt = batch.addSealed(event, category, sealedLength);
        seal.seal(event, category, batch.bytes(), sealedAt);
    }

    @Override
    public EncodedBatch result() {
        return batch.build();
    }

    @Override
    public List<LineError> refused() {
        return refused;
    }

    private String name(EventFields line, Name name) {
        int start = line.start(name);
        return names.get(line.bytes(), start, line.end(name) - start);
    }
}
