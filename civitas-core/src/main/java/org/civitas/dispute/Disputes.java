package org.civitas.dispute;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where disputes are kept. Each change says whether it took place, so that two at once cannot both win. */
public interface Disputes {

    /** Keeps a new dispute. */
    void open(Dispute dispute);

    /** Forgets a dispute just opened whose entry could not be recorded in the ledger. */
    void forget(String id);

    Optional<Dispute> find(String id);

    /** {@code person}'s disputes, newest first. */
    List<Dispute> of(String person);

    /** The disputes about events of {@code source}, newest first. */
    List<Dispute> about(String source);

    /** The open disputes, the nearest deadline first. */
    List<Dispute> open();

    /** The open disputes whose deadline is not after {@code at}. */
    List<Dispute> due(Instant at);

    /** Replaces an open dispute's evidence and deadline; false if it was no longer open. */
    boolean addEvidence(String id, String evidence, Instant deadline);

    /** Keeps the source's answer; false if the dispute already has one. */
    boolean answer(String id, SourceAnswer answer);

    /** Keeps a reviewer's decision; false if that reviewer already decided the dispute or it is no longer open. */
    boolean decide(String id, Decision decision);

    /** Per source, how many of its events were disputed and how many of those removed, by source name. */
    List<SourceDisputes> countBySource();

    /** Ends a removed dispute as reinstated by its source, with new evidence; false if it was not removed. */
    boolean reinstate(String id, SourceAnswer evidence);

    /** Resolves an open dispute as {@code state}; false if it was no longer open. */
    boolean resolve(String id, DisputeState state, Instant at);
}
