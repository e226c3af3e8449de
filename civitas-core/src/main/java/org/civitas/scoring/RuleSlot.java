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
    }

    boolean inForceAt(Instant instant) {
        return (from == null || instant.compareTo(from) >= 0) && (until == null || instant.compareTo(until) < 0);
    }

    boolean capped() {
        return capWindow != null;
    }

    boolean decays() {
        return !Double.isNaN(halfLifeSeconds);
    }

    static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
