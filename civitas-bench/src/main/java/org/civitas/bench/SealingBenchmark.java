package org.civitas.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.civitas.constitution.Constitution;
import org.civitas.demo.CityGenerator;
import org.civitas.demo.DemoCity;
import org.civitas.event.Event;
import org.civitas.event.EventCategories;
import org.civitas.privacy.NativeCrypto;
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
 * Sealing the personal-only events of a city as ingest does, in batches in file order, reported per event: each
 * event's attributes encrypted with AES-GCM under the key of its person and category, bound to the event. Its peer,
 * in the same run, is the least any per-event AES-GCM sealing must do: the same calls, to the same provider, on the
 * attributes of the same personal-only events under one key, so the key never changes. The ratio is what a key per
 * person and category costs, and what the seal adds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-XX:+UseParallelGC"})
public class SealingBenchmark {

    static final int EVENTS = 200_000;
    /** About as many events as one chunk of ingest holds. */
    private static final int BATCH = 5_000;

    private ScratchDirectory data;
    private PersonalDataSeal seal;
    private List<List<Event>> batches;
    private List<byte[]> attributes;
    private SecretKey oneKey;
    private Cipher cipher;
    private long nonce;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        data = new ScratchDirectory("civitas-sealing-bench");
        seal = DemoCity.seal(data.path());
        List<Event> city = new ArrayList<>();
        new CityGenerator(new CityGenerator.Settings(2_000, 30, 1, CityGenerator.DEFAULT_UNTIL)).generate(city::add);
        List<Event> events = city.subList(0, EVENTS);
        batches = new ArrayList<>();
        for (int from = 0; from < events.size(); from += BATCH) {
            batches.add(events.subList(from, Math.min(events.size(), from + BATCH)));
        }
        EventCategories categories = DemoCity.categories();
        Set<String> personalOnly = Set.copyOf(Constitution.standard().personalOnlyCategories());
        attributes = events.stream()
                .filter(event -> categories.categoryOf(event.type()).filter(personalOnly::contains).isPresent())
                .map(event -> event.attributes().toJsonBytes()).toList();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        oneKey = new SecretKeySpec(key, "AES");
        cipher = NativeCrypto.newAesGcmCipher();
        seal.sealAll(events);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        data.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int sealTheCity() {
        int sealed = 0;
        for (List<Event> batch : batches) {
            sealed += seal.sealAll(batch).size();
        }
        return sealed;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int encryptEachUnderOneKey() throws GeneralSecurityException {
        int bytes = 0;
        byte[] aad = "source\nid\nperson\ncategory".getBytes(StandardCharsets.UTF_8);
        for (byte[] plain : attributes) {
            byte[] sealed = new byte[12 + plain.length + 16];
            nonce++;
            for (int i = 0; i < 8; i++) {
                sealed[4 + i] = (byte) (nonce >>> (8 * i));
            }
            System.arraycopy(plain, 0, sealed, 12, plain.length);
            cipher.init(Cipher.ENCRYPT_MODE, oneKey, new GCMParameterSpec(128, sealed, 0, 12));
            cipher.updateAAD(aad);
            bytes += cipher.doFinal(sealed, 12, plain.length, sealed, 12);
        }
        return bytes;
    }
}
