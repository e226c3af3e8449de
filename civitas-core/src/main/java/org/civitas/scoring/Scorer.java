package org.civitas.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.civitas.event.CivitasEntries;
import org.civitas.rules.Rule;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBooks;

/**
 * Scores people from their events under a set of rule books. The rules in force in each jurisdiction (its own and
 * those it inherits) are indexed by jurisdiction and event type, so an event is tested only against the rules that
 * can apply to it; an inherited rule is one rule wherever it applies, its cap and warnings counted across them all.
 * A lower book's rule replaces every version of a higher book's rule of the same id. Immutable and shareable; each
 * scoring pass is a {@link ScoringRun} of its own.
 */
public final class Scorer {

    private final RuleBooks books;
    private final Map<String, Map<String, RuleSlot[]>> slotsByJurisdictionAndType;
    private final List<RuleSlot> slots;

    public Scorer(RuleBooks books) {
        this.books = Objects.requireNonNull(books, "books");
        Map<String, List<RuleSlot>> slotsOfBook = new HashMap<>();
        List<RuleSlot> all = new ArrayList<>();
        for (RuleBook book : books.all()) {
            List<RuleSlot> own = new ArrayList<>();
            for (Rule rule : book.rules()) {
                RuleSlot slot = new RuleSlot(book.jurisdiction(), rule, all.size());
                all.add(slot);
                own.add(slot);
            }
            slotsOfBook.put(book.jurisdiction(), own);
        }
        Map<String, Map<String, RuleSlot[]>> index = new HashMap<>();
        for (RuleBook book : books.all()) {
            Map<String, List<RuleSlot>> inForce = new LinkedHashMap<>();
            for (RuleBook above : books.lineage(book.jurisdiction())) {
                Map<String, List<RuleSlot>> versions = new LinkedHashMap<>();
                slotsOfBook.get(above.jurisdiction()).forEach(slot -> versions
                        .computeIfAbsent(slot.rule.id(), id -> new ArrayList<>()).add(slot));
                inForce.putAll(versions);
            }
            Map<String, List<RuleSlot>> byType = new HashMap<>();
            inForce.values().forEach(versions -> versions.forEach(slot -> byType
                    .computeIfAbsent(slot.rule.on(), type -> new ArrayList<>()).add(slot)));
            Map<String, RuleSlot[]> frozen = new HashMap<>();
            byType.forEach((type, list) -> frozen.put(type, list.toArray(RuleSlot[]::new)));
            index.put(book.jurisdiction(), Map.copyOf(frozen));
        }
        this.slotsByJurisdictionAndType = Map.copyOf(index);
        this.slots = List.copyOf(all);
    }

    public RuleBooks books() {
        return books;
    }

    /** Starts a pass that scores everyone at {@code at}: feed it events, then {@link ScoringRun#finish()}. */
    public ScoringRun start(Instant at) {
        return new ScoringRun(this, Objects.requireNonNull(at, "at"));
    }

    /**
     * Whether any rule reads events of {@code type} in {@code jurisdiction}, or they are Civitas's own amendments of
     * earlier events; if not, such events score nothing.
     */
    public boolean readsAny(String jurisdiction, String type) {
        return slotsFor(jurisdiction, type) != null || CivitasEntries.TYPES.contains(type);
    }

    /** The rules for events of {@code type} in {@code jurisdiction}, or null when there are none. */
    RuleSlot[] slotsFor(String jurisdiction, String type) {
        Map<String, RuleSlot[]> byType = slotsByJurisdictionAndType.get(jurisdiction);
        return byType == null ? null : byType.get(type);
    }

    List<RuleSlot> slots() {
        return slots;
    }
}
