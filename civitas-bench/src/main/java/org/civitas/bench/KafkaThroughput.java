package org.civitas.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Produced;
import org.civitas.constitution.Constitution;
import org.civitas.event.Event;
import org.civitas.event.EventKey;
import org.civitas.kafka.broker.KafkaBroker;
import org.civitas.kafka.runtime.KafkaSettings;
import org.civitas.kafka.runtime.LedgerStreams;
import org.civitas.kafka.streams.IntakeKeys;
import org.civitas.kafka.streams.Topics;
import org.civitas.ledger.EventCodec;
import org.civitas.ndjson.NdjsonReader;
import org.civitas.rules.RuleBookLoader;
import org.civitas.scoring.Scorer;

/**
 * Events per second through the Kafka runtime, end to end, beside its peer on the same broker in the same run: a bare
 * Kafka Streams topology that only counts each person's events (one repartition by person, a count in a state
 * store, exactly once, as the runtime runs). Each run sends the same city, already encoded, into a fresh intake while
 * the instances run, and ends when the last event comes out: on the ledger topic for Civitas, on the counts' topic
 * for the peer. The two take turns, run after run, with 1, 2 and 4 partitions and as many instances.
 *
 * <pre>
 * java -cp civitas-bench/target/benchmarks.jar org.civitas.bench.KafkaThroughput EVENTS RULES [RUNS] [WORK]
 * </pre>
 */
public final class KafkaThroughput {

    private static final Duration LONGEST_RUN = Duration.ofMinutes(10);

    private final KafkaBroker broker;
    private final Path work;
    private final Scorer scorer;
    private final List<byte[]> payloads;
    private final List<String> keys;
    private final long distinct;
    private int runs;

    private KafkaThroughput(KafkaBroker broker, Path work, Scorer scorer, List<Event> events) {
        this.broker = broker;
        this.work = work;
        this.scorer = scorer;
        this.payloads = events.stream().map(EventCodec::encode).toList();
        this.keys = events.stream().map(IntakeKeys::of).toList();
        this.distinct = new HashSet<>(keys).size();
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        List<Event> events;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            events = NdjsonReader.readAll(in).events();
        }
        Scorer scorer = new Scorer(new RuleBookLoader(Constitution.standard()).load(Path.of(args[1])));
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path work = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("civitas-kafka-bench");
        try (KafkaBroker broker = KafkaBroker.start(work.resolve("broker"), 0)) {
            KafkaThroughput bench = new KafkaThroughput(broker, work, scorer, events);
            System.out.printf(Locale.ROOT, "%d events (%d distinct); %d runs of each, taking turns; whole runs,"
                    + " from the first event sent to the last one out%n", events.size(), bench.distinct, runs);
            System.out.printf(Locale.ROOT, "the scoring store holds %.0f bytes a person (keys and values, before"
                    + " the store's own overhead)%n", storedBytesPerPerson(events, scorer));
            for (int partitions : new int[] {1, 2, 4}) {
                double[] civitas = new double[runs];
                double[] peer = new double[runs];
                double[] ratios = new double[runs];
                for (int run = 0; run < runs; run++) {
                    civitas[run] = bench.civitas(partitions);
                    peer[run] = bench.peer(partitions);
                    ratios[run] = civitas[run] / peer[run];
                }
                System.out.printf(Locale.ROOT, "%d partition(s), %d instance(s): civitas %s events/s; bare count %s"
                        + " events/s; civitas / bare %s%n", partitions, partitions, spread(civitas, "%.0f"),
                        spread(peer, "%.0f"), spread(ratios, "%.2f"));
            }
        }
    }

    /**
     * What the runtime's scoring store holds for each person, on average: a mark that the person is known (their
     * name and a separator), and for each of their events the books read, its payload under a key of the name, the
     * separator and 16 hex digits of its place (see {@code PersonEvents}).
     */
    private static double storedBytesPerPerson(List<Event> events, Scorer scorer) {
        Map<String, Long> entryBytes = new HashMap<>();
        Set<EventKey> seen = new HashSet<>();
        for (Event event : events) {
            if (seen.add(event.key())) {
                long entry = scorer.readsAny(event.jurisdiction(), event.type())
                        ? nameBytes(event.person()) + 17 + EventCodec.encode(event).length : 0;
                entryBytes.merge(event.person(), entry, Long::sum);
            }
        }
        long total = 0;
        for (Map.Entry<String, Long> person : entryBytes.entrySet()) {
            total += nameBytes(person.getKey()) + 1 + person.getValue();
        }
        return (double) total / entryBytes.size();
    }

    private static long nameBytes(String person) {
        return person.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Min / median / max. */
    private static String spread(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return String.format(Locale.ROOT, format + " / " + format + " / " + format, sorted[0], median,
                sorted[sorted.length - 1]);
    }

    /** One run of the runtime; returns events per second. */
    private double civitas(int partitions) throws Exception {
        String name = "civitas-" + ++runs;
        List<LedgerStreams> instances = new ArrayList<>();
        try {
            KafkaSettings settings = new KafkaSettings(broker.bootstrapServers(), name, partitions, (short) 1, name,
                    work.resolve(name + "-0"));
            instances.add(LedgerStreams.start(settings, scorer));
            for (int i = 1; i < partitions; i++) {
                instances.add(LedgerStreams.start(new KafkaSettings(settings.bootstrap(), name, partitions,
                        (short) 1, name, work.resolve(name + "-" + i)), scorer));
            }
            Topics topics = settings.topics();
            return timed(topics.intake(), topics.ledger(), distinct);
        } finally {
            instances.forEach(LedgerStreams::close);
        }
    }

    /** One run of the bare topology that counts each person's events; returns events per second. */
    private double peer(int partitions) throws Exception {
        String name = "bare-" + ++runs;
        String input = name + ".intake";
        String counts = name + ".counts";
        makeTopics(partitions, input, counts);
        List<KafkaStreams> instances = new ArrayList<>();
        try {
            for (int i = 0; i < partitions; i++) {
                StreamsBuilder builder = new StreamsBuilder();
                builder.stream(input, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                        .groupBy((key, payload) -> EventCodec.decode(payload, 0, payload.length).person(),
                                Grouped.with(Serdes.String(), Serdes.ByteArray()))
                        .count()
                        .toStream()
                        .to(counts, Produced.with(Serdes.String(), Serdes.Long()));
                Properties properties = new Properties();
                properties.put(StreamsConfig.APPLICATION_ID_CONFIG, name);
                properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
                properties.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve(name + "-" + i).toString());
                properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
                // Every event gives a count out, as every event the runtime takes gives an entry out.
                properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
                KafkaStreams streams = new KafkaStreams(builder.build(), properties);
                streams.start();
                instances.add(streams);
            }
            long deadline = System.nanoTime() + LONGEST_RUN.toNanos();
            while (instances.stream().anyMatch(streams -> streams.state() != KafkaStreams.State.RUNNING)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the bare topology " + name + " did not start");
                }
                Thread.sleep(100);
            }
            return timed(input, counts, payloads.size());
        } finally {
            instances.forEach(streams -> streams.close(Duration.ofSeconds(30)));
        }
    }

    private void makeTopics(int partitions, String... topics) throws InterruptedException, ExecutionException {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            admin.createTopics(Arrays.stream(topics).map(topic -> new NewTopic(topic, partitions, (short) 1))
                    .toList()).all().get();
        }
    }

    /**
     * Sends the city into {@code input}, and counts what comes out of {@code output} (committed records only) until
     * {@code expected} have; returns events sent per second, from the first sent to the last out.
     */
    private double timed(String input, String output, long expected) throws IOException {
        Properties reading = new Properties();
        reading.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        reading.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        reading.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        reading.put(ConsumerConfig.GROUP_ID_CONFIG, output + "-reader");
        Map<String, Object> sending = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(reading, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(sending, new StringSerializer(),
                        new ByteArraySerializer())) {
            consumer.subscribe(Set.of(output));
            consumer.poll(Duration.ofMillis(200));
            long start = System.nanoTime();
            for (int i = 0; i < payloads.size(); i++) {
                producer.send(new ProducerRecord<>(input, keys.get(i), payloads.get(i)));
            }
            producer.flush();
            long out = 0;
            long deadline = start + LONGEST_RUN.toNanos();
            while (out < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("only " + out + " of " + expected + " events came out of " + output);
                }
                out += consumer.poll(Duration.ofMillis(100)).count();
            }
            return payloads.size() / ((System.nanoTime() - start) / 1e9);
        }
    }
}
