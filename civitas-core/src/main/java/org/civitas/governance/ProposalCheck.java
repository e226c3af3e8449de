package org.civitas.governance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civitas.event.Event;
import org.civitas.ndjson.EventParser;
import org.civitas.ndjson.LineError;
import org.civitas.rules.Effective;
import org.civitas.rules.Rule;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBookLoader;
import org.civitas.rules.RuleBooks;
import org.civitas.scoring.Contribution;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.ScoringRun;
import org.civitas.validation.Issue;

/**
 * Checks a proposal before it may open, and finds every problem at once: its text, the rule it adds or changes (the
 * condition type-checked and the constitution asked, as for any rule of a book), the binding rules of the books
 * above, the clause that no new or harsher penalty reaches back before it takes effect, and its scenarios, each
 * scored alone under the book as the proposal would make it.
 */
public final class ProposalCheck {

    /** The longest title, in characters. */
    public static final int MAX_TITLE = 200;
    /** The longest rationale, in characters. */
    public static final int MAX_RATIONALE = 10_000;
    /** The most scenarios a proposal may give. */
    public static final int MAX_SCENARIOS = 50;
    /** The longest rule id, in characters. */
    public static final int MAX_RULE_ID = 256;
    /** The longest text of a rule's fields, in characters. */
    public static final int MAX_RULE_TEXT = 20_000;
    static final String BINDING = "binding";
    static final String EX_POST_FACTO = "ex-post-facto";

    private static final Pattern FIELD_FIRST = Pattern.compile("^([a-zA-Z]+): (.*)$", Pattern.DOTALL);
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("^unknown field '([^']*)'.*", Pattern.DOTALL);

    private final RuleBookLoader loader;

    public ProposalCheck(RuleBookLoader loader) {
        this.loader = loader;
    }

    /** The loader that reads proposed rules, and the books the governance ledger keeps. */
    public RuleBookLoader loader() {
        return loader;
    }

    /**
     * What a proposal would make of the books, if it has no problems.
     *
     * @param book the proposal's jurisdiction's book as it would be, as if it had always been so
     * @param books all books, that one among them
     * @param rule the rule added or changed, at its new version; empty for a rule retired
     * @param previous the latest version of the rule in force before, the book's own or inherited; empty for a rule
     *     added
     */
    public record ProposedBooks(RuleBook book, RuleBooks books, Optional<Rule> rule, Optional<Rule> previous) {
    }

    /** What checking a draft found: its problems, or else the books it proposes. */
    public record Outcome(List<ProposalProblem> problems, Optional<ProposedBooks> proposed) {

        /** The books proposed; refused with every problem if there are any. */
        public ProposedBooks orRefuse() {
            if (!problems.isEmpty() || proposed.isEmpty()) {
                throw new ProposalRefusedException(problems);
            }
            return proposed.get();
        }
    }

    /** Checks {@code draft} against the books in force, {@code current}, at {@code now}. */
    public Outcome check(ProposalDraft draft, RuleBooks current, Instant now) {
        List<ProposalProblem> problems = new ArrayList<>();
        checkText(draft, problems);
        Optional<RuleBook> book = current.forJurisdiction(draft.jurisdiction());
        if (book.isEmpty()) {
            problems.add(ProposalProblem.field("jurisdiction", "no rule book for '" + draft.jurisdiction()
                    + "'; there are " + String.join(", ", current.all().stream().map(RuleBook::jurisdiction)
                            .toList())));
            return new Outcome(problems, Optional.empty());
        }
        Optional<ProposedBooks> proposed = proposedBooks(draft, book.get(), current, now, problems);
        proposed.ifPresent(books -> checkScenarios(draft, books.books(), current, problems));
        return new Outcome(List.copyOf(problems), problems.isEmpty() ? proposed : Optional.empty());
    }

    private static void checkText(ProposalDraft draft, List<ProposalProblem> problems) {
        if (draft.title().isBlank()) {
            problems.add(ProposalProblem.field("title", "missing (required): say in a line what the proposal does"));
        } else if (draft.title().length() > MAX_TITLE) {
            problems.add(ProposalProblem.field("title", "at most " + MAX_TITLE + " characters, not "
                    + draft.title().length()));
        }
        if (draft.rationale().isBlank()) {
            problems.add(ProposalProblem.field("rationale", "missing (required): say why the rule should change"));
        } else if (draft.rationale().length() > MAX_RATIONALE) {
            problems.add(ProposalProblem.field("rationale", "at most " + MAX_RATIONALE + " characters, not "
                    + draft.rationale().length()));
        }
        if (draft.scenarios().size() > MAX_SCENARIOS) {
            problems.add(ProposalProblem.field("scenarios", "at most " + MAX_SCENARIOS + " scenarios, not "
                    + draft.scenarios().size()));
        }
    }

    private Optional<ProposedBooks> proposedBooks(ProposalDraft draft, RuleBook book, RuleBooks current,
            Instant now, List<ProposalProblem> problems) {
        ProposedChange change = draft.change();
        String id = change.ruleId();
        Optional<Rule> own = latest(book, id);
        Optional<Rule> inherited = inherited(current, book, id);
        int before = problems.size();
        if (id.isBlank() || id.length() > MAX_RULE_ID) {
            problems.add(ProposalProblem.field("change.ruleId", id.isBlank() ? "missing (required): the id of the rule"
                    : "at most " + MAX_RULE_ID + " characters, not " + id.length()));
            return Optional.empty();
        }
        boolean binding = inherited.filter(Rule::binding).isPresent();
        if (binding) {
            problems.add(ProposalProblem.clause(BINDING, "'" + id + "' is a binding rule of "
                    + book.parent().orElse("a book above") + ", which holds in every jurisdiction below it;"
                    + " only its own book can change it"));
        }
        Optional<Rule> previous = own.or(() -> inherited);
        Optional<Rule> rule = Optional.empty();
        switch (change.kind()) {
            case ADD -> {
                if (own.isPresent()) {
                    problems.add(ProposalProblem.field("change.ruleId", book.jurisdiction() + " already has a rule '"
                            + id + "'; propose a change to it"));
                }
                rule = readRule(change, id, previous.map(Rule::version).orElse(0L) + 1, problems);
            }
            case CHANGE -> {
                if (previous.isEmpty()) {
                    problems.add(ProposalProblem.field("change.ruleId", "no rule '" + id + "' is in force in "
                            + book.jurisdiction() + "; propose to add it"));
                }
                rule = readRule(change, id, previous.map(Rule::version).orElse(0L) + 1, problems);
            }
            case RETIRE -> {
                if (own.isEmpty() && inherited.isEmpty()) {
                    problems.add(ProposalProblem.field("change.ruleId", "no rule '" + id + "' is in force in "
                            + book.jurisdiction()));
                } else if (inherited.isPresent() && !binding) {
                    rule = Optional.of(Rule.off(id, previous.get().version() + 1, Effective.ALWAYS,
                            Optional.empty()));
                }
            }
        }
        rule.ifPresent(proposedRule -> checkNoReachBack(proposedRule, now, problems));
        checkAmnesty(draft, previous, rule, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        List<Rule> rules = new ArrayList<>(book.rules());
        rules.removeIf(existing -> existing.id().equals(id));
        rule.ifPresent(rules::add);
        RuleBook changed = book.withRules(rules, "proposal for " + book.jurisdiction());
        try {
            return Optional.of(new ProposedBooks(changed, current.with(changed), rule, previous));
        } catch (IllegalArgumentException e) {
            problems.add(ProposalProblem.clause(BINDING, e.getMessage()));
            return Optional.empty();
        }
    }

    /** The latest version of the rule {@code id} of {@code book}, if it has one. */
    static Optional<Rule> latest(RuleBook book, String id) {
        return book.rules().stream().filter(rule -> rule.id().equals(id)).max(Comparator.comparingLong(Rule::version));
    }

    /** The latest version of the nearest rule {@code id} of a book above {@code book}. */
    private static Optional<Rule> inherited(RuleBooks current, RuleBook book, String id) {
        List<RuleBook> above = current.lineage(book.jurisdiction());
        for (int i = above.size() - 2; i >= 0; i--) {
            Optional<Rule> found = latest(above.get(i), id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Rule> readRule(ProposedChange change, String id, long version, List<ProposalProblem> problems) {
        if (change.rule().isEmpty()) {
            problems.add(ProposalProblem.field("change.rule", "missing (required): the rule's fields, as a rule book"
                    + " writes them"));
            return Optional.empty();
        }
        if (change.rule().get().length() > MAX_RULE_TEXT) {
            problems.add(ProposalProblem.field("change.rule", "at most " + MAX_RULE_TEXT + " characters, not "
                    + change.rule().get().length()));
            return Optional.empty();
        }
        List<Issue> issues = new ArrayList<>();
        Optional<Rule> read = loader.readRule("proposed rule", change.rule().get(), id, issues);
        for (Issue issue : issues) {
            problems.add(problemOfRule(issue.message()));
        }
        if (read.isPresent() && !read.get().id().equals(id)) {
            problems.add(ProposalProblem.field("change.rule.id", "'" + read.get().id() + "' is not the rule the"
                    + " change names, '" + id + "'"));
            return Optional.empty();
        }
        return read.map(rule -> rule.withVersion(version));
    }

    /** A problem the rule book reader found in the rule, as a problem of the field it names. */
    private static ProposalProblem problemOfRule(String message) {
        Matcher field = FIELD_FIRST.matcher(message);
        if (field.matches()) {
            return ProposalProblem.field("change.rule." + field.group(1), field.group(2));
        }
        Matcher unknown = UNKNOWN_FIELD.matcher(message);
        return unknown.matches() ? ProposalProblem.field("change.rule." + unknown.group(1), message)
                : ProposalProblem.field("change.rule", message);
    }

    /** No penalty may count for events before the proposal that makes it is even submitted. */
    private static void checkNoReachBack(Rule rule, Instant now, List<ProposalProblem> problems) {
        Optional<Instant> from = rule.effective().from();
        if (rule.points() < 0 && (from.isPresent() && from.get().isBefore(now))) {
            problems.add(ProposalProblem.clause(EX_POST_FACTO, "a penalty counts only for events after it takes"
                    + " effect; effective.from " + from.get() + " lies in the past"));
        }
    }

    /**
     * Amnesty reaches back to past events, so it is only for relief: retiring a penalty, or changing one so that the
     * same conduct costs no more and fades no slower.
     */
    private static void checkAmnesty(ProposalDraft draft, Optional<Rule> previous, Optional<Rule> proposed,
            List<ProposalProblem> problems) {
        if (!draft.amnesty()) {
            return;
        }
        boolean relief = previous.filter(was -> was.points() < 0).isPresent() && (proposed.isEmpty()
                || proposed.get().off() || Adoption.relief(previous.get(), proposed.get()));
        if (!relief || draft.change().kind() == ProposedChange.Kind.ADD) {
            problems.add(ProposalProblem.clause(EX_POST_FACTO, "amnesty reaches back to past events, so it is only"
                    + " for a change that retires a penalty or lowers one (the same conduct costing no more and"
                    + " fading no slower); no new or harsher penalty ever applies to events before it takes effect"));
        }
    }

    private static void checkScenarios(ProposalDraft draft, RuleBooks proposed, RuleBooks current,
            List<ProposalProblem> problems) {
        Set<String> applies = current.atOrBelow(draft.jurisdiction());
        Scorer scorer = new Scorer(proposed);
        for (int i = 0; i < draft.scenarios().size(); i++) {
            Scenario scenario = draft.scenarios().get(i);
            String field = "scenarios[" + i + "]";
            Optional<Event> event = event(scenario, field, problems);
            if (event.isEmpty()) {
                continue;
            }
            if (!applies.contains(event.get().jurisdiction())) {
                problems.add(ProposalProblem.field(field + ".event.jurisdiction", "'" + event.get().jurisdiction()
                        + "' is not " + draft.jurisdiction() + " or a jurisdiction below it, where the proposal"
                        + " applies"));
                continue;
            }
            long points = pointsOf(scorer, event.get());
            if (points != scenario.points()) {
                problems.add(ProposalProblem.field(field + ".points", "the book as proposed gives this event "
                        + points + " points, not " + scenario.points()));
            }
        }
    }

    private static Optional<Event> event(Scenario scenario, String field, List<ProposalProblem> problems) {
        byte[] line = scenario.event().getBytes(StandardCharsets.UTF_8);
        List<Event> events = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        EventParser.parseLines(line, 0, line.length, 1, events, errors);
        for (LineError error : errors) {
            boolean wholeLine = error.field().equals(LineError.WHOLE_LINE) || error.field().equals(LineError.JSON);
            problems.add(ProposalProblem.field(field + ".event" + (wholeLine ? "" : "." + error.field()),
                    error.reason()));
        }
        if (errors.isEmpty() && events.size() != 1) {
            problems.add(ProposalProblem.field(field + ".event", "missing (required): one event object"));
        }
        return errors.isEmpty() && events.size() == 1 ? Optional.of(events.get(0)) : Optional.empty();
    }

    /** The points {@code event} alone earns when it happens. */
    private static long pointsOf(Scorer scorer, Event event) {
        ScoringRun run = scorer.start(event.occurredAt());
        run.accept(event);
        long points = 0;
        for (PersonScore person : run.finish().people()) {
            for (Contribution contribution : person.contributions()) {
                points += contribution.granted();
            }
        }
        return points;
    }
}
