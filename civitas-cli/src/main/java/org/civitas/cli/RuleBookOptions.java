package org.civitas.cli;

import java.nio.file.Path;
import org.civitas.city.DemoCity;
import org.civitas.constitution.Constitution;
import org.civitas.rules.RuleBookLoader;
import org.civitas.rules.RuleBooks;
import picocli.CommandLine.Option;

/** Which rule books to score by, and which constitution to check them against. */
final class RuleBookOptions {

    @Option(names = "--rules", paramLabel = "BOOK", description = "A rule book (YAML) or a folder of them, one per"
            + " jurisdiction (default: the demo city's books).")
    private Path rules;

    @Option(names = "--constitution", paramLabel = "FILE", description = "A constitution to check the rule books"
            + " against (default: the one Civitas ships).")
    private Path constitution;

    RuleBooks load() {
        Constitution limits = constitution == null ? Constitution.standard() : Constitution.load(constitution);
        RuleBookLoader loader = new RuleBookLoader(limits);
        return rules == null ? DemoCity.ruleBooks(loader) : loader.load(rules);
    }
}
