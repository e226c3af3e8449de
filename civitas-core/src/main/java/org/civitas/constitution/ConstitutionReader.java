package org.civitas.constitution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civitas.validation.Issue;
import org.civitas.validation.ValidationException;
import org.civitas.yaml.Durations;
import org.civitas.yaml.YamlDocument;
import org.civitas.yaml.YamlMapping;

/** Reads a constitution's YAML: an id, a version and a list of clauses, each with one kind of limit. */
final class ConstitutionReader {

    private static final List<String> KINDS = List.of(
            "forbiddenCategories", "forbiddenAttributes", "noPenaltiesIn", "pointsBetween", "penaltiesFadeWithin",
            "attributesNamed", "personalOnly", "purposes", "rewardsNever");

    private ConstitutionReader() {
    }

    static Constitution read(String file, String content) {
        List<Issue> issues = new ArrayList<>();
        Optional<YamlMapping> root = YamlDocument.parse(file, content, issues);
        Constitution constitution = root.map(mapping -> read(file, mapping)).orElse(null);
        if (!issues.isEmpty() || constitution == null) {
            throw new ValidationException("constitution " + file, issues);
        }
        return constitution;
    }

    private static Constitution read(String file, YamlMapping root) {
        root.allowOnly(List.of("id", "version", "clauses"));
        String id = root.requiredText("id").orElse("");
        long version = root.requiredInteger("version").orElse(0L);
        List<Clause> clauses = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlMapping item : root.mappings("clauses")) {
            String clauseId = item.requiredText("id").orElse("");
            YamlMapping clause = item.about("clause '" + clauseId + "'");
            if (!clauseId.isEmpty() && !ids.add(clauseId)) {
                clause.report("id", "another clause already has this id");
            }
            List<String> allowed = new ArrayList<>(KINDS);
            allowed.add("id");
            allowed.add("text");
            clause.allowOnly(allowed);
            String text = clause.requiredText("text").orElse("");
            List<String> kinds = KINDS.stream().filter(clause::has).toList();
            if (kinds.size() != 1) {
                clause.report("a clause states exactly one limit, one of " + String.join(", ", KINDS)
                        + (kinds.isEmpty() ? "" : "; found " + String.join(", ", kinds)));
                continue;
            }
            clauseOf(kinds.get(0), clauseId, text, clause).ifPresent(clauses::add);
        }
        return new Constitution(id, version, clauses, file);
    }

    private static Optional<Clause> clauseOf(String kind, String id, String text, YamlMapping clause) {
        return switch (kind) {
            case "forbiddenCategories" -> Optional.of(
                    new Clause.ForbiddenCategories(id, text, Set.copyOf(clause.texts(kind))));
            case "forbiddenAttributes" -> Optional.of(
                    new Clause.ForbiddenAttributes(id, text, Set.copyOf(clause.texts(kind))));
            case "noPenaltiesIn" -> Optional.of(new Clause.NoPenaltiesIn(id, text, Set.copyOf(clause.texts(kind))));
            case "pointsBetween" -> clause.mapping(kind).flatMap(bounds -> {
                bounds.allowOnly(List.of("min", "max"));
                Optional<Long> min = bounds.requiredInteger("min");
                Optional<Long> max = bounds.requiredInteger("max");
                if (min.isEmpty() || max.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Clause.PointsBetween(id, text, min.get(), max.get()));
            });
            case "penaltiesFadeWithin" -> clause.converted(kind, "an ISO-8601 duration such as P365D",
                    Durations::parsePositive).map(duration -> (Clause) new Clause.PenaltiesFade(id, text, duration));
            case "personalOnly" -> Optional.of(new Clause.PersonalOnly(id, text, Set.copyOf(clause.texts(kind))));
            case "rewardsNever" -> Optional.of(new Clause.RewardsNever(id, text, Set.copyOf(clause.texts(kind))));
            case "purposes" -> clause.mapping(kind).map(purposes -> {
                purposes.allowOnly(List.of("allowed", "neverFor"));
                if (!purposes.has("allowed")) {
                    purposes.report("allowed", "missing (required): the purposes data may be shared for");
                }
                return new Clause.Purposes(id, text, Set.copyOf(purposes.texts("allowed")),
                        Set.copyOf(purposes.texts("neverFor")));
            });
            case "attributesNamed" -> clause.bool(kind).filter(Boolean::booleanValue)
                    .map(yes -> (Clause) new Clause.AttributesNamed(id, text));
            default -> throw new IllegalStateException("unknown clause kind " + kind);
        };
    }
}
