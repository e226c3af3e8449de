package org.civitas.ledger;

import java.util.Arrays;
import org.civitas.event.Event;
import org.civitas.event.EventKey;

/**
 * One ledger entry's body apart from any file: {@code [u64 sequence][SHA-256 of the previous body][payload]}, the
 * body the file ledger frames and chains. A partition of the Kafka ledger keeps its entries in this form, one record
 * each, so that the same chain and the same proofs hold there.
 */
public final class EntryBody {

    /** The bytes before a body's payload: its sequence and the previous hash. */
    public static final int PREFIX_BYTES = Chain.BODY_PREFIX_BYTES;

    private EntryBody() {
    }

    /** The previous hash of a chain's first entry: all zeros. */
    public static byte[] genesis() {
        return Chain.GENESIS.clone();
    }

    /** The body of entry {@code sequence}, chained to the body whose hash is {@code previousHash}. */
    public static byte[] of(long sequence, byte[] previousHash, byte[] payload) {
        if (previousHash.length != Chain.HASH_BYTES) {
            throw new IllegalArgumentException("a previous hash is " + Chain.HASH_BYTES + " bytes, not "
                    + previousHash.length);
        }
        if (payload.length > Chain.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("a payload of " + payload.length + " bytes is over the limit of "
                    + Chain.MAX_PAYLOAD_BYTES);
        }
        byte[] body = new byte[Chain.BODY_PREFIX_BYTES + payload.length];
        EventCodec.putLong(body, 0, sequence);
        System.arraycopy(previousHash, 0, body, 8, Chain.HASH_BYTES);
        System.arraycopy(payload, 0, body, Chain.BODY_PREFIX_BYTES, payload.length);
        return body;
    }

    /** The hash the next entry records: the SHA-256 of {@code body}. */
    public static byte[] hash(byte[] body) {
        byte[] hash = new byte[Chain.HASH_BYTES];
        new Chain().hash(body, 0, body.length, hash);
        return hash;
    }

    public static long sequence(byte[] body) {
        return EventCodec.getLong(body, 0);
    }

    /** The hash of the previous body, as {@code body} records it. */
    public static byte[] previousHash(byte[] body) {
        return Arrays.copyOfRange(body, 8, Chain.BODY_PREFIX_BYTES);
    }

    /** The payload of {@code body}: the event as the ledger encodes it. */
    public static byte[] payload(byte[] body) {
        return Arrays.copyOfRange(body, Chain.BODY_PREFIX_BYTES, body.length);
    }

    /** The source and id of the event {@code body} holds; a {@code CivitasException} if they cannot be read. */
    public static EventKey key(byte[] body) {
        EventCodec.Reader reader = new EventCodec.Reader(body, Chain.BODY_PREFIX_BYTES,
                body.length - Chain.BODY_PREFIX_BYTES);
        return new EventKey(reader.name("source", null), reader.name("id", null));
    }

    /** The event {@code body} holds. */
    public static Event event(byte[] body) {
        return EventCodec.decode(body, Chain.BODY_PREFIX_BYTES, body.length - Chain.BODY_PREFIX_BYTES);
    }
}
