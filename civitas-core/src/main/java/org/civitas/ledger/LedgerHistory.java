package org.civitas.ledger;

import java.nio.file.Path;

/**
 * The whole committed ledger, read from its first entry at each call: what replays read (scores again under books
 * just adopted, a proposal's impact, jurisdictions compared). The file ledger of a data directory, or every partition
 * of the Kafka runtime's ledger topic, each in its order.
 */
@FunctionalInterface
public interface LedgerHistory {

    /**
     * Reads every committed entry: those {@code selection} wants whole go to {@code selected}; of the others only
     * the person is read, for {@code others}; entries that cannot be read as events go to {@code unreadable}.
     * Returns how many entries were read.
     */
    long read(FileLedger.Selection selection, FileLedger.EventVisitor selected, FileLedger.PersonVisitor others,
            FileLedger.UnreadableVisitor unreadable);

    /** The file ledger in {@code dataDirectory}, read ahead on a thread of its own. */
    static LedgerHistory inFiles(Path dataDirectory) {
        return (selection, selected, others, unreadable) -> {
            try (LedgerReadAhead ahead = LedgerReadAhead.start(dataDirectory)) {
                return ahead.read(selection, selected, others, unreadable);
            }
        };
    }
}
