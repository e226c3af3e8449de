package org.civitas.vault;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the projection of the ledger needs of the vault: where it stopped, and ways to take entries in, each in one
 * transaction.
 */
public interface Vault {

    /**
     * The vault as the projection of the ledger chain named {@code chain} keeps it: the same events, with that
     * chain's position. A server on the file ledger follows one chain; on Kafka, one a partition.
     */
    Vault following(String chain);

    /** The vault holds every entry of its chain before this position. */
    long projectedUpTo();

    /**
     * Adds events (in ledger order), records the entries set aside among them and records that the ledger is now
     * projected up to {@code projectedUpTo}, all in one transaction. What is before the recorded position is skipped,
     * so projecting the same entries twice changes nothing.
     */
    void project(List<VaultEvent> events, List<SetAsideEntry> setAside, long projectedUpTo);

    /**
     * Takes a set-aside entry in after all, as {@code projected}, and clears it from the set-aside list. Returns
     * false, changing nothing, if it was no longer waiting for a repair.
     */
    boolean takeIn(long sequence, VaultEvent projected);

    /**
     * Records a set-aside entry as one that cannot be read, with {@code placeholder} in its person's vault in its
     * stead when its person is known. Returns false, changing nothing, if it was no longer waiting for a repair.
     */
    boolean recordUnreadable(long sequence, String reason, Optional<VaultEvent> placeholder, Instant at);

    /** The first {@code limit} entries waiting for a repair, in ledger order. */
    List<SetAsideEntry> waitingForRepair(int limit);

    /**
     * Whether {@code failure}, thrown by one of these writes, lies in the data written: a value the vault cannot
     * hold, or pure code failing over an entry. A failure of the vault itself (gone, busy, timed out) does not:
     * an entry must never be set aside because the vault was down.
     */
    boolean liesInTheData(Throwable failure);
}
