package org.civitas.server.rules;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.civitas.rules.Charter;
import org.civitas.rules.HelpTriggers;
import org.civitas.rules.Rule;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBookText;
import org.civitas.rules.RuleBooks;
import org.civitas.server.http.Access;

/**
 * {@code GET /api/v1/rules}: the rule books in force, in full, for anyone to read; {@code GET /api/v1/jurisdictions}:
 * each jurisdiction with its charter.
 */
public final class RulesApi {

    /**
     * One version of a rule as the public reads it.
     *
     * @param adoptedBy the proposal whose adoption made this version, or null
     * @param off whether this version switches off the rule of a higher book with its id
     */
    public record RuleView(
            String id, long version, String title, String description, String category, String on, String when,
            long points, String halfLife, Long capPoints, String capPer, String warnFirst, Instant effectiveFrom,
            Instant effectiveUntil, boolean binding, String adoptedBy, boolean off) {

        static RuleView of(Rule rule) {
            return new RuleView(rule.id(), rule.version(), rule.title(), rule.description(), rule.category(),
                    rule.on(), rule.when().expression(), rule.points(),
                    rule.halfLife().map(RuleBookText::duration).orElse(null),
                    rule.cap().map(cap -> cap.points()).orElse(null),
                    rule.cap().map(cap -> RuleBookText.duration(cap.per())).orElse(null),
                    rule.warnFirst().map(RuleBookText::duration).orElse(null),
                    rule.effective().from().orElse(null), rule.effective().until().orElse(null), rule.binding(),
                    rule.adoptedBy().orElse(null), rule.off());
        }
    }

    /**
     * One jurisdiction's book.
     *
     * @param parent the jurisdiction whose rules apply here too, or null
     */
    public record BookView(String jurisdiction, String parent, String timezone, List<RuleView> rules) {

        static BookView of(RuleBook book) {
            return new BookView(book.jurisdiction(), book.parent().orElse(null), book.timezone().getId(),
                    book.rules().stream().map(RuleView::of).toList());
        }
    }

    /** How a jurisdiction's residents change its book, as the public reads it. */
    public record CharterView(
            String supportThreshold, String debate, String voting, BigDecimal quorum, BigDecimal majority,
            String noticePeriod, HelpView help) {

        static CharterView of(Charter charter) {
            return new CharterView(charter.supportThreshold().toString(), RuleBookText.duration(charter.debate()),
                    RuleBookText.duration(charter.voting()), charter.quorum(), charter.majority(),
                    RuleBookText.duration(charter.noticePeriod()), HelpView.of(charter.help()));
        }
    }

    /**
     * When a charter offers help: a score below {@code below}, a {@code fall} (null if none), or a rule
     * {@code repeated}.
     */
    public record HelpView(double below, Map<String, Object> fall, List<Map<String, Object>> repeated) {

        static HelpView of(HelpTriggers help) {
            return new HelpView(help.below(), help.fall().map(fall -> Map.<String, Object>of("points", fall.points(),
                    "within", RuleBookText.duration(fall.within()))).orElse(null), help.repeated().stream()
                    .map(repeated -> Map.<String, Object>of("rule", repeated.rule(), "times", repeated.times(),
                            "within", RuleBookText.duration(repeated.within()))).toList());
        }
    }

    /**
     * One jurisdiction: the one it lies in, its time zone, its charter and how many rules its own book holds.
     *
     * @param parent the jurisdiction above, or null for the top of the tree
     */
    public record JurisdictionView(String jurisdiction, String parent, String timezone, CharterView charter,
            int rules) {

        static JurisdictionView of(RuleBook book) {
            return new JurisdictionView(book.jurisdiction(), book.parent().orElse(null), book.timezone().getId(),
                    CharterView.of(book.charter()), book.rules().size());
        }
    }

    private final Supplier<RuleBooks> books;

    /** An API over the books in force, whichever they are when asked. */
    public RulesApi(Supplier<RuleBooks> books) {
        this.books = books;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/rules", this::rules, Access.PUBLIC);
        routes.get("/api/v1/jurisdictions", this::jurisdictions, Access.PUBLIC);
    }

    public List<BookView> views() {
        return books.get().all().stream().map(BookView::of).toList();
    }

    /** Each book's rules, one history each, for the rule book page. */
    public Map<BookView, List<RuleHistory>> histories() {
        Map<BookView, List<RuleHistory>> histories = new LinkedHashMap<>();
        books.get().all().forEach(book -> histories.put(BookView.of(book), RuleHistory.of(book)));
        return histories;
    }

    private void rules(Context ctx) {
        ctx.json(Map.of("books", views()));
    }

    private void jurisdictions(Context ctx) {
        ctx.json(Map.of("jurisdictions", books.get().all().stream().map(JurisdictionView::of).toList()));
    }
}
