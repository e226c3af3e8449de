package org.civitas.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.civitas.residence.Residence;
import org.civitas.residence.Residents;
import org.civitas.vault.SetAsideEntry;
import org.civitas.vault.Vault;
import org.civitas.vault.VaultEvent;

/**
 * Writes projected entries into the vault (and where people live into the residences), a batch a transaction.
 *
 * <p>When a batch fails while the database still answers, the batch is halved, and each half written on its own,
 * until the entries at fault stand alone: an entry that fails alone, for a reason that lies in its own data, is set
 * aside and the others are written around it. A single bad entry among twenty thousand costs some thirty small
 * transactions, not twenty thousand. Any other failure, and any failure while the database does not answer, is
 * thrown for the projector to retry: an entry is never set aside because the database was down.
 */
final class VaultWriter {

    private final Vault vault;
    private final Residents residences;
    private final BooleanSupplier databaseAnswers;
    private final EntryProjection projection;

    VaultWriter(Vault vault, Residents residences, BooleanSupplier databaseAnswers,
            EntryProjection projection) {
        this.vault = vault;
        this.residences = residences;
        this.databaseAnswers = databaseAnswers;
        this.projection = projection;
    }

    /**
     * Writes {@code entries} (in ledger order, every entry from the vault's position on) and moves the vault's
     * position to {@code projectedUpTo}. Returns what was kept, set-aside entries and all: the entries at fault
     * among them are set aside now.
     */
    List<ProjectedEntry> write(List<ProjectedEntry> entries, long projectedUpTo) {
        List<ProjectedEntry> written = new ArrayList<>(entries.size());
        write(entries, projectedUpTo, written);
        return written;
    }

    private void write(List<ProjectedEntry> entries, long projectedUpTo, List<ProjectedEntry> written) {
        try {
            store(entries, projectedUpTo);
            written.addAll(entries);
            return;
        } catch (RuntimeException failure) {
            boolean aloneAndKept = entries.size() == 1 && entries.get(0) instanceof ProjectedEntry.Kept;
            if (entries.size() < 2 && !aloneAndKept || !databaseAnswers.getAsBoolean()) {
                throw failure;
            }
            if (aloneAndKept) {
                written.add(setAsideAlone((ProjectedEntry.Kept) entries.get(0), failure, projectedUpTo));
                return;
            }
            int half = entries.size() / 2;
            write(entries.subList(0, half), entries.get(half - 1).sequence() + 1, written);
            write(entries.subList(half, entries.size()), projectedUpTo, written);
        }
    }

    /** Sets aside an entry that failed on its own, if the failure lies in its data; otherwise throws the failure. */
    private ProjectedEntry setAsideAlone(ProjectedEntry.Kept entry, RuntimeException failure, long projectedUpTo) {
        if (!vault.liesInTheData(failure)) {
            throw failure;
        }
        ProjectedEntry setAside = projection.setAside(entry.sequence(), Optional.of(entry.event().person()),
                "the vault cannot hold it: " + Failures.describe(failure));
        store(List.of(setAside), projectedUpTo);
        return setAside;
    }

    private void store(List<ProjectedEntry> entries, long projectedUpTo) {
        Map<String, Residence> byPerson = new LinkedHashMap<>();
        List<VaultEvent> kept = new ArrayList<>(entries.size());
        List<SetAsideEntry> setAside = new ArrayList<>();
        for (ProjectedEntry entry : entries) {
            if (entry instanceof ProjectedEntry.Kept keep) {
                kept.add(keep.event());
                keep.residence().ifPresent(residence -> byPerson.put(keep.event().person(), residence));
            } else if (entry instanceof ProjectedEntry.SetAside aside) {
                setAside.add(aside.entry());
            }
        }
        residences.record(byPerson);
        vault.project(kept, setAside, projectedUpTo);
    }
}
