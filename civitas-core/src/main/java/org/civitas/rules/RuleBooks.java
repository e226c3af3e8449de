package org.civitas.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civitas.validation.Issue;

/**
 * The rule books in force, one per jurisdiction, as a tree: a nation, its regions, their cities. An event is scored
 * by the rules in force where it happened: those of its jurisdiction's book and of every book above it, a lower book's
 * rule replacing a higher one's of the same id, except a rule its book marks binding.
 */
public final class RuleBooks {

    private final Map<String, RuleBook> byJurisdiction;
    private final List<RuleBook> books;

    /** The books; refused if a parent has no book, a book lies below itself, or a binding rule is overridden. */
    public RuleBooks(List<RuleBook> books) {
        Map<String, RuleBook> map = new LinkedHashMap<>();
        for (RuleBook book : books) {
            if (map.putIfAbsent(book.jurisdiction(), book) != null) {
                throw new IllegalArgumentException("two rule books for jurisdiction '" + book.jurisdiction() + "'");
            }
        }
        this.byJurisdiction = Map.copyOf(map);
        this.books = books.stream().sorted(Comparator.comparing(RuleBook::jurisdiction)).toList();
        List<Issue> problems = problems(this.books, byJurisdiction);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).toString());
        }
    }

    /** What is wrong with how {@code books} hang together, one issue each, naming the book's file. */
    public static List<Issue> problems(List<RuleBook> books) {
        Map<String, RuleBook> byJurisdiction = new LinkedHashMap<>();
        books.forEach(book -> byJurisdiction.putIfAbsent(book.jurisdiction(), book));
        return problems(books, byJurisdiction);
    }

    private static List<Issue> problems(List<RuleBook> books, Map<String, RuleBook> byJurisdiction) {
        List<Issue> problems = new ArrayList<>();
        for (RuleBook book : books) {
            Optional<String> parent = book.parent();
            if (parent.isPresent() && !byJurisdiction.containsKey(parent.get())) {
                problems.add(issue(book, "", "parent: there is no rule book for jurisdiction '" + parent.get() + "'"));
                continue;
            }
            List<String> path = new ArrayList<>(List.of(book.jurisdiction()));
            Optional<String> up = parent;
            while (up.isPresent() && byJurisdiction.containsKey(up.get()) && !path.contains(up.get())) {
                path.add(up.get());
                up = byJurisdiction.get(up.get()).parent();
            }
            if (up.isPresent() && up.get().equals(book.jurisdiction())) {
                path.add(up.get());
                problems.add(issue(book, "", "parent: the jurisdiction lies below itself: "
                        + String.join(" in ", path)));
                continue;
            }
            for (Rule rule : book.rules()) {
                for (String above : path.subList(1, path.size())) {
                    RuleBook higher = byJurisdiction.get(above);
                    if (higher != null && higher.rules().stream()
                            .anyMatch(other -> other.binding() && other.id().equals(rule.id()))) {
                        problems.add(issue(book, "rule '" + rule.id() + "'", "overrides the binding rule of "
                                + above + ", which holds in every jurisdiction below it"));
                    }
                }
            }
        }
        return problems;
    }

    private static Issue issue(RuleBook book, String subject, String message) {
        return new Issue(book.origin(), 0, 0, subject, message);
    }

    /**
     * These books with {@code replacement} in place of its jurisdiction's book (or beside them, for a new
     * jurisdiction); refused, as the constructor refuses, if they then do not hang together.
     */
    public RuleBooks with(RuleBook replacement) {
        List<RuleBook> changed = new ArrayList<>(books.size() + 1);
        books.stream().filter(book -> !book.jurisdiction().equals(replacement.jurisdiction())).forEach(changed::add);
        changed.add(replacement);
        return new RuleBooks(changed);
    }

    /** {@code jurisdiction} and every jurisdiction below it. */
    public Set<String> atOrBelow(String jurisdiction) {
        Set<String> found = new TreeSet<>();
        for (RuleBook book : books) {
            if (lineage(book.jurisdiction()).stream().anyMatch(above -> above.jurisdiction().equals(jurisdiction))) {
                found.add(book.jurisdiction());
            }
        }
        return found;
    }

    public Optional<RuleBook> forJurisdiction(String jurisdiction) {
        return Optional.ofNullable(byJurisdiction.get(jurisdiction));
    }

    /** Every book, by jurisdiction. */
    public List<RuleBook> all() {
        return books;
    }

    /** The books from the top of the tree down to {@code jurisdiction}'s own; empty if it has none. */
    public List<RuleBook> lineage(String jurisdiction) {
        List<RuleBook> lineage = new ArrayList<>();
        for (RuleBook book = byJurisdiction.get(jurisdiction); book != null;
                book = book.parent().map(byJurisdiction::get).orElse(null)) {
            lineage.add(book);
        }
        Collections.reverse(lineage);
        return lineage;
    }
}
