package org.civitas.projection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.civitas.event.Event;
import org.civitas.ledger.FileLedger;
import org.civitas.ledger.LedgerTail;
import org.civitas.ledger.UnreadableEntry;
import org.civitas.source.SourceRegistry;
import org.civitas.vault.SetAsideEntry;
import org.civitas.vault.Vault;

/**
 * Projects again the ledger entries the vault's projection set aside: {@code civitas repair}. It repairs the
 * projection, never the ledger, which it only reads. An entry that can now be read and kept goes into its person's
 * vault and leaves the set-aside list; one that still cannot is recorded as unreadable, and its person's vault shows
 * a placeholder in its stead: who, what and when, as far as they could be read, and why the rest could not.
 *
 * <p>It takes the ledger's lock, so it never runs beside a server on the same data. Where people live is not
 * recorded again: a repaired registry record is older than any record since, which must keep the last word.
 */
public final class ProjectionRepair {

    private static final int ENTRIES_PER_READ = 1_000;

    /**
     * What became of one set-aside entry.
     *
     * @param projected whether it went into its person's vault as the event it is
     * @param reason why not, if not
     * @param placeholder whether its person's vault shows a placeholder in its stead
     */
    public record Outcome(long sequence, boolean projected, Optional<String> reason, boolean placeholder) {

        public Outcome {
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final FileLedger ledger;
    private final EntryProjection projection;
    private final Vault vault;
    private final Clock clock;

    /** @param ledger the ledger, opened (and so locked) for the repair */
    public ProjectionRepair(FileLedger ledger, SourceRegistry sources, Vault vault, Clock clock) {
        this.ledger = ledger;
        this.projection = new EntryProjection(sources, vault::liesInTheData, clock);
        this.vault = vault;
        this.clock = clock;
    }

    /** Repairs the projection of every set-aside entry, in ledger order. */
    public List<Outcome> repairAll() {
        List<Outcome> outcomes = new ArrayList<>();
        for (List<SetAsideEntry> waiting = vault.waitingForRepair(ENTRIES_PER_READ); !waiting.isEmpty();
                waiting = vault.waitingForRepair(ENTRIES_PER_READ)) {
            for (SetAsideEntry entry : waiting) {
                outcomes.add(repair(entry.sequence()));
            }
        }
        return outcomes;
    }

    private Outcome repair(long sequence) {
        List<Event> read = new ArrayList<>(1);
        List<UnreadableEntry> unreadable = new ArrayList<>(1);
        try (LedgerTail tail = ledger.tail(sequence)) {
            tail.poll(1, (at, event) -> read.add(event), unreadable::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!unreadable.isEmpty()) {
            UnreadableEntry entry = unreadable.get(0);
            return recordUnreadable(sequence, entry.reason(), entry.envelope());
        }
        Event event = read.get(0);
        Optional<UnreadableEntry.Envelope> envelope = Optional.of(new UnreadableEntry.Envelope(event.source(),
                event.id(), event.person(), event.type(), event.jurisdiction(), event.occurredAt()));
        ProjectedEntry projected = projection.project(sequence, event);
        if (projected instanceof ProjectedEntry.SetAside aside) {
            return recordUnreadable(sequence, aside.entry().reason(), envelope);
        }
        try {
            vault.takeIn(sequence, ((ProjectedEntry.Kept) projected).event());
            return new Outcome(sequence, true, Optional.empty(), false);
        } catch (RuntimeException failure) {
            if (!vault.liesInTheData(failure)) {
                throw failure;
            }
            return recordUnreadable(sequence, "the vault cannot hold it: " + Failures.describe(failure), envelope);
        }
    }

    /** Records the entry as unreadable, with a placeholder in its person's vault if the vault can hold one. */
    private Outcome recordUnreadable(long sequence, String reason, Optional<UnreadableEntry.Envelope> envelope) {
        if (envelope.isPresent()) {
            try {
                vault.recordUnreadable(sequence, reason, Optional.of(projection.placeholder(sequence, envelope.get(),
                        reason)), clock.instant());
                return new Outcome(sequence, false, Optional.of(reason), true);
            } catch (RuntimeException failure) {
                if (!vault.liesInTheData(failure)) {
                    throw failure;
                }
                String withoutPlaceholder = reason + "; no vault can show it either: " + Failures.describe(failure);
                vault.recordUnreadable(sequence, withoutPlaceholder, Optional.empty(), clock.instant());
                return new Outcome(sequence, false, Optional.of(withoutPlaceholder), false);
            }
        }
        vault.recordUnreadable(sequence, reason, Optional.empty(), clock.instant());
        return new Outcome(sequence, false, Optional.of(reason), false);
    }
}
