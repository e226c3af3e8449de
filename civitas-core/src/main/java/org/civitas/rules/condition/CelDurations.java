package org.civitas.rules.condition;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses CEL's duration text ({@code "90m"}, {@code "1h30m"}, {@code "1.5s"}, {@code "-3s"}). */
final class CelDurations {

    private static final Pattern WHOLE = Pattern.compile("[-+]?(?:\\d*\\.?\\d+(?:ns|us|µs|ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("(\\d*\\.?\\d+)(ns|us|µs|ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private CelDurations() {
    }

    static Optional<Duration> parse(String text) {
        if (!WHOLE.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(
                    NANOS_PER_UNIT.get(part.group(2)))));
        }
        if (text.startsWith("-")) {
            nanos = nanos.negate();
        }
        try {
            return Optional.of(Duration.ofNanos(nanos.longValueExact()));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
