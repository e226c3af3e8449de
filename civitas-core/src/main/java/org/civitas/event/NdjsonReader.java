package org.civitas.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

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

    /** Receives parsed stretches of the input with what was prepared from their events, in order. */
    @FunctionalInterface
    public interface PreparedBatchHandler<T> {
        void handle(ParsedBatch batch, T prepared) throws IOException;
    }

    static final int CHUNK_BYTES = 1 << 20;

    /** How many chunks may be read and parsed ahead of the caller: bounds memory to a few megabytes. */
    private static final int READ_AHEAD_CHUNKS = 8;

    private static final Future<ParsedChunk> END = CompletableFuture.completedFuture(null);

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

    /**
     * Reads every line of {@code input}, handing the parsed stretches to {@code handler} in input order. A reading
     * thread keeps the parsers busy while the caller handles what is already parsed, up to a bounded read-ahead.
     */
    public void read(InputStream input, BatchHandler handler) throws IOException {
        Objects.requireNonNull(handler, "handler");
        read(input, events -> null, (batch, nothing) -> handler.handle(batch));
    }

    /**
     * Reads like {@link #read(InputStream, BatchHandler)}, and also turns each stretch's events into something else
     * with {@code prepare} on the parsing threads, while the data is fresh in their caches: work taken off the
     * caller's thread, which handles the stretches one after the other.
     */
    public <T> void read(InputStream input, Function<List<Event>, T> prepare, PreparedBatchHandler<T> handler)
            throws IOException {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(prepare, "prepare");
        Objects.requireNonNull(handler, "handler");
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, daemon("ndjson-parser"));
        BlockingQueue<Future<ParsedChunk>> parsed = new ArrayBlockingQueue<>(READ_AHEAD_CHUNKS);
        Thread reader = daemon("ndjson-reader").newThread(() -> readAhead(input, workers, parsed, prepare));
        reader.start();
        try {
            LineCounter lines = new LineCounter();
            for (Future<ParsedChunk> next = take(parsed); next != END; next = take(parsed)) {
                ParsedChunk chunk = await(next);
                @SuppressWarnings("unchecked")
                T prepared = (T) chunk.prepared();
                handler.handle(lines.place(chunk), prepared);
            }
        } finally {
            reader.interrupt();
            workers.shutdownNow();
        }
    }

    /** Cuts the input into chunks and hands each to a parser, queueing the results in input order. */
    private static void readAhead(InputStream input, ExecutorService workers,
            BlockingQueue<Future<ParsedChunk>> parsed, Function<List<Event>, ?> prepare) {
        try {
            ChunkSplitter splitter = new ChunkSplitter(input);
            for (Chunk chunk = splitter.next(); chunk != null; chunk = splitter.next()) {
                Chunk next = chunk;
                parsed.put(workers.submit(() -> parse(next, prepare)));
            }
            parsed.put(END);
        } catch (IOException e) {
            parsed.offer(CompletableFuture.failedFuture(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RejectedExecutionException e) {
            // The caller stopped reading; nothing is waiting for more.
        }
    }

    private static Future<ParsedChunk> take(BlockingQueue<Future<ParsedChunk>> parsed) throws IOException {
        try {
            return parsed.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading events", e);
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
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

    private static ParsedChunk await(Future<ParsedChunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while parsing events", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
    }

    /** Parses a chunk; its line numbers count from 1 at the chunk's first line until {@link LineCounter} places it. */
    static ParsedChunk parse(Chunk chunk, Function<List<Event>, ?> prepare) {
        List<Event> events = new ArrayList<>(chunk.length() / 160 + 1);
        List<LineError> errors = new ArrayList<>(chunk.errors());
        int lines = chunk.errors().isEmpty()
                ? EventParser.parseLines(chunk.data(), 0, chunk.length(), 1, events, errors)
                : 1;
        return new ParsedChunk(events, errors, lines, chunk.inputBytes(), prepare.apply(events));
    }

    /** A parsed chunk before its line numbers are known, with what was prepared from its events. */
    record ParsedChunk(List<Event> events, List<LineError> errors, int lines, long inputBytes, Object prepared) {
    }

    /** Turns chunk-relative line numbers into input line numbers, chunk after chunk in input order. */
    private static final class LineCounter {
        private long linesBefore;

        ParsedBatch place(ParsedChunk chunk) {
            List<LineError> errors = chunk.errors();
            if (linesBefore > 0 && !errors.isEmpty()) {
                List<LineError> placed = new ArrayList<>(errors.size());
                for (LineError error : errors) {
                    placed.add(new LineError(error.line() + linesBefore, error.field(), error.reason()));
                }
                errors = placed;
            }
            linesBefore += chunk.lines();
            return new ParsedBatch(chunk.events(), errors, chunk.inputBytes());
        }
    }

    /**
     * Whole lines of the input; {@code errors} holds a line refused before parsing (longer than a chunk), and
     * {@code inputBytes} how much input the chunk stands for.
     */
    record Chunk(byte[] data, int length, List<LineError> errors, long inputBytes) {
    }

    /** Cuts the input into chunks of whole lines, skipping (and reporting) lines too long to hold. */
    static final class ChunkSplitter {

        private final InputStream input;
        private byte[] carry = new byte[0];
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
                    return new Chunk(data, length, List.of(), progress());
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
            return new Chunk(new byte[0], 0, List.of(EventParser.tooLong(1, length)), progress());
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
    }
}
