package org.civitas.rules;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rule books in force, one per jurisdiction. An event is scored only by the book of its own jurisdiction. */
public final class RuleBooks {

    private final Map<String, RuleBook> byJurisdiction;
    private final List<RuleBook> books;

    public RuleBooks(List<RuleBook> books) {
        Map<String, RuleBook> map = new LinkedHashMap<>();
        for (RuleBook book : books) {
            if (map.putIfAbsent(book.jurisdiction(), book) != null) {
                throw new IllegalArgumentException("two rule books for jurisdiction '" + book.jurisdiction() + "'");
            }
        }
        this.byJurisdiction = Map.copyOf(map);
        this.books = books.stream().sorted(Comparator.comparing(RuleBook::jurisdiction)).toList();
    }

    public Optional<RuleBook> forJurisdiction(String jurisdiction) {
        return Optional.ofNullable(byJurisdiction.get(jurisdiction));
    }

    /** Every book, by jurisdiction. */
    public List<RuleBook> all() {
        return books;
    }
}
