package org.civitas.ndjson;

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
import java.util.function.Supplier;
import org.civitas.event.Event;

/**
 * Reads NDJSON events from a stream. Stretches of lines are parsed on worker threads while the caller handles the
 * stretches already parsed, always in input order, so what the caller sees is exactly a sequential read. Memory is
 * bounded whatever the input holds: a few stretches of a megabyte are held at once, a longer line is skipped unread,
 * and of the refused lines of a stretch only the first {@value RefusedLines#LISTED} are listed.
 */
public final class NdjsonReader {

    /** Receives parsed stretches of the input, in order, on the thread that called {@link #read}. */
    @FunctionalInterface
    public interface BatchHandler {
        void handle(ParsedBatch batch) throws IOException;
    }

    /**
     * Reads the events of one stretch of the input into something: a list of events, ledger entries. A new one reads
     * each stretch, on a parsing thread.
     */
    public interface StretchReader<T> extends EventParser.EventSink {

        /** What was read from the stretch. */
        T result();

        /**
         * The lines this reader refused itself, for what a parser cannot know (who may send what), in line order and
         * numbered as the lines it was handed.
         */
        default List<LineError> refused() {
            return List.of();
        }
    }

    /** Receives what was read from each stretch of the input, in order. */
    @FunctionalInterface
    public interface StretchHandler<T> {
        /**
         * @param refused the stretch's refused lines, numbered as lines of the whole input
         * @param bytes how many bytes of the input the stretch covered, for progress reports
         */
        void handle(T read, RefusedLines refused, long bytes) throws IOException;
    }

    static final int CHUNK_BYTES = 1 << 20;

    /** How many chunks may be read and parsed ahead of the caller: bounds memory to a few megabytes. */
    private static final int READ_AHEAD_CHUNKS = 8;

    @SuppressWarnings("rawtypes")
    private static final Future END = CompletableFuture.completedFuture(null);

    /** How many threads parse; none: the caller's thread does, just before it handles each stretch. */
    private final int parallelism;
    private final OccurrenceWindow window;

    /** A reader with {@code parallelism} parsing threads that takes the events that occurred in {@code window}. */
    public NdjsonReader(int parallelism, OccurrenceWindow window) {
        this(window, parallelism);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
    }

    private NdjsonReader(OccurrenceWindow window, int parallelism) {
        this.parallelism = parallelism;
        this.window = Objects.requireNonNull(window, "window");
    }

    /** A reader with one parsing thread per available processor. */
    public static NdjsonReader withAvailableProcessors(OccurrenceWindow window) {
        return new NdjsonReader(Runtime.getRuntime().availableProcessors(), window);
    }

    /**
     * A reader that parses each stretch on the calling thread, just before handing it on: for inputs that one
     * request sends, where no threads should be started.
     */
    public static NdjsonReader onThisThread(OccurrenceWindow window) {
        return new NdjsonReader(window, 0);
    }

    /**
     * Reads every line of {@code input}, handing the parsed stretches to {@code handler} in input order. A reading
     * thread keeps the parsers busy while the caller handles what is already parsed, up to a bounded read-ahead.
     */
    public void read(InputStream input, BatchHandler handler) throws IOException {
        Objects.requireNonNull(handler, "handler");
        read(input, () -> new EventParser.Collector(new ArrayList<>()),
                (events, refused, bytes) -> handler.handle(new ParsedBatch(events, refused, bytes)));
    }

    /**
     * Reads like {@link #read(InputStream, BatchHandler)}, each stretch read by a new reader from {@code readers} on
     * a parsing thread, while the data is fresh in its cache: work taken off the caller's thread, which handles the
     * results one after the other.
     */
    public <T> void read(InputStream input, Supplier<? extends StretchReader<T>> readers, StretchHandler<T> handler)
            throws IOException {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(readers, "readers");
        Objects.requireNonNull(handler, "handler");
        if (parallelism == 0) {
            readOnThisThread(input, readers, handler);
            return;
        }
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, daemon("ndjson-parser"));
        BlockingQueue<Future<ParsedChunk<T>>> parsed = new ArrayBlockingQueue<>(READ_AHEAD_CHUNKS);
        Thread reader = daemon("ndjson-reader").newThread(() -> readAhead(input, workers, parsed, readers, window));
        reader.start();
        try {
            LineCounter lines = new LineCounter();
            for (Future<ParsedChunk<T>> next = take(parsed); next != END; next = take(parsed)) {
                ParsedChunk<T> chunk = await(next);
                handler.handle(chunk.read(), lines.place(chunk), chunk.inputBytes());
            }
        } finally {
            reader.interrupt();
            workers.shutdownNow();
        }
    }

    private <T> void readOnThisThread(InputStream input, Supplier<? extends StretchReader<T>> readers,
            StretchHandler<T> handler) throws IOException {
        ChunkSplitter splitter = new ChunkSplitter(input);
        LineCounter lines = new LineCounter();
        for (Chunk chunk = splitter.next(); chunk != null; chunk = splitter.next()) {
            ParsedChunk<T> parsed = parse(chunk, readers.get(), window);
            handler.handle(parsed.read(), lines.place(parsed), parsed.inputBytes());
        }
    }

    /** Cuts the input into chunks and hands each to a parser, queueing the results in input order. */
    @SuppressWarnings("unchecked")
    private static <T> void readAhead(InputStream input, ExecutorService workers,
            BlockingQueue<Future<ParsedChunk<T>>> parsed, Supplier<? extends StretchReader<T>> readers,
            OccurrenceWindow window) {
        try {
            ChunkSplitter splitter = new ChunkSplitter(input);
            for (Chunk chunk = splitter.next(); chunk != null; chunk = splitter.next()) {
                Chunk next = chunk;
                parsed.put(workers.submit(() -> parse(next, readers.get(), window)));
            }
            parsed.put((Future<ParsedChunk<T>>) END);
        } catch (IOException e) {
            parsed.offer(CompletableFuture.failedFuture(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RejectedExecutionException e) {
            // The caller stopped reading; nothing is waiting for more.
        }
    }

    private static <T> Future<ParsedChunk<T>> take(BlockingQueue<Future<ParsedChunk<T>>> parsed) throws IOException {
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

    /**
     * Parses all of {@code input} on the calling thread and returns it as one batch, taking events of any recorded
     * instant; for small inputs and tests.
     */
    public static ParsedBatch readAll(InputStream input) throws IOException {
        List<Event> events = new ArrayList<>();
        RefusedLines refused = new RefusedLines();
        long[] bytes = {0};
        onThisThread(OccurrenceWindow.RECORDED).read(input,
                () -> new EventParser.Collector(events), (read, stretchRefused, stretchBytes) -> {
                    refused.addAll(stretchRefused, 0);
                    bytes[0] += stretchBytes;
                });
        return new ParsedBatch(events, refused, bytes[0]);
    }

    private static <T> ParsedChunk<T> await(Future<ParsedChunk<T>> future) throws IOException {
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
    static <T> ParsedChunk<T> parse(Chunk chunk, StretchReader<T> reader, OccurrenceWindow window) {
        RefusedLines refused = new RefusedLines();
        chunk.errors().forEach(refused::add);
        int lines = chunk.errors().isEmpty()
                ? EventParser.parseLines(chunk.data(), 0, chunk.length(), 1, reader, refused, window)
                : 1;
        return new ParsedChunk<>(reader.result(), RefusedLines.merged(refused, reader.refused()), lines,
                chunk.inputBytes());
    }

    /** What was read from a chunk, before its line numbers are known. */
    record ParsedChunk<T>(T read, RefusedLines refused, int lines, long inputBytes) {
    }

    /** Turns chunk-relative line numbers into input line numbers, chunk after chunk in input order. */
    private static final class LineCounter {
        private long linesBefore;

        RefusedLines place(ParsedChunk<?> chunk) {
            RefusedLines placed = chunk.refused();
            if (linesBefore > 0 && !placed.isEmpty()) {
                placed = new RefusedLines();
                placed.addAll(chunk.refused(), linesBefore);
            }
            linesBefore += chunk.lines();
            return placed;
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
