package org.civitas.server.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.civitas.rules.Rule;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBookText;

/**
 * One rule of a book with its history, as the rule book page shows it: its latest version, and each version before
 * with what changed and the proposal that changed it.
 *
 * @param latest the latest version, which may not yet be in force (a harsher penalty waits for its notice)
 * @param versions every version, oldest first, each with what it changed from the one before
 */
public record RuleHistory(RulesApi.RuleView latest, List<Version> versions) {

    /** Fields a version keeps of its own: not what changed in the rule. */
    private static final Set<String> OF_THE_VERSION = Set.of("version", "effective", "adoptedBy");

    /**
     * One version of a rule: when it took effect, the proposal whose adoption made it (or null), and each field it
     * changed, as {@code points: -10 → -12}.
     */
    public record Version(long version, Instant from, Instant until, String adoptedBy, List<String> changes) {
    }

    public boolean hasHistory() {
        return versions.size() > 1;
    }

    /** The rules of {@code book}, one history each, in the order the book first names them. */
    public static List<RuleHistory> of(RuleBook book) {
        Map<String, List<Rule>> byId = new LinkedHashMap<>();
        book.rules().forEach(rule -> byId.computeIfAbsent(rule.id(), id -> new ArrayList<>()).add(rule));
        List<RuleHistory> histories = new ArrayList<>();
        for (List<Rule> rules : byId.values()) {
            List<Rule> ordered = rules.stream().sorted(Comparator.comparingLong(Rule::version)).toList();
            List<Version> versions = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                Rule rule = ordered.get(i);
                versions.add(new Version(rule.version(), rule.effective().from().orElse(null),
                        rule.effective().until().orElse(null), rule.adoptedBy().orElse(null),
                        i == 0 ? List.of() : changes(ordered.get(i - 1), rule)));
            }
            histories.add(new RuleHistory(RulesApi.RuleView.of(ordered.get(ordered.size() - 1)), versions));
        }
        return histories;
    }

    /** What {@code was} became in {@code is}, field by field, as the book writes them. */
    private static List<String> changes(Rule was, Rule is) {
        if (is.off()) {
            return List.of("switched off here");
        }
        Map<String, Object> before = RuleBookText.rule(was);
        Map<String, Object> after = RuleBookText.rule(is);
        List<String> changes = new ArrayList<>();
        for (String field : union(before, after)) {
            if (!OF_THE_VERSION.contains(field) && !Objects.equals(before.get(field), after.get(field))) {
                changes.add(field + ": " + shown(before.get(field)) + " → " + shown(after.get(field)));
            }
        }
        return changes;
    }

    private static List<String> union(Map<String, Object> before, Map<String, Object> after) {
        List<String> fields = new ArrayList<>(before.keySet());
        after.keySet().stream().filter(field -> !before.containsKey(field)).forEach(fields::add);
        return fields;
    }

    private static String shown(Object value) {
        return value == null ? "(none)" : value.toString();
    }
}
