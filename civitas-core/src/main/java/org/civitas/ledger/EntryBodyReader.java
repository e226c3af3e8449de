package org.civitas.ledger;

import java.io.IOException;
import java.util.Optional;
import org.civitas.event.Event;

/**
 * Reads entry bodies, as a partition of the Kafka ledger topic keeps them, into events; a body that is not a
 * readable event is handed out as an {@link UnreadableEntry}, as the file ledger's readers hand out its entries.
 * Not thread-safe: one reader per reading thread.
 */
public final class EntryBodyReader {

    private final EventDecoder decoder = new EventDecoder();

    /** Hands the event {@code body} holds to {@code visitor} as the entry at {@code position}, or else why not. */
    public void read(long position, byte[] body, FileLedger.EventVisitor visitor,
            FileLedger.UnreadableVisitor unreadable) throws IOException {
        if (body == null || body.length < EntryBody.PREFIX_BYTES) {
            unreadable.unreadable(new UnreadableEntry(position, "not an entry body: "
                    + (body == null ? "none" : body.length + " bytes"), Optional.empty()));
            return;
        }
        Event event;
        try {
            event = decoder.decode(body, EntryBody.PREFIX_BYTES, body.length - EntryBody.PREFIX_BYTES);
        } catch (EventDecoder.UnreadablePayload payload) {
            unreadable.unreadable(payload.at(position));
            return;
        }
        visitor.event(position, event);
    }
}
