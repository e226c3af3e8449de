package org.civitas.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.civitas.CivitasException;
import org.civitas.constitution.Constitution;
import org.civitas.governance.BookHistory;
import org.civitas.kafka.runtime.KafkaConfig;
import org.civitas.rules.RuleBookLoader;
import org.civitas.rules.RuleBooks;
import org.civitas.source.SourceCatalogue;
import org.civitas.source.SourcesFile;
import picocli.CommandLine.Option;

/**
 * Which rule books to score by, which constitution to check them against, and which sources' categories to check
 * them with: a book reading an event type that a source registered as personal-only is refused here as well.
 */
final class RuleBookOptions {

    @Option(names = "--rules", paramLabel = "BOOK", description = "A rule book (YAML) or a folder of them, one per"
            + " jurisdiction (default, with --data DIR: the books in DIR/rules/, as the proposals adopted"
            + " since changed them).")
    private Path rules;

    @Option(names = "--sources", paramLabel = "FILE", description = "The sources, their event types and categories"
            + " (YAML; default, with --data DIR: those registered in DIR).")
    private Path sources;

    @Option(names = "--constitution", paramLabel = "FILE", description = "A constitution to check the rule books"
            + " against (default: the one Civitas ships).")
    private Path constitution;

    /** What reads books as these options say: under the constitution, knowing the sources' categories. */
    RuleBookLoader loader(Optional<Path> data) {
        Constitution limits = constitution == null ? Constitution.standard() : Constitution.load(constitution);
        SourceCatalogue registered = sources != null ? SourcesFile.read(sources)
                : data.map(SourcesFile::readIn).orElse(SourceCatalogue.EMPTY);
        return new RuleBookLoader(limits, registered.categories());
    }

    /** The books, given or kept in {@code data}; refused, saying how to give them, when there are none. */
    RuleBooks load(Optional<Path> data) {
        return load(loader(data), data);
    }

    /** The books, given or kept in {@code data}, read by {@code loader}. */
    RuleBooks load(RuleBookLoader loader, Optional<Path> data) {
        if (rules != null) {
            return loader.load(rules);
        }
        RuleBooks initial = data.flatMap(loader::loadIn).orElseThrow(() -> new CivitasException("no rule book to"
                + " score by: give one with --rules BOOK (a file, or a folder with one per jurisdiction)"
                + data.map(folder -> ", or put them in " + RuleBookLoader.folderIn(folder)).orElse("")));
        return BookHistory.inForce(initial, data.get(), loader);
    }

    /**
     * The books of a Kafka runtime: given; or named in its configuration, as the versions adopted since and recorded
     * in its data directory changed them, as a server on that runtime scores.
     */
    RuleBooks load(KafkaConfig config) {
        RuleBookLoader loader = loader(config.data());
        if (rules != null) {
            return loader.load(rules);
        }
        RuleBooks named = loader.load(config.rules().orElseThrow(() -> new CivitasException("no rule book to score"
                + " by: give one with --rules BOOK, or name them in the configuration (rules: BOOKS)")));
        return config.data().map(data -> BookHistory.inForce(named, data, loader)).orElse(named);
    }
}
