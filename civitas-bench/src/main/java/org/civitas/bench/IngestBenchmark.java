package org.civitas.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.civitas.demo.CityGenerator;
import org.civitas.demo.DemoCity;
import org.civitas.event.Event;
import org.civitas.event.EventJson;
import org.civitas.ingest.Admission;
import org.civitas.ingest.Intake;
import org.civitas.ledger.EncodedBatch;
import org.civitas.ledger.FileLedger;
import org.civitas.ndjson.EventParser;
import org.civitas.ndjson.JacksonLines;
import org.civitas.ndjson.LineError;
import org.civitas.ndjson.NdjsonReader;
import org.civitas.ndjson.OccurrenceWindow;
import org.civitas.ndjson.RefusedLines;
import org.civitas.privacy.PersonalDataSeal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What each parsing thread of {@code civitas ingest} does with a city's NDJSON, reported per event, one thread: read
 * the lines of each megabyte straight into ledger entries, sealing the personal-only ones ({@code encodeLines}).
 * Beside it, in the same run: the same with every line read by a tuned Jackson streaming reader, {@link JacksonLines}
 * ({@code jacksonStreamingEncode}); the same by way of event objects (parse them, seal them, encode them); the parse
 * into objects alone; and Jackson reading every token of the same bytes and doing nothing with them, the least any
 * reader of the file built on Jackson must do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmn512m", "-XX:+UseParallelGC"})
public class IngestBenchmark {

    static final int EVENTS = 200_000;
    /** As much NDJSON as ingest hands one parsing thread at a time. */
    private static final int CHUNK_BYTES = 1 << 20;

    private final JsonFactory jackson = new JsonFactory();
    private ScratchDirectory data;
    private FileLedger ledger;
    private PersonalDataSeal seal;
    private List<byte[]> chunks;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        data = new ScratchDirectory("civitas-ingest-bench");
        ledger = FileLedger.open(data.path());
        seal = DemoCity.seal(data.path());
        List<Event> city = new ArrayList<>();
        new CityGenerator(new CityGenerator.Settings(2_000, 30, 1, CityGenerator.DEFAULT_UNTIL)).generate(city::add);
        if (city.size() < EVENTS) {
            throw new IllegalStateException("the city has only " + city.size() + " events");
        }
        chunks = new ArrayList<>();
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK_BYTES + 4096);
        for (Event event : city.subList(0, EVENTS)) {
            byte[] line = (EventJson.toLine(event) + '\n').getBytes(StandardCharsets.UTF_8);
            if (chunk.size() + line.length > CHUNK_BYTES) {
                chunks.add(chunk.toByteArray());
                chunk.reset();
            }
            chunk.write(line);
        }
        chunks.add(chunk.toByteArray());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        ledger.close();
        data.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int encodeLines() {
        int events = 0;
        Supplier<NdjsonReader.StretchReader<EncodedBatch>> encoders = new Intake(ledger, seal)
                .encoders(Admission.inAnyJurisdiction(DemoCity.sources()));
        for (byte[] chunk : chunks) {
            NdjsonReader.StretchReader<EncodedBatch> encoder = encoders.get();
            List<LineError> errors = new ArrayList<>();
            EventParser.parseLines(chunk, 0, chunk.length, 1, encoder, errors);
            events += encoder.result().size() + errors.size();
        }
        return events;
    }

    /**
     * What {@code encodeLines} does, every line read by {@link JacksonLines} into an event that the same encoder seals
     * and encodes.
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int jacksonStreamingEncode() {
        int events = 0;
        Supplier<NdjsonReader.StretchReader<EncodedBatch>> encoders = new Intake(ledger, seal)
                .encoders(Admission.inAnyJurisdiction(DemoCity.sources()));
        for (byte[] chunk : chunks) {
            NdjsonReader.StretchReader<EncodedBatch> encoder = encoders.get();
            RefusedLines refused = new RefusedLines(Integer.MAX_VALUE);
            JacksonLines.parseLines(chunk, 0, chunk.length, 1, encoder, refused, OccurrenceWindow.RECORDED);
            events += encoder.result().size() + (int) refused.count();
        }
        return events;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int parseSealAndEncode() {
        int events = 0;
        for (byte[] chunk : chunks) {
            EncodedBatch encoded = ledger.encode(seal.sealAll(parse(chunk)));
            events += encoded.size();
        }
        return events;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int parse() {
        int events = 0;
        for (byte[] chunk : chunks) {
            events += parse(chunk).size();
        }
        return events;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int readEveryToken() throws IOException {
        int tokens = 0;
        for (byte[] chunk : chunks) {
            try (JsonParser parser = jackson.createParser(chunk)) {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    tokens++;
                }
            }
        }
        return tokens;
    }

    private static List<Event> parse(byte[] chunk) {
        List<Event> events = new ArrayList<>(CHUNK_BYTES / 160);
        List<LineError> errors = new ArrayList<>();
        EventParser.parseLines(chunk, 0, chunk.length, 1, events, errors);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the city's NDJSON has errors: " + errors.get(0).message());
        }
        return events;
    }
}
