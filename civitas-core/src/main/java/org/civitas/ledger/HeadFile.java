package org.civitas.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The ledger's head, kept durable beside the segments. Two slots are written in turn, each with its own checksum, so
 * a write torn by a crash leaves the other slot, one commit older, intact.
 */
final class HeadFile implements AutoCloseable {

    static final String NAME = "head";
    private static final int SLOT_BYTES = 64;
    private static final int RECORD_BYTES = 8 + 8 + Chain.HASH_BYTES;

    private final FileChannel channel;
    private final Chain chain = new Chain();
    private long commits;

    private HeadFile(FileChannel channel, long commits) {
        this.channel = channel;
        this.commits = commits;
    }

    static HeadFile open(Path ledgerDirectory) throws IOException {
        FileChannel channel = FileChannel.open(ledgerDirectory.resolve(NAME),
                StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Slot slot = newest(channel);
        return new HeadFile(channel, slot == null ? 0 : slot.commit + 1);
    }

    /** The head recorded in {@code ledgerDirectory}, or {@link Head#EMPTY} when none was ever written. */
    static Head read(Path ledgerDirectory) throws IOException {
        Path file = ledgerDirectory.resolve(NAME);
        if (!Files.exists(file)) {
            return Head.EMPTY;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Slot slot = newest(channel);
            return slot == null ? Head.EMPTY : slot.head;
        }
    }

    /** Durably records {@code head}; returns once it is on disk. */
    void write(Head head) throws IOException {
        byte[] record = new byte[SLOT_BYTES];
        EventCodec.putLong(record, 0, commits);
        EventCodec.putLong(record, 8, head.entries());
        System.arraycopy(head.lastHash(), 0, record, 16, Chain.HASH_BYTES);
        EventCodec.putInt(record, RECORD_BYTES, chain.crc(record, 0, RECORD_BYTES));
        ByteBuffer buffer = ByteBuffer.wrap(record);
        long position = (commits % 2) * SLOT_BYTES;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(false);
        commits++;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private record Slot(long commit, Head head) {
    }

    private static Slot newest(FileChannel channel) throws IOException {
        Slot newest = null;
        Chain chain = new Chain();
        for (int slot = 0; slot < 2; slot++) {
            ByteBuffer buffer = ByteBuffer.allocate(SLOT_BYTES);
            while (buffer.hasRemaining() && channel.read(buffer, slot * SLOT_BYTES + buffer.position()) > 0) {
                continue;
            }
            byte[] record = buffer.array();
            if (buffer.position() < SLOT_BYTES
                    || EventCodec.getInt(record, RECORD_BYTES) != chain.crc(record, 0, RECORD_BYTES)) {
                continue;
            }
            long commit = EventCodec.getLong(record, 0);
            byte[] hash = Arrays.copyOfRange(record, 16, 16 + Chain.HASH_BYTES);
            if (newest == null || commit > newest.commit) {
                newest = new Slot(commit, new Head(EventCodec.getLong(record, 8), hash));
            }
        }
        return newest;
    }
}
