package org.civitas.scoring;

import java.time.Duration;
import java.time.Instant;
import org.civitas.rules.Rule;

/** A rule ready for the hot path: its limits unpacked into plain fields. */
final class RuleSlot {

    final String jurisdiction;
    final Rule rule;
    final String key;
    final int index;
    final Instant from;
    final Instant until;
    final double halfLifeSeconds;
    final long capPoints;
    final Duration capWindow;
    /** How long an offence is remembered for warnings, as whole seconds and the nanoseconds beyond; -1 without. */
    final long warnFirstSeconds;
    final int warnFirstNanos;

    RuleSlot(String jurisdiction, Rule rule, int index) {
        this.jurisdiction = jurisdiction;
        this.rule = rule;
        this.key = jurisdiction + "/" + rule.id();
        this.index = index;
        this.from = rule.effective().from().orElse(null);
        this.until = rule.effective().until().orElse(null);
        this.halfLifeSeconds = rule.halfLife().map(RuleSlot::seconds).orElse(Double.NaN);
        this.capPoints = rule.cap().map(cap -> cap.points()).orElse(0L);
        this.capWindow = rule.cap().map(cap -> cap.per()).orElse(null);
        this.warnFirstSeconds = rule.warnFirst().map(Duration::getSeconds).orElse(-1L);
        this.warnFirstNanos = rule.warnFirst().map(Duration::getNano).orElse(0);
    }

    boolean inForceAt(Instant instant) {
        return (from == null || instant.compareTo(from) >= 0) && (until == null || instant.compareTo(until) < 0);
    }

    boolean capped() {
        return capWindow != null;
    }

    boolean warnsFirst() {
        return warnFirstSeconds >= 0;
    }

    /**
     * Whether an offence at {@code earlier} is still remembered at {@code later}: less than the warning period
     * before it. Worked out on the epoch seconds, so no period, however long, can overflow an {@link Instant}.
     */
    boolean remembers(Instant earlier, Instant later) {
        long seconds = later.getEpochSecond() - earlier.getEpochSecond();
        long nanos = later.getNano() - earlier.getNano();
        if (nanos < 0) {
            seconds--;
            nanos += 1_000_000_000;
        }
        return seconds < warnFirstSeconds || (seconds == warnFirstSeconds && nanos < warnFirstNanos);
    }

    boolean decays() {
        return !Double.isNaN(halfLifeSeconds);
    }

    static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
