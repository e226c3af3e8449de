package org.civitas.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads one segment file frame by frame, checking each frame's length and checksum. A segment still being written may
 * grow while it is scanned: the scanner sees the frames written before it reaches them.
 */
final class SegmentScanner implements AutoCloseable {

    enum Step {
        FRAME,
        END,
        /** The file ends inside a frame. */
        TRUNCATED,
        /** A frame's length field is impossible. */
        BAD_LENGTH,
        /** A frame's body does not match its checksum. */
        BAD_CHECKSUM
    }

    private static final int DEFAULT_BUFFER_BYTES = 8 << 20;

    private final Path file;
    private final FileChannel channel;
    private long size;
    private final Chain chain = new Chain();
    private final byte[] buffer;
    private long bufferFileOffset;
    private int start;
    private int end;
    private long frameOffset;
    private int bodyOffset;
    private int bodyLength;

    SegmentScanner(Path file) throws IOException {
        this(file, DEFAULT_BUFFER_BYTES);
    }

    SegmentScanner(Path file, int bufferBytes) throws IOException {
        this.file = file;
        this.buffer = new byte[bufferBytes];
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
    }

    Step next() throws IOException {
        frameOffset = bufferFileOffset + start;
        if (frameOffset >= size && frameOffset >= (size = channel.size())) {
            return Step.END;
        }
        if (!ensure(Chain.HEADER_BYTES)) {
            return Step.TRUNCATED;
        }
        int length = EventCodec.getInt(buffer, start);
        if (length < Chain.BODY_PREFIX_BYTES || length > Chain.MAX_BODY_BYTES) {
            return Step.BAD_LENGTH;
        }
        if (!ensure(Chain.HEADER_BYTES + length)) {
            return Step.TRUNCATED;
        }
        int checksum = EventCodec.getInt(buffer, start + 4);
        if (checksum != chain.crc(buffer, start + Chain.HEADER_BYTES, length)) {
            return Step.BAD_CHECKSUM;
        }
        bodyOffset = start + Chain.HEADER_BYTES;
        bodyLength = length;
        start += Chain.HEADER_BYTES + length;
        return Step.FRAME;
    }

    Path file() {
        return file;
    }

    /** Where in the file the frame last looked at starts. */
    long frameOffset() {
        return frameOffset;
    }

    /** The buffer holding the current frame's body; valid until the next call to {@link #next()}. */
    byte[] buffer() {
        return buffer;
    }

    int bodyOffset() {
        return bodyOffset;
    }

    int bodyLength() {
        return bodyLength;
    }

    long sequence() {
        return EventCodec.getLong(buffer, bodyOffset);
    }

    int payloadOffset() {
        return bodyOffset + Chain.BODY_PREFIX_BYTES;
    }

    int payloadLength() {
        return bodyLength - Chain.BODY_PREFIX_BYTES;
    }

    /** Whether {@code count} bytes from the current position are in the buffer, reading more if need be. */
    private boolean ensure(int count) throws IOException {
        if (end - start >= count) {
            return true;
        }
        System.arraycopy(buffer, start, buffer, 0, end - start);
        bufferFileOffset += start;
        end -= start;
        start = 0;
        ByteBuffer target = ByteBuffer.wrap(buffer, end, buffer.length - end);
        while (end < count) {
            int read = channel.read(target, bufferFileOffset + end);
            if (read <= 0) {
                return false;
            }
            end += read;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
