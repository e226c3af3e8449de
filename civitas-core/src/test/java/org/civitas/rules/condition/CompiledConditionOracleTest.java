package org.civitas.rules.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compiled evaluator must agree with the CEL interpreter, the reference semantics, on every outcome: random
 * expressions over random events, with attributes missing, null, or of unexpected kinds.
 */
class CompiledConditionOracleTest {

    private static final ConditionCompiler COMPILER = new ConditionCompiler();
    private static final int EXPRESSIONS = 600;
    private static final int EVENTS = 150;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 22, 33})
    void compiledConditionsAgreeWithTheInterpreter(long seed) {
        Random random = new Random(seed);
        ExpressionGenerator expressions = new ExpressionGenerator(random);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(randomEvent(random, i));
        }
        ConditionInput input = new ConditionInput(ZoneId.of("America/New_York"), "harbor");
        int compiledCount = 0;
        int checked = 0;
        for (int i = 0; i < EXPRESSIONS; i++) {
            String expression = expressions.bool(3);
            ConditionCompiler.Compilation compilation = COMPILER.compile(expression);
            if (!compilation.succeeded()) {
                continue;
            }
            Condition fast = compilation.condition().orElseThrow();
            Condition reference = compilation.interpreted().orElseThrow();
            if (fast instanceof CompiledCondition) {
                compiledCount++;
            }
            for (Event event : events) {
                input.on(event);
                Condition.Outcome expected = reference.evaluate(input);
                input.on(event);
                assertThat(fast.evaluate(input)).as("%s on %s", expression, event).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(EXPRESSIONS * EVENTS / 3);
        assertThat(compiledCount).as("expressions the compiled evaluator covers").isGreaterThan(EXPRESSIONS / 3);
    }

    private static Event randomEvent(Random random, int n) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        putMaybe(random, attributes, "a", number(random));
        putMaybe(random, attributes, "b", random.nextInt(4) == 0 ? anything(random) : number(random));
        putMaybe(random, attributes, "s", random.nextInt(4) == 0 ? anything(random)
                : List.of("", "p-1", "lakeside", "red", "Ünïcode", "3").get(random.nextInt(6)));
        putMaybe(random, attributes, "flag", random.nextInt(5) == 0 ? anything(random) : random.nextBoolean());
        putMaybe(random, attributes, "l", List.of(1L, 2.5, "x"));
        putMaybe(random, attributes, "m", Map.of("k", random.nextInt(3), "z", "w"));
        putMaybe(random, attributes, "n", random.nextBoolean() ? null : 1L);
        Instant at = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(random.nextInt(300 * 86_400));
        return new Event("ev-" + n, "src", "p-" + random.nextInt(3), "t", at, "harbor", Attributes.of(attributes));
    }

    private static void putMaybe(Random random, Map<String, Object> attributes, String name, Object value) {
        if (random.nextInt(6) != 0) {
            attributes.put(name, value);
        }
    }

    private static Object number(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> (long) random.nextInt(5);
            case 1 -> random.nextInt(7) - 3.0;
            case 2 -> random.nextDouble() * 4 - 2;
            case 3 -> Long.MAX_VALUE - random.nextInt(2);
            case 4 -> (long) random.nextInt(100) - 50;
            default -> Long.MIN_VALUE + random.nextInt(2);
        };
    }

    private static Object anything(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "3";
            case 1 -> true;
            case 2 -> List.of(1L);
            case 3 -> Map.of("x", 1L);
            default -> 0.5;
        };
    }

    /** Random CEL expressions over the names a condition may use. */
    private static final class ExpressionGenerator {

        private final Random random;

        ExpressionGenerator(Random random) {
            this.random = random;
        }

        String bool(int depth) {
            int choice = random.nextInt(depth <= 0 ? 9 : 15);
            return switch (choice) {
                case 0 -> number(depth - 1) + " " + pick("<", "<=", ">", ">=", "==", "!=") + " " + number(depth - 1);
                case 1 -> text(depth - 1) + " " + pick("==", "!=", "<", ">") + " " + text(depth - 1);
                case 2 -> "has(event.attributes." + pick("a", "b", "s", "flag", "zz") + ")";
                case 3 -> "event.attributes.flag";
                case 4 -> number(depth - 1) + " in [1, 2.5, 3, -3.0]";
                case 5 -> text(depth - 1) + "." + pick("startsWith", "endsWith", "contains") + "(" + pick("'p'",
                        "'e'", "''", "event.attributes.s") + ")";
                case 6 -> "event.occurredAt " + pick("<", ">=") + " timestamp('2026-" + pick("03-29T01:00:00Z",
                        "10-25T05:30:00Z", "06-01T00:00:00Z") + "')";
                case 7 -> "event.attributes." + pick("m.k", "l[0]", "m['z']", "n", "l[5]") + " == "
                        + pick("1", "null", "'w'", "2.5");
                case 8 -> pick("true", "false", "event.attributes.n == null", "'s' in event.attributes");
                case 9 -> "!(" + bool(depth - 1) + ")";
                case 10, 11 -> "(" + bool(depth - 1) + " && " + bool(depth - 1) + ")";
                case 12, 13 -> "(" + bool(depth - 1) + " || " + bool(depth - 1) + ")";
                default -> "(" + bool(depth - 1) + " ? " + bool(depth - 1) + " : " + bool(depth - 1) + ")";
            };
        }

        String number(int depth) {
            int choice = random.nextInt(depth <= 0 ? 8 : 11);
            return switch (choice) {
                case 0, 1 -> "event.attributes." + pick("a", "b", "s", "flag");
                case 2 -> pick("ctx.hour", "ctx.weekday");
                case 3 -> pick("0", "1", "2", "7", "-3", "9223372036854775807");
                case 4 -> pick("0.0", "0.25", "2.5", "-1.5", "1e300");
                case 5 -> "size(" + pick("event.attributes.s", "event.attributes.l", "event.attributes.m",
                        "event.person") + ")";
                case 6 -> pick("int", "double") + "(" + pick("event.attributes.a", "event.attributes.s",
                        "ctx.hour", "event.attributes.flag") + ")";
                case 7 -> "int(event.occurredAt)";
                case 8 -> "-" + number(depth - 1);
                default -> "(" + number(depth - 1) + " " + pick("+", "-", "*", "/", "%") + " " + number(depth - 1)
                        + ")";
            };
        }

        String text(int depth) {
            return switch (random.nextInt(depth <= 0 ? 4 : 5)) {
                case 0 -> "event.attributes.s";
                case 1 -> pick("event.person", "event.type", "event.id", "ctx.jurisdiction", "event.source");
                case 2 -> pick("'p-1'", "'red'", "''", "'lakeside'");
                case 3 -> "event.attributes.m.z";
                default -> "(" + text(depth - 1) + " + " + text(depth - 1) + ")";
            };
        }

        private String pick(String... options) {
            return options[random.nextInt(options.length)];
        }
    }
}
