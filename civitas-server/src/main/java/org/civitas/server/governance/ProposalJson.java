package org.civitas.server.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civitas.InvalidInputException;
import org.civitas.governance.ProposalDraft;
import org.civitas.governance.ProposalProblem;
import org.civitas.governance.ProposalRefusedException;
import org.civitas.governance.ProposedChange;
import org.civitas.governance.Scenario;

/**
 * Reads a proposal as the API takes it: {@code {"jurisdiction","title","rationale","change":{"kind","ruleId",
 * "rule"},"amnesty","scenarios":[{"event","points"}]}}, the rule as an object of its fields or as their YAML text. Every field of the wrong shape is a problem, all refused at
 * once, as the checks of the proposal itself are.
 */
final class ProposalJson {

    private ProposalJson() {
    }

    static ProposalDraft read(JsonNode body) {
        List<ProposalProblem> problems = new ArrayList<>();
        if (!body.isObject()) {
            throw new ProposalRefusedException(List.of(ProposalProblem.field("body", "expected a proposal object")));
        }
        String jurisdiction = text(body, "jurisdiction", true, problems);
        String title = text(body, "title", false, problems);
        String rationale = text(body, "rationale", false, problems);
        JsonNode change = body.path("change");
        if (!change.isObject()) {
            problems.add(ProposalProblem.field("change", "missing (required): {\"kind\": \"add|change|retire\","
                    + " \"ruleId\": ..., \"rule\": {...}}"));
        }
        ProposedChange.Kind kind = ProposedChange.Kind.ADD;
        String kindText = text(change, "kind", true, problems, "change.kind");
        try {
            kind = kindText.isEmpty() ? kind : ProposedChange.Kind.of(kindText);
        } catch (InvalidInputException e) {
            problems.add(ProposalProblem.field("change.kind", e.getMessage().substring("change.kind: ".length())));
        }
        JsonNode rule = change.path("rule");
        String ruleId = change.path("ruleId").isTextual() ? change.path("ruleId").asText()
                : rule.path("id").isTextual() ? rule.path("id").asText() : "";
        Optional<String> ruleText = Optional.empty();
        if (rule.isObject()) {
            ruleText = Optional.of(rule.toString());
        } else if (rule.isTextual() && !rule.asText().isBlank()) {
            ruleText = Optional.of(rule.asText());
        } else if (!rule.isMissingNode() && !rule.isNull() && !rule.isTextual()) {
            problems.add(ProposalProblem.field("change.rule", "expected an object with the rule's fields, or their"
                    + " YAML as a rule book writes them"));
        }
        JsonNode amnesty = body.path("amnesty");
        if (!amnesty.isMissingNode() && !amnesty.isBoolean()) {
            problems.add(ProposalProblem.field("amnesty", "expected true or false"));
        }
        List<Scenario> scenarios = scenarios(body.path("scenarios"), problems);
        if (!problems.isEmpty()) {
            throw new ProposalRefusedException(problems);
        }
        return new ProposalDraft(jurisdiction, title, rationale, new ProposedChange(kind, ruleId, ruleText),
                amnesty.asBoolean(false), scenarios);
    }

    private static List<Scenario> scenarios(JsonNode scenarios, List<ProposalProblem> problems) {
        List<Scenario> read = new ArrayList<>();
        if (scenarios.isMissingNode()) {
            return read;
        }
        if (!scenarios.isArray()) {
            problems.add(ProposalProblem.field("scenarios", "expected a list of {\"event\": {...}, \"points\": n}"));
            return read;
        }
        for (int i = 0; i < scenarios.size(); i++) {
            JsonNode scenario = scenarios.get(i);
            String field = "scenarios[" + i + "]";
            if (!scenario.path("event").isObject()) {
                problems.add(ProposalProblem.field(field + ".event", "expected the event as an object"));
            }
            if (!scenario.path("points").canConvertToLong() || !scenario.path("points").isIntegralNumber()) {
                problems.add(ProposalProblem.field(field + ".points", "expected the whole number of points the"
                        + " event must earn"));
            }
            read.add(new Scenario(scenario.path("event").toString(), scenario.path("points").asLong()));
        }
        return read;
    }

    private static String text(JsonNode node, String field, boolean required, List<ProposalProblem> problems) {
        return text(node, field, required, problems, field);
    }

    private static String text(JsonNode node, String field, boolean required, List<ProposalProblem> problems,
            String name) {
        JsonNode value = node.path(field);
        if (value.isTextual()) {
            return value.asText();
        }
        if (!value.isMissingNode() && !value.isNull()) {
            problems.add(ProposalProblem.field(name, "expected a string"));
        } else if (required) {
            problems.add(ProposalProblem.field(name, "missing (required)"));
        }
        return "";
    }
}
