package org.civitas.cli;

import java.nio.file.Path;
import org.civitas.city.DemoCity;
import org.civitas.constitution.Constitution;
import org.civitas.rules.RuleBookLoader;
import org.civitas.rules.RuleBooks;
import picocli.CommandLine.Option;

/**
 * Which rule books to score by, and which constitution to check them against. Event types are taken to belong to the
 * categories the demo city's sources declare, so that a book reading a personal-only type is refused here as well.
 */
final class RuleBookOptions {

    @Option(names = "--rules", paramLabel = "BOOK", description = "A rule book (YAML) or a folder of them, one per"
            + " jurisdiction (default: the demo city's books).")
    private Path rules;

    @Option(names = "--constitution", paramLabel = "FILE", description = "A constitution to check the rule books"
            + " against (default: the one Civitas ships).")
    private Path constitution;

    RuleBooks load() {
        Constitution limits = constitution == null ? Constitution.standard() : Constitution.load(constitution);
        RuleBookLoader loader = new RuleBookLoader(limits, DemoCity.categories());
        return rules == null ? DemoCity.ruleBooks(loader) : loader.load(rules);
    }
}
