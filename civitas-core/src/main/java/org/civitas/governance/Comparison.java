package org.civitas.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.civitas.ledger.LedgerHistory;
import org.civitas.residence.Residents;
import org.civitas.rules.Rule;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBookText;
import org.civitas.rules.RuleBooks;
import org.civitas.scoring.ScoreBoard;
import org.civitas.support.SupportOffer;
import org.civitas.support.SupportOffers;

/**
 * Regions compare: for every rule that differs between jurisdictions with the same parent, side by side, how often
 * the conduct it reads happens there per 1,000 residents month by month, the residents' scores, and how many of them
 * were offered help and took it. Every cell about fewer than {@value Impact#LEAST_PEOPLE_IN_A_CELL} people or events
 * is suppressed, as in the public statistics.
 */
public final class Comparison {

    /** How many months back the counts go, this one included. */
    public static final int MONTHS = 12;
    private static final double BIN_WIDTH = 25;
    private static final Set<String> OF_THE_VERSION = Set.of("version", "effective", "adoptedBy", "binding");

    /** A rule that differs between siblings, and each sibling's side. */
    public record RuleComparison(String rule, String parent, List<Side> sides) {
    }

    /**
     * One jurisdiction's side: its version of the rule (null if it has none), its residents, its months, its scores
     * and its support uptake.
     */
    public record Side(String jurisdiction, Version version, long residents, List<Month> months,
            List<Impact.Cell> scores, Long offeredHelp, Long acceptedHelp) {
    }

    /**
     * What a jurisdiction's rule says, in short: the book it is in, its version, what it reads and grants.
     *
     * @param adoptedBy the proposal that made this version, or empty
     */
    public record Version(String book, long version, String adoptedBy, String title, String on, String when,
            long points) {
    }

    /** Events of the type the rule reads, in a month, and per 1,000 residents; null when too few to show. */
    public record Month(YearMonth month, Long events, Double perThousandResidents) {
    }

    private final LedgerHistory history;
    private final Supplier<RuleBooks> books;
    private final Residents residents;
    private final ScoreBoard scores;
    private final SupportOffers offers;
    private final Clock clock;

    public Comparison(LedgerHistory history, Supplier<RuleBooks> books, Residents residents, ScoreBoard scores,
            SupportOffers offers, Clock clock) {
        this.history = history;
        this.books = books;
        this.residents = residents;
        this.scores = scores;
        this.offers = offers;
        this.clock = clock;
    }

    /** How long a comparison stands before it is worked out again, unless the books change first. */
    public static final Duration FRESH_FOR = Duration.ofMinutes(10);

    /** The comparison last worked out, with the books and the instant it was worked out for. */
    private record Worked(RuleBooks books, Instant at, List<RuleComparison> comparisons) {
    }

    /** A rule that differs between the children of {@code parent}, and each child's version of it (null: none). */
    private record Difference(String parent, String rule, Map<String, Version> versions) {
    }

    private Worked worked;

    /**
     * Every rule that differs between siblings, by parent and rule: worked out again when the books change, and
     * otherwise at most every {@link #FRESH_FOR}, for it reads the ledger.
     */
    public synchronized List<RuleComparison> compare() {
        RuleBooks current = books.get();
        Instant now = clock.instant();
        if (worked == null || worked.books() != current || !now.isBefore(worked.at().plus(FRESH_FOR))) {
            worked = new Worked(current, now, compareNow(current, now));
        }
        return worked.comparisons();
    }

    private List<RuleComparison> compareNow(RuleBooks current, Instant now) {
        YearMonth last = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Map<String, List<RuleBook>> siblings = new TreeMap<>();
        current.all().forEach(book -> book.parent().ifPresent(parent -> siblings
                .computeIfAbsent(parent, any -> new ArrayList<>()).add(book)));
        List<Difference> differing = new ArrayList<>();
        siblings.forEach((parent, children) -> {
            if (children.size() > 1) {
                differing.addAll(differing(parent, children, current, now));
            }
        });
        if (differing.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Map<YearMonth, long[]>>> counts = countEvents(differing, last.minusMonths(MONTHS - 1));
        Set<String> everOffered = offers.peopleWithOffersSince(Instant.EPOCH);
        Set<String> accepted = new HashSet<>();
        offers.accepted().stream().map(SupportOffer::person).forEach(accepted::add);
        List<RuleComparison> comparisons = new ArrayList<>();
        for (Difference difference : differing) {
            List<Side> sides = new ArrayList<>();
            difference.versions().forEach((jurisdiction, version) -> {
                SortedSet<String> living = residents.livingIn(List.of(jurisdiction));
                Map<YearMonth, long[]> byMonth = version == null ? Map.of()
                        : counts.getOrDefault(jurisdiction, Map.of()).getOrDefault(version.on(), Map.of());
                sides.add(new Side(jurisdiction, version, living.size(), months(byMonth, last, living.size()),
                        histogram(living, now), shown(living.stream().filter(everOffered::contains).count()),
                        shown(living.stream().filter(accepted::contains).count())));
            });
            comparisons.add(new RuleComparison(difference.rule(), difference.parent(), sides));
        }
        return comparisons;
    }

    /** The rules in force in any of {@code children} whose definitions are not the same in all of them. */
    private static List<Difference> differing(String parent, List<RuleBook> children, RuleBooks current,
            Instant now) {
        Map<String, Map<String, Rule>> inForce = new LinkedHashMap<>();
        Set<String> ids = new TreeSet<>();
        for (RuleBook child : children) {
            Map<String, Rule> rules = inForce(current, child.jurisdiction(), now);
            inForce.put(child.jurisdiction(), rules);
            ids.addAll(rules.keySet());
        }
        List<Difference> differing = new ArrayList<>();
        for (String id : ids) {
            Set<Map<String, Object>> definitions = new HashSet<>();
            inForce.values().forEach(rules -> definitions.add(definition(rules.get(id))));
            if (definitions.size() > 1) {
                Map<String, Version> versions = new LinkedHashMap<>();
                inForce.forEach((jurisdiction, rules) -> versions.put(jurisdiction,
                        version(current, jurisdiction, rules.get(id))));
                differing.add(new Difference(parent, id, versions));
            }
        }
        return differing;
    }

    /** The rules in force in {@code jurisdiction} at {@code now}, its own and inherited, by id. */
    private static Map<String, Rule> inForce(RuleBooks books, String jurisdiction, Instant now) {
        Map<String, Rule> rules = new TreeMap<>();
        for (RuleBook book : books.lineage(jurisdiction)) {
            book.rules().forEach(rule -> rules.remove(rule.id()));
            book.rules().stream().filter(rule -> rule.effective().covers(now) && !rule.off())
                    .forEach(rule -> rules.put(rule.id(), rule));
        }
        return rules;
    }

    private static Map<String, Object> definition(Rule rule) {
        if (rule == null) {
            return Map.of();
        }
        Map<String, Object> fields = new LinkedHashMap<>(RuleBookText.rule(rule));
        fields.keySet().removeAll(OF_THE_VERSION);
        return fields;
    }

    /** {@code rule} as {@code jurisdiction} has it, naming the book in its lineage it comes from; null for none. */
    private static Version version(RuleBooks books, String jurisdiction, Rule rule) {
        if (rule == null) {
            return null;
        }
        String book = books.lineage(jurisdiction).stream().filter(above -> above.rules().contains(rule))
                .map(RuleBook::jurisdiction).reduce((first, second) -> second).orElse(jurisdiction);
        return new Version(book, rule.version(), rule.adoptedBy().orElse(""), rule.title(), rule.on(),
                rule.when().expression(), rule.points());
    }

    /** Events by jurisdiction, type and month since {@code first}, of the types the compared rules read. */
    private Map<String, Map<String, Map<YearMonth, long[]>>> countEvents(List<Difference> differences,
            YearMonth first) {
        Set<String> jurisdictions = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (Difference difference : differences) {
            difference.versions().forEach((jurisdiction, version) -> {
                jurisdictions.add(jurisdiction);
                if (version != null) {
                    types.add(version.on());
                }
            });
        }
        Map<String, Map<String, Map<YearMonth, long[]>>> counts = new HashMap<>();
        history.read((jurisdiction, type) -> jurisdictions.contains(jurisdiction)
                && types.contains(type), (sequence, event) -> {
                    YearMonth month = YearMonth.from(event.occurredAt().atZone(ZoneOffset.UTC));
                    if (!month.isBefore(first)) {
                        counts.computeIfAbsent(event.jurisdiction(), any -> new HashMap<>())
                                .computeIfAbsent(event.type(), any -> new HashMap<>())
                                .computeIfAbsent(month, any -> new long[1])[0]++;
                    }
                }, (sequence, person) -> { }, unreadable -> { });
        return counts;
    }

    private static List<Month> months(Map<YearMonth, long[]> byMonth, YearMonth last, long residents) {
        List<Month> months = new ArrayList<>();
        for (YearMonth month = last.minusMonths(MONTHS - 1); !month.isAfter(last); month = month.plusMonths(1)) {
            long events = byMonth.getOrDefault(month, new long[1])[0];
            boolean shown = events >= Impact.LEAST_PEOPLE_IN_A_CELL && residents >= Impact.LEAST_PEOPLE_IN_A_CELL;
            months.add(new Month(month, shown ? events : null,
                    shown ? Math.round(events * 1000.0 / residents * 10) / 10.0 : null));
        }
        return months;
    }

    private List<Impact.Cell> histogram(Set<String> living, Instant now) {
        TreeMap<Double, Long> bins = new TreeMap<>();
        living.forEach(person -> bins.merge(Math.floor(scores.score(person, now).roundedScore() / BIN_WIDTH)
                * BIN_WIDTH, 1L, Long::sum));
        List<Impact.Cell> cells = new ArrayList<>();
        bins.forEach((lower, count) -> cells.add(new Impact.Cell(lower, lower + BIN_WIDTH, shown(count))));
        return cells;
    }

    private static Long shown(long people) {
        return people >= Impact.LEAST_PEOPLE_IN_A_CELL ? people : null;
    }
}
