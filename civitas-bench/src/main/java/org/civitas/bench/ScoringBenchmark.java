package org.civitas.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.civitas.constitution.Constitution;
import org.civitas.demo.CityGenerator;
import org.civitas.demo.DemoCity;
import org.civitas.event.Event;
import org.civitas.rules.RuleBookLoader;
import org.civitas.scoring.ScoreSheet;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.ScoringRun;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring a whole city held in memory, reported per event: every event of 2,000 residents over 30 days under the
 * demo rule books, caps, decay and explanations included. Its peer, in the same run, is the least any scorer must do
 * with those events: count each person in.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-XX:+UseParallelGC"})
public class ScoringBenchmark {

    static final int EVENTS = 560_000;

    private Scorer scorer;
    private List<Event> events;
    private Instant at;

    @Setup(Level.Trial)
    public void setUp() {
        scorer = new Scorer(DemoCity.ruleBooks(new RuleBookLoader(Constitution.standard(), DemoCity.categories())));
        at = CityGenerator.DEFAULT_UNTIL;
        List<Event> city = new ArrayList<>();
        new CityGenerator(new CityGenerator.Settings(2_000, 30, 1, at)).generate(city::add);
        events = city.subList(0, Math.min(EVENTS, city.size()));
        if (events.size() < EVENTS) {
            throw new IllegalStateException("the city has only " + events.size() + " events");
        }
        events.forEach(event -> event.attributes().asMap());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public ScoreSheet scoreEveryone() {
        ScoringRun run = scorer.start(at);
        for (Event event : events) {
            run.accept(event);
        }
        return run.finish();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public ScoreSheet countEveryoneIn() {
        ScoringRun run = scorer.start(at);
        for (Event event : events) {
            run.include(event.person());
        }
        return run.finish();
    }
}
