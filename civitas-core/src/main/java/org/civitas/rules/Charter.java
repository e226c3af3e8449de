package org.civitas.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How a jurisdiction's residents change its rule book: how many supports a proposal needs to reach a vote and how
 * long it may collect them, how long a vote runs, the quorum and the majority that carry it, and how long a new or
 * harsher penalty waits after adoption before it counts.
 *
 * @param debate how long a proposal may collect supports before it expires
 * @param voting how long a vote stays open
 * @param quorum the share of eligible residents who must vote, from 0 to 1
 * @param majority the share of yes among yes and no that a proposal must exceed, from 0.5 to below 1
 * @param noticePeriod a new or harsher penalty counts only for events this long after adoption, at least
 *     {@link #LEAST_NOTICE}
 * @param help when the jurisdiction offers a person help
 */
public record Charter(
        SupportThreshold supportThreshold, Duration debate, Duration voting, BigDecimal quorum, BigDecimal majority,
        Duration noticePeriod, HelpTriggers help) {

    /** The shortest notice a penalty may be given with: no one is punished for what was allowed a month ago. */
    public static final Duration LEAST_NOTICE = Duration.ofDays(30);

    /** The charter of a book that gives none. */
    public static final Charter DEFAULT = new Charter(SupportThreshold.percent("1"), Duration.ofDays(14),
            Duration.ofDays(7), new BigDecimal("0.1"), new BigDecimal("0.5"), LEAST_NOTICE, HelpTriggers.DEFAULT);

    public Charter {
        Objects.requireNonNull(supportThreshold, "supportThreshold");
        requirePositive(debate, "debate");
        requirePositive(voting, "voting");
        if (quorum.signum() < 0 || quorum.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("quorum is a share from 0 to 1, not " + quorum);
        }
        if (majority.compareTo(new BigDecimal("0.5")) < 0 || majority.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("majority is a share from 0.5 to below 1, not " + majority);
        }
        Objects.requireNonNull(help, "help");
        if (noticePeriod.compareTo(LEAST_NOTICE) < 0) {
            throw new IllegalArgumentException("noticePeriod is at least " + LEAST_NOTICE + ", not " + noticePeriod);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (Objects.requireNonNull(duration, name).isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than nothing, not " + duration);
        }
    }

    /** Whether {@code voted} of {@code eligible} residents meet the quorum: at least its share of them. */
    public boolean quorumMet(long voted, long eligible) {
        return BigDecimal.valueOf(voted).compareTo(quorum.multiply(BigDecimal.valueOf(eligible))) >= 0;
    }

    /** Whether {@code yes} against {@code no} exceeds the majority; abstentions count for neither. */
    public boolean carried(long yes, long no) {
        return yes + no > 0 && BigDecimal.valueOf(yes).compareTo(majority.multiply(BigDecimal.valueOf(yes + no))) > 0;
    }
}
