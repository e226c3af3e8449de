package org.civitas.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads NDJSON events from a stream. Stretches of lines are parsed on worker threads while the caller handles the
 * stretches already parsed, always in input order, so what the caller sees is exactly a sequential read.
 */
public final class NdjsonReader {

    /** Receives parsed stretches of the input, in order, on the thread that called {@link #read}. */
    @FunctionalInterface
    public interface BatchHandler {
        void handle(ParsedBatch batch) throws IOException;
    }

    static final int CHUNK_BYTES = 1 << 20;

    private final int parallelism;

    public NdjsonReader(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** A reader with one parsing thread per available processor. */
    public static NdjsonReader withAvailableProcessors() {
        return new NdjsonReader(Runtime.getRuntime().availableProcessors());
    }

    /** Reads every line of {@code input}, handing the parsed stretches to {@code handler} in input order. */
    public void read(InputStream input, BatchHandler handler) throws IOException {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(handler, "handler");
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "ndjson-parser");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<ParsedBatch>> pending = new ArrayDeque<>();
            ChunkSplitter splitter = new ChunkSplitter(input);
            for (Chunk chunk = splitter.next(); chunk != null; chunk = splitter.next()) {
                Chunk parsed = chunk;
                pending.add(workers.submit(() -> parse(parsed)));
                while (pending.size() > 2 * parallelism) {
                    handler.handle(await(pending.removeFirst()));
                }
            }
            while (!pending.isEmpty()) {
                handler.handle(await(pending.removeFirst()));
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** Parses all of {@code input} on the calling thread and returns it as one batch; for small inputs and tests. */
    public static ParsedBatch readAll(InputStream input) throws IOException {
        List<Event> events = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        long[] bytes = {0};
        new NdjsonReader(1).read(input, batch -> {
            events.addAll(batch.events());
            errors.addAll(batch.errors());
            bytes[0] += batch.bytes();
        });
        return new ParsedBatch(events, errors, bytes[0]);
    }

    private static ParsedBatch await(Future<ParsedBatch> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while parsing events", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
    }

    static ParsedBatch parse(Chunk chunk) {
        List<Event> events = new ArrayList<>(chunk.length() / 128 + 1);
        List<LineError> errors = new ArrayList<>(chunk.errors());
        byte[] data = chunk.data();
        long line = chunk.firstLine();
        int start = 0;
        while (start < chunk.length()) {
            int end = start;
            while (end < chunk.length() && data[end] != '\n') {
                end++;
            }
            int contentEnd = end > start && data[end - 1] == '\r' ? end - 1 : end;
            if (!isBlank(data, start, contentEnd)) {
                EventParser.parseLine(data, start, contentEnd - start, line, events, errors);
            }
            line++;
            start = end + 1;
        }
        return new ParsedBatch(events, errors, chunk.inputBytes());
    }

    private static boolean isBlank(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = data[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whole lines of the input, starting at line {@code firstLine}; {@code errors} holds lines refused before
     * parsing (longer than a chunk), {@code inputBytes} how much input the chunk stands for.
     */
    record Chunk(byte[] data, int length, long firstLine, List<LineError> errors, long inputBytes) {
    }

    /** Cuts the input into chunks of whole lines, skipping (and reporting) lines too long to hold. */
    static final class ChunkSplitter {

        private final InputStream input;
        private byte[] carry = new byte[0];
        private long nextLine = 1;
        private long consumed;
        private long reported;
        private boolean exhausted;

        ChunkSplitter(InputStream input) {
            this.input = input;
        }

        /** The next chunk, or null at the end of the input. */
        Chunk next() throws IOException {
            while (!exhausted || carry.length > 0) {
                byte[] data = new byte[CHUNK_BYTES];
                System.arraycopy(carry, 0, data, 0, carry.length);
                int filled = fill(data, carry.length);
                int lastNewline = lastNewline(data, filled);
                if (lastNewline < 0 && !exhausted) {
                    return skipOverlongLine(filled);
                }
                int length = lastNewline < 0 ? filled : lastNewline + 1;
                carry = Arrays.copyOfRange(data, length, filled);
                if (length > 0) {
                    long firstLine = nextLine;
                    nextLine += countNewlines(data, length) + (lastNewline < 0 ? 1 : 0);
                    return new Chunk(data, length, firstLine, List.of(), progress());
                }
            }
            return null;
        }

        private int fill(byte[] data, int from) throws IOException {
            int filled = from;
            while (filled < data.length && !exhausted) {
                int read = input.read(data, filled, data.length - filled);
                if (read < 0) {
                    exhausted = true;
                } else {
                    filled += read;
                    consumed += read;
                }
            }
            return filled;
        }

        private Chunk skipOverlongLine(long alreadyHeld) throws IOException {
            long length = alreadyHeld;
            byte[] scratch = new byte[64 * 1024];
            carry = new byte[0];
            while (true) {
                int read = input.read(scratch);
                if (read < 0) {
                    exhausted = true;
                    break;
                }
                consumed += read;
                int newline = indexOf(scratch, read, (byte) '\n');
                if (newline >= 0) {
                    length += newline;
                    carry = Arrays.copyOfRange(scratch, newline + 1, read);
                    break;
                }
                length += read;
            }
            long line = nextLine++;
            return new Chunk(new byte[0], 0, line, List.of(EventParser.tooLong(line, length)), progress());
        }

        private long progress() {
            long sinceLast = consumed - reported;
            reported = consumed;
            return sinceLast;
        }

        private static int lastNewline(byte[] data, int length) {
            for (int i = length - 1; i >= 0; i--) {
                if (data[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private static int indexOf(byte[] data, int length, byte value) {
            for (int i = 0; i < length; i++) {
                if (data[i] == value) {
                    return i;
                }
            }
            return -1;
        }

        private static long countNewlines(byte[] data, int length) {
            long count = 0;
            for (int i = 0; i < length; i++) {
                if (data[i] == '\n') {
                    count++;
                }
            }
            return count;
        }
    }
}
