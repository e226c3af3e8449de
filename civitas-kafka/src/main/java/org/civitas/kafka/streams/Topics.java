package org.civitas.kafka.streams;

import java.util.Objects;

/**
 * The topics of one Civitas on Kafka, named under a common prefix: sources' events come in on {@code intake}, keyed
 * by source and id; the first of each goes on to {@code sequenced}, keyed by person; each partition of
 * {@code ledger} is then a hash chain of that partition's entries, written by the one task that owns it.
 * {@code sequenced} and {@code ledger} have as many partitions as each other.
 */
public record Topics(String prefix) {

    public Topics {
        Objects.requireNonNull(prefix, "prefix");
        if (!isPrefix(prefix)) {
            throw new IllegalArgumentException("a topic prefix is letters, digits, '.', '_' and '-', not '"
                    + prefix + "'");
        }
    }

    /** Whether {@code prefix} can begin the names of topics: letters, digits, '.', '_' and '-'. */
    public static boolean isPrefix(String prefix) {
        return prefix.matches("[A-Za-z0-9._-]+");
    }

    public String intake() {
        return prefix + ".intake";
    }

    public String sequenced() {
        return prefix + ".sequenced";
    }

    public String ledger() {
        return prefix + ".ledger";
    }
}
