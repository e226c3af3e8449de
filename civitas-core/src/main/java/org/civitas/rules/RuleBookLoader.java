package org.civitas.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.civitas.CivitasException;
import org.civitas.constitution.Constitution;
import org.civitas.event.EventCategories;
import org.civitas.rules.condition.ConditionCompiler;
import org.civitas.validation.Issue;
import org.civitas.validation.ValidationException;
import org.civitas.yaml.YamlDocument;

/**
 * Loads rule books from YAML: one file, or a folder with one file per jurisdiction. Every condition is compiled and
 * every rule checked against the constitution as the books load; a book with any problem is refused, with all of
 * its problems listed at once.
 */
public final class RuleBookLoader {

    private static final String FOLDER = "rules";

    private final RuleBookReader reader;

    /** A loader that knows no event type's category: only a rule's own category is checked. */
    public RuleBookLoader(Constitution constitution) {
        this(constitution, EventCategories.UNKNOWN);
    }

    /** A loader that also refuses rules reading event types whose category the constitution keeps personal. */
    public RuleBookLoader(Constitution constitution, EventCategories categories) {
        this.reader = new RuleBookReader(Objects.requireNonNull(constitution, "constitution"),
                Objects.requireNonNull(categories, "categories"), new ConditionCompiler());
    }

    /** Where a data directory keeps its rule books, one file per jurisdiction. */
    public static Path folderIn(Path dataDirectory) {
        return dataDirectory.resolve(FOLDER);
    }

    /** The books kept in {@code dataDirectory}, if it keeps any. */
    public Optional<RuleBooks> loadIn(Path dataDirectory) {
        Path folder = folderIn(dataDirectory);
        return Files.isDirectory(folder) ? Optional.of(load(folder)) : Optional.empty();
    }

    /**
     * The jurisdictions of the books kept in {@code dataDirectory}, read without compiling their rules (for a door
     * that only needs to know which jurisdictions have a book); empty if it keeps none.
     */
    public static Optional<Set<String>> jurisdictionsIn(Path dataDirectory) {
        Path folder = folderIn(dataDirectory);
        return Files.isDirectory(folder) ? Optional.of(jurisdictionsOf(folder)) : Optional.empty();
    }

    /** The jurisdictions of the books in {@code books}, a YAML file or a folder of them, read as above. */
    public static Set<String> jurisdictionsOf(Path books) {
        List<Issue> issues = new ArrayList<>();
        Set<String> jurisdictions = new TreeSet<>();
        for (Path file : Files.isDirectory(books) ? yamlFilesIn(books) : List.of(books)) {
            try {
                YamlDocument.parse(file.toString(), Files.readString(file), issues)
                        .flatMap(book -> book.requiredText("jurisdiction"))
                        .ifPresent(jurisdictions::add);
            } catch (IOException e) {
                issues.add(new Issue(file.toString(), 0, 0, "", "cannot read: " + e.getMessage()));
            }
        }
        if (!issues.isEmpty()) {
            throw new ValidationException("rule book " + books, issues);
        }
        return jurisdictions;
    }

    /** The books in {@code path}: a YAML file, or a folder of them ({@code *.yaml}, {@code *.yml}). */
    public RuleBooks load(Path path) {
        List<Path> files = Files.isDirectory(path) ? yamlFilesIn(path) : List.of(path);
        if (files.isEmpty()) {
            throw new CivitasException("no rule book (*.yaml) in " + path);
        }
        List<Issue> issues = new ArrayList<>();
        List<RuleBook> books = new ArrayList<>();
        for (Path file : files) {
            read(file, issues).ifPresent(book -> {
                books.stream().filter(other -> other.jurisdiction().equals(book.jurisdiction())).findFirst()
                        .ifPresent(other -> issues.add(new Issue(file.toString(), 0, 0, "", "jurisdiction '"
                                + book.jurisdiction() + "' already has a rule book, " + other.origin())));
                books.add(book);
            });
        }
        if (issues.isEmpty()) {
            issues.addAll(RuleBooks.problems(books));
        }
        if (!issues.isEmpty()) {
            throw new ValidationException("rule book " + path, issues);
        }
        return new RuleBooks(books);
    }

    /** One book from its YAML text; {@code file} names it in messages. */
    public RuleBook read(String file, String content) {
        List<Issue> issues = new ArrayList<>();
        RuleBook book = reader.read(file, content, issues).orElse(null);
        if (!issues.isEmpty() || book == null) {
            throw new ValidationException("rule book " + file, issues);
        }
        return book;
    }

    /**
     * One rule from its YAML or JSON text (a proposed rule, say), checked as a rule of a book is: its condition
     * compiled and the constitution asked; {@code id} is its id if the text gives none. Empty, with every problem
     * added to {@code issues}, if it has any.
     */
    public Optional<Rule> readRule(String origin, String content, String id, List<Issue> issues) {
        return reader.readRule(origin, content, id, issues);
    }

    private Optional<RuleBook> read(Path file, List<Issue> issues) {
        String content;
        try {
            content = Files.readString(file);
        } catch (IOException e) {
            issues.add(new Issue(file.toString(), 0, 0, "", "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
        return reader.read(file.toString(), content, issues);
    }

    private static List<Path> yamlFilesIn(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CivitasException("cannot list rule books in " + folder + ": " + e.getMessage(), e);
        }
    }
}
