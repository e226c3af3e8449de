package org.civitas.server.api;

import java.util.List;

/**
 * What became of a batch a source sent: accepted (durable in the ledger), duplicates, how many lines were refused,
 * and the first of them with why.
 */
public record IngestReport(long accepted, long duplicates, long rejectedLines, List<Rejection> rejected) {

    /** A line of the batch that was refused, and why. */
    public record Rejection(long line, String error) {
    }

    public IngestReport {
        rejected = List.copyOf(rejected);
    }
}
