package org.civitas.bench;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.rules.condition.Condition;
import org.civitas.rules.condition.ConditionCompiler;
import org.civitas.rules.condition.ConditionInput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One rule condition of the demo city evaluated for one event: the compiled evaluator beside its peer, the CEL
 * interpreter it is tested against, in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConditionBenchmark {

    private static final String CONDITION = "ctx.hour >= 6 && ctx.hour < 22 && event.attributes.traffic > 0.25";

    private Condition compiled;
    private Condition interpreted;
    private ConditionInput input;
    private Event event;

    @Setup
    public void setUp() {
        ConditionCompiler.Compilation compilation = new ConditionCompiler().compile(CONDITION);
        compiled = compilation.condition().orElseThrow();
        interpreted = compilation.interpreted().orElseThrow();
        input = new ConditionInput(ZoneId.of("Europe/Berlin"), "lakeside");
        event = new Event("tr-1", "city-traffic", "p-0001", "red-light-crossing",
                Instant.parse("2026-03-01T09:12:00Z"), "lakeside", Attributes.of(Map.of("traffic", 0.6)));
        input.on(event);
        input.attributes();
    }

    @Benchmark
    public Condition.Outcome compiled() {
        return compiled.evaluate(input.on(event));
    }

    @Benchmark
    public Condition.Outcome interpreted() {
        return interpreted.evaluate(input.on(event));
    }
}
