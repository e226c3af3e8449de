package org.civitas.transparency;

import java.util.List;

/**
 * The transparency logs of a ledger, as its API serves them: the file ledger's one log, or one a partition of the
 * Kafka runtime's ledger topic, every one signed by the same key. A log is named by its number: 0 for the file
 * ledger's, the partition's on Kafka.
 */
public interface LedgerLogs extends AutoCloseable {

    /** How many logs there are: one, or one a partition. */
    int count();

    /** The verifier key of every log's checkpoints, in the signed-note form. */
    String verifierKey();

    /** The latest checkpoint of log {@code log}, a signed note, with the cosignatures of its witnesses. */
    String checkpoint(int log);

    /**
     * Takes the cosignature by the witness of {@code witnessKey} in {@code note}, one of the latest checkpoints of the
     * log its origin names, as {@link Witnessing#cosign} takes it.
     */
    Witnessing.Cosignature cosign(String witnessKey, String note);

    /** The latest cosignature of each witness of log {@code log}. */
    List<Witnessing.Cosignature> cosignatures(int log);

    /** Signs a new checkpoint of every log that grew since its last, and keeps it. */
    void signCheckpoints();

    /** The proof that the ledger entry at {@code position} is in its log, against that log's latest checkpoint. */
    Inclusion prove(long position);

    /** The proof that log {@code log} at {@code from} entries is a prefix of itself at {@code to} entries. */
    List<byte[]> consistency(int log, long from, long to);

    @Override
    void close();
}
