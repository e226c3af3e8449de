package org.civitas.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civitas.constitution.Breach;
import org.civitas.constitution.Constitution;
import org.civitas.constitution.RuleFacts;
import org.civitas.event.CivitasEntries;
import org.civitas.event.EventCategories;
import org.civitas.event.Instants;
import org.civitas.rules.condition.AttributeReads;
import org.civitas.rules.condition.Condition;
import org.civitas.rules.condition.ConditionCompiler;
import org.civitas.rules.condition.Eligibility;
import org.civitas.rules.condition.ExpressionProblem;
import org.civitas.validation.Issue;
import org.civitas.yaml.Durations;
import org.civitas.yaml.YamlDocument;
import org.civitas.yaml.YamlMapping;

/** Reads one rule book file, adding every problem it finds to a shared list. */
final class RuleBookReader {

    private static final List<String> BOOK_FIELDS = List.of("jurisdiction", "parent", "timezone", "charter",
            "rules", "attestations", "rewards");
    private static final List<String> REWARD_FIELDS = List.of("id", "title", "gives", "provider", "eligible");
    private static final Eligibility ELIGIBILITY = new Eligibility();
    private static final List<String> CHARTER_FIELDS = List.of("supportThreshold", "debate", "voting", "quorum",
            "majority", "noticePeriod", "help");
    private static final List<String> RULE_FIELDS = List.of(
            "id", "version", "title", "description", "category", "on", "when", "points", "halfLife", "cap",
            "warnFirst", "effective", "binding", "adoptedBy", "off");
    /** What a rule that switches a higher book's rule off may say: which rule, and when. */
    private static final List<String> OFF_FIELDS = List.of("id", "version", "off", "effective", "adoptedBy");

    private final Constitution constitution;
    private final EventCategories categories;
    private final ConditionCompiler compiler;

    RuleBookReader(Constitution constitution, EventCategories categories, ConditionCompiler compiler) {
        this.constitution = constitution;
        this.categories = categories;
        this.compiler = compiler;
    }

    Optional<RuleBook> read(String file, String content, List<Issue> issues) {
        int issuesBefore = issues.size();
        Optional<YamlMapping> parsed = YamlDocument.parse(file, content, issues);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping book = parsed.get();
        book.allowOnly(BOOK_FIELDS);
        String jurisdiction = book.requiredText("jurisdiction").orElse("");
        Optional<ZoneId> timezone = book.has("timezone")
                ? book.converted("timezone", "a time zone such as Europe/Berlin", ZoneId::of)
                : Optional.empty();
        if (!book.has("timezone")) {
            book.report("timezone", "missing (required): local hours and weekdays are read in it");
        }
        if (!book.has("rules")) {
            book.report("rules", "missing (required); write 'rules: []' for a book without rules");
        }
        Optional<Charter> charter = book.has("charter") ? book.mapping("charter").flatMap(RuleBookReader::charter)
                : Optional.of(Charter.DEFAULT);
        List<Rule> rules = new ArrayList<>();
        Map<String, Set<Long>> versions = new HashMap<>();
        for (YamlMapping item : book.mappings("rules")) {
            rule(item, Optional.empty(), versions).ifPresent(rule -> {
                checkTimeOfVersion(rule, rules, item.about("rule '" + rule.id() + "'"));
                rules.add(rule);
            });
        }
        List<AttestationKind> attestations = attestations(book);
        List<Reward> rewards = rewards(book);
        if (issues.size() > issuesBefore || timezone.isEmpty() || charter.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RuleBook(jurisdiction, book.text("parent"), timezone.get(), charter.get(), rules,
                attestations, rewards, file));
    }

    /**
     * The book's catalogue of rewards, each checked against the constitution (no basic right or need) and its
     * eligibility type-checked.
     */
    private List<Reward> rewards(YamlMapping book) {
        List<Reward> rewards = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlMapping item : book.mappings("rewards")) {
            item.allowOnly(REWARD_FIELDS);
            Optional<String> id = item.requiredText("id");
            YamlMapping reward = item.about("reward '" + id.orElse("?") + "'");
            Optional<String> title = reward.requiredText("title");
            Optional<String> gives = reward.requiredText("gives");
            Optional<String> provider = reward.requiredText("provider");
            Optional<String> eligible = reward.requiredText("eligible");
            id.filter(named -> !ids.add(named)).ifPresent(named -> reward.report("id", "'" + named
                    + "' is listed twice"));
            constitution.checkReward(id.orElse("") + " " + title.orElse("") + " " + gives.orElse(""))
                    .ifPresent(breach -> reward.report(breach.toString()));
            eligible.ifPresent(expression -> ELIGIBILITY.problems(expression).forEach(problem -> reward.report(
                    "eligible", problem.line() + ":" + problem.column() + ": " + problem.message())));
            if (id.isPresent() && title.isPresent() && gives.isPresent() && provider.isPresent()
                    && eligible.isPresent()) {
                rewards.add(new Reward(id.get(), title.get(), gives.get(), provider.get(), eligible.get()));
            }
        }
        return rewards;
    }

    /** The book's catalogue of good deeds residents may attest of each other: each an id and a title. */
    private static List<AttestationKind> attestations(YamlMapping book) {
        List<AttestationKind> kinds = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlMapping item : book.mappings("attestations")) {
            item.allowOnly(List.of("id", "title"));
            Optional<String> id = item.requiredText("id");
            Optional<String> title = item.requiredText("title");
            id.filter(named -> !ids.add(named)).ifPresent(named -> item.report("id", "'" + named
                    + "' is listed twice"));
            if (id.isPresent() && title.isPresent()) {
                kinds.add(new AttestationKind(id.get(), title.get()));
            }
        }
        return kinds;
    }

    /** One rule from its own YAML or JSON text, checked as a rule of a book is; without an id, it is {@code id}. */
    Optional<Rule> readRule(String file, String content, String id, List<Issue> issues) {
        int issuesBefore = issues.size();
        Optional<Rule> rule = YamlDocument.parse(file, content, issues)
                .flatMap(item -> rule(item, Optional.of(id), new HashMap<>()));
        return issues.size() > issuesBefore ? Optional.empty() : rule;
    }

    /**
     * Refuses a version of a rule that is in force at some instant another version is: a book keeps the versions its
     * rule had, each with its own time.
     */
    private static void checkTimeOfVersion(Rule rule, List<Rule> rules, YamlMapping where) {
        for (Rule other : rules) {
            if (other.id().equals(rule.id()) && other.effective().overlaps(rule.effective())) {
                where.report("effective", "version " + rule.version() + " is in force at the same time as version "
                        + other.version() + "; give each version of a rule its own effective time");
            }
        }
    }

    /**
     * One rule of a book; {@code versions} holds the versions of each id read before, and a rule whose id and version
     * another has is refused. Its id is required unless {@code givenId} gives it.
     */
    private Optional<Rule> rule(YamlMapping item, Optional<String> givenId, Map<String, Set<Long>> versions) {
        Optional<String> id = givenId.isPresent() && !item.has("id") ? givenId : item.requiredText("id");
        YamlMapping rule = item.about("rule '" + id.orElse("?") + "'");
        rule.allowOnly(RULE_FIELDS);
        long version = rule.integer("version").orElse(1L);
        if (id.isPresent() && !versions.computeIfAbsent(id.get(), any -> new HashSet<>()).add(version)) {
            rule.report("id", "another rule of this book already has this id; a later version of it needs another"
                    + " version number");
        }
        if (version < 1) {
            rule.report("version", "must be 1 or more");
        }
        if (rule.bool("off").orElse(false)) {
            return switchedOff(rule, id, version);
        }
        Optional<String> title = rule.requiredText("title");
        String description = rule.text("description").orElse("");
        Optional<String> category = rule.requiredText("category");
        Optional<String> on = rule.requiredText("on").filter(type -> readable(rule, type));
        Optional<Long> points = rule.requiredInteger("points");
        if (on.filter(CivitasEntries.REWARDED_ONLY::contains).isPresent()
                && points.filter(granted -> granted <= 0).isPresent()) {
            rule.report("points", "praise never costs points: a rule on " + on.get() + " grants more than 0");
        }
        Optional<Duration> halfLife = rule.converted("halfLife", "an ISO-8601 duration", Durations::parsePositive);
        Optional<Cap> cap = rule.mapping("cap").flatMap(RuleBookReader::cap);
        Optional<Duration> warnFirst = warnFirst(rule, points);
        Effective effective = rule.mapping("effective").flatMap(RuleBookReader::effective).orElse(Effective.ALWAYS);
        Optional<ConditionCompiler.Compilation> compiled = rule.text("when").map(when -> compile(rule, when));
        Condition when = compiled.flatMap(ConditionCompiler.Compilation::condition).orElse(Condition.ALWAYS);
        AttributeReads reads = compiled.map(ConditionCompiler.Compilation::reads).orElse(AttributeReads.NONE);
        if (id.isEmpty() || title.isEmpty() || category.isEmpty() || on.isEmpty() || points.isEmpty()
                || compiled.map(compilation -> !compilation.succeeded()).orElse(false)) {
            return Optional.empty();
        }
        RuleFacts facts = new RuleFacts(id.get(), category.get(), on.get(), categories.categoryOf(on.get()),
                points.get(), halfLife, reads.names(), reads.unnamedAccess());
        for (Breach breach : constitution.check(facts)) {
            rule.report(breach.toString());
        }
        return Optional.of(new Rule(id.get(), version, title.get(), description, category.get(), on.get(), when,
                points.get(), halfLife, cap, warnFirst, effective, rule.bool("binding").orElse(false),
                rule.text("adoptedBy"), false));
    }

    /** A version that switches off, here and below, the rule of a higher book with its id. */
    private static Optional<Rule> switchedOff(YamlMapping rule, Optional<String> id, long version) {
        rule.allowOnly(OFF_FIELDS);
        Effective effective = rule.mapping("effective").flatMap(RuleBookReader::effective).orElse(Effective.ALWAYS);
        return id.map(name -> Rule.off(name, version, effective, rule.text("adoptedBy")));
    }

    private ConditionCompiler.Compilation compile(YamlMapping rule, String expression) {
        ConditionCompiler.Compilation compilation = compiler.compile(expression);
        for (ExpressionProblem problem : compilation.problems()) {
            rule.reportAt(rule.positionInText("when", problem.line(), problem.column()), "when: " + problem.message());
        }
        return compilation;
    }

    /**
     * How long a penalty's offences are remembered for its warnings; a reward has nothing to warn of. The constitution
     * sets no bound: however long the period, a rule that warns first never costs more than the same rule without it.
     */
    private static Optional<Duration> warnFirst(YamlMapping rule, Optional<Long> points) {
        Optional<Duration> warnFirst = rule.converted("warnFirst", "an ISO-8601 duration", Durations::parsePositive);
        if (warnFirst.isPresent() && points.isPresent() && points.get() >= 0) {
            rule.report("warnFirst", "only a penalty is preceded by a warning, and this rule grants " + points.get()
                    + " points; remove warnFirst or make points negative");
        }
        return warnFirst;
    }

    /** How the book may be changed; each field left out keeps the default charter's. */
    private static Optional<Charter> charter(YamlMapping charter) {
        charter.allowOnly(CHARTER_FIELDS);
        Charter defaults = Charter.DEFAULT;
        int problems = 0;
        Optional<SupportThreshold> threshold = charter.converted("supportThreshold",
                "a number of supports such as 3, or a share of residents such as 2%", SupportThreshold::parse);
        String duration = "an ISO-8601 duration";
        Optional<Duration> debate = charter.converted("debate", duration, Durations::parsePositive);
        Optional<Duration> voting = charter.converted("voting", duration, Durations::parsePositive);
        Optional<Duration> notice = charter.converted("noticePeriod", duration, Durations::parsePositive);
        if (notice.filter(period -> period.compareTo(Charter.LEAST_NOTICE) < 0).isPresent()) {
            charter.report("noticePeriod", "at least P30D: a new or harsher penalty is announced a month before it"
                    + " counts, not " + charter.text("noticePeriod").orElse(""));
            problems++;
        }
        Optional<BigDecimal> quorum = charter.converted("quorum", "a share from 0 to 1 such as 0.1", BigDecimal::new);
        if (quorum.filter(share -> share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0).isPresent()) {
            charter.report("quorum", "a share of residents from 0 to 1, not " + quorum.get());
            problems++;
        }
        Optional<BigDecimal> majority = charter.converted("majority", "a share from 0.5 to below 1 such as 0.5",
                BigDecimal::new);
        if (majority.filter(share -> share.compareTo(new BigDecimal("0.5")) < 0
                || share.compareTo(BigDecimal.ONE) >= 0).isPresent()) {
            charter.report("majority", "a share from 0.5 to below 1 that yes must exceed, not " + majority.get());
            problems++;
        }
        Optional<HelpTriggers> help = charter.has("help") ? charter.mapping("help").flatMap(RuleBookReader::help)
                : Optional.of(HelpTriggers.DEFAULT);
        Map<String, Optional<?>> read = Map.of("supportThreshold", threshold, "debate", debate, "voting", voting,
                "noticePeriod", notice, "quorum", quorum, "majority", majority, "help", help);
        boolean unreadable = read.entrySet().stream().anyMatch(field -> charter.has(field.getKey())
                && field.getValue().isEmpty());
        if (problems > 0 || unreadable) {
            return Optional.empty();
        }
        return Optional.of(new Charter(threshold.orElse(defaults.supportThreshold()), debate.orElse(defaults.debate()),
                voting.orElse(defaults.voting()), quorum.orElse(defaults.quorum()),
                majority.orElse(defaults.majority()), notice.orElse(defaults.noticePeriod()),
                help.orElse(HelpTriggers.DEFAULT)));
    }

    /**
     * When the charter offers help: {@code below} a score, a {@code fall} of points within a period, or a rule
     * {@code repeated} a number of times within a period.
     */
    private static Optional<HelpTriggers> help(YamlMapping help) {
        help.allowOnly(List.of("below", "fall", "repeated"));
        int before = help.issueCount();
        double below = help.converted("below", "a score such as 1000", Double::valueOf)
                .orElse(HelpTriggers.DEFAULT.below());
        Optional<HelpTriggers.Fall> fall = help.mapping("fall").flatMap(mapping -> {
            mapping.allowOnly(List.of("points", "within"));
            Optional<Long> points = mapping.requiredInteger("points");
            Optional<Duration> within = mapping.requiredText("within").flatMap(text -> mapping.converted("within",
                    "an ISO-8601 duration", Durations::parsePositive));
            return points.isPresent() && within.isPresent()
                    ? Optional.of(new HelpTriggers.Fall(points.get(), within.get())) : Optional.empty();
        });
        List<HelpTriggers.Repeated> repeated = new ArrayList<>();
        for (YamlMapping item : help.mappings("repeated")) {
            item.allowOnly(List.of("rule", "times", "within"));
            Optional<String> rule = item.requiredText("rule");
            Optional<Long> times = item.requiredInteger("times");
            Optional<Duration> within = item.requiredText("within").flatMap(text -> item.converted("within",
                    "an ISO-8601 duration", Durations::parsePositive));
            if (rule.isPresent() && times.isPresent() && within.isPresent()) {
                repeated.add(new HelpTriggers.Repeated(rule.get(), times.get(), within.get()));
            }
        }
        return help.issueCount() > before ? Optional.empty() : Optional.of(new HelpTriggers(below, fall, repeated));
    }

    /**
     * Whether a rule may read events of {@code type}: not Civitas's own entries, which score no one, but for the
     * ones a rule may reward (a confirmed attestation, a completed programme of support).
     */
    private static boolean readable(YamlMapping rule, String type) {
        if (CivitasEntries.REWARDED_ONLY.contains(type)) {
            return true;
        }
        Optional<String> reserved = CivitasEntries.reserved(type);
        reserved.ifPresent(why -> rule.report("on", why + "; no rule may read them"));
        return reserved.isEmpty();
    }

    private static Optional<Cap> cap(YamlMapping cap) {
        cap.allowOnly(List.of("points", "per"));
        Optional<Long> points = cap.requiredInteger("points");
        if (points.isPresent() && points.get() <= 0) {
            cap.report("points", "a cap allows a positive number of points, not " + points.get());
            return Optional.empty();
        }
        if (!cap.has("per")) {
            cap.report("per", "missing (required): the window the cap applies to, e.g. P7D");
        }
        Optional<Duration> per = cap.converted("per", "an ISO-8601 duration", Durations::parsePositive);
        return points.isPresent() && per.isPresent() ? Optional.of(new Cap(points.get(), per.get())) : Optional.empty();
    }

    private static Optional<Effective> effective(YamlMapping effective) {
        effective.allowOnly(List.of("from", "until"));
        String expected = "an ISO-8601 instant such as 2026-01-01T00:00:00Z";
        Optional<Instant> from = effective.converted("from", expected, Instants::parse);
        Optional<Instant> until = effective.converted("until", expected, Instants::parse);
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            effective.report("until", "must be after from (" + from.get() + ")");
            return Optional.empty();
        }
        return Optional.of(new Effective(from, until));
    }
}
