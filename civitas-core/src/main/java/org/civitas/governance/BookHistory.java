package org.civitas.governance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.ledger.FileLedger;
import org.civitas.ledger.Verification;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBookLoader;
import org.civitas.rules.RuleBooks;

/**
 * The governance ledger: every rule book version an adopted proposal made, in order, in a hash chain of its own
 * beside the events' ({@code DIR/governance/}), append-only and tamper-evident like it, and checked by
 * {@code civitas verify} with it. The books in force are the books a deployment started with, each replaced by its
 * latest version here; nothing else changes a book.
 */
public final class BookHistory implements AutoCloseable {

    /** The source that the entries of the governance ledger name. */
    static final String SOURCE = "civitas-assembly";
    /** The type of an entry: a rule book version adopted. */
    static final String TYPE = "rule-book-adopted";

    private final FileLedger ledger;

    private BookHistory(FileLedger ledger) {
        this.ledger = ledger;
    }

    /** Where a data directory keeps its governance ledger. */
    public static Path directoryIn(Path dataDirectory) {
        return dataDirectory.resolve("governance");
    }

    /** Opens (creating if need be) the governance ledger of {@code dataDirectory}, for recording. */
    public static BookHistory open(Path dataDirectory) {
        return new BookHistory(FileLedger.open(directoryIn(dataDirectory)));
    }

    /** Records a version and returns once it is on disk. */
    public void record(BookVersion version) {
        ledger.append(List.of(new Event(version.proposal(), SOURCE, version.jurisdiction(), TYPE,
                version.adoptedAt(), version.jurisdiction(), Attributes.of(Map.of("book",
                        version.book())))));
    }

    /** The versions recorded in {@code dataDirectory}, oldest first; none if it has no governance ledger. */
    public static List<BookVersion> read(Path dataDirectory) {
        List<BookVersion> versions = new ArrayList<>();
        if (!exists(dataDirectory)) {
            return versions;
        }
        FileLedger.read(directoryIn(dataDirectory), (sequence, event) -> versions.add(new BookVersion(event.id(),
                event.jurisdiction(), event.occurredAt(), (String) event.attributes().asMap().get("book"))));
        return versions;
    }

    /** {@code initial} with each book replaced by its latest version in {@code versions}. */
    public static RuleBooks apply(RuleBooks initial, List<BookVersion> versions, RuleBookLoader loader) {
        RuleBooks books = initial;
        for (BookVersion version : versions) {
            RuleBook book = loader.read("version of " + version.jurisdiction() + " adopted by proposal "
                    + version.proposal(), version.book());
            books = books.with(book);
        }
        return books;
    }

    /** The books in force in {@code dataDirectory}: {@code initial} as the governance ledger there changed them. */
    public static RuleBooks inForce(RuleBooks initial, Path dataDirectory, RuleBookLoader loader) {
        return apply(initial, read(dataDirectory), loader);
    }

    /** Checks the governance ledger's chain, as {@link FileLedger#verify} checks the events'. */
    public static Verification verify(Path dataDirectory) {
        return FileLedger.verify(directoryIn(dataDirectory));
    }

    /** Whether {@code dataDirectory} has a governance ledger. */
    public static boolean exists(Path dataDirectory) {
        return Files.isDirectory(FileLedger.directoryIn(directoryIn(dataDirectory)));
    }

    @Override
    public void close() {
        ledger.close();
    }
}
