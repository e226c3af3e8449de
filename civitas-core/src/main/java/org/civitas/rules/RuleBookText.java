package org.civitas.rules;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a rule book as the YAML it is read from, in one canonical form: the same book always gives the same text,
 * and reading the text gives the same book. A proposal is voted on, and an adopted version kept, as this text.
 */
public final class RuleBookText {

    private RuleBookText() {
    }

    public static String of(RuleBook book) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("jurisdiction", book.jurisdiction());
        book.parent().ifPresent(parent -> fields.put("parent", parent));
        fields.put("timezone", book.timezone().getId());
        fields.put("charter", charter(book.charter()));
        fields.put("rules", book.rules().stream().map(RuleBookText::rule).toList());
        if (!book.attestations().isEmpty()) {
            fields.put("attestations", book.attestations().stream().map(RuleBookText::attestation).toList());
        }
        if (!book.rewards().isEmpty()) {
            fields.put("rewards", book.rewards().stream().map(RuleBookText::reward).toList());
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options).dump(fields);
    }

    private static Map<String, Object> attestation(AttestationKind kind) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", kind.id());
        fields.put("title", kind.title());
        return fields;
    }

    private static Map<String, Object> reward(Reward reward) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", reward.id());
        fields.put("title", reward.title());
        fields.put("gives", reward.gives());
        fields.put("provider", reward.provider());
        fields.put("eligible", reward.eligible());
        return fields;
    }

    /** One rule's fields, as a rule book writes them (and a proposal sends them). */
    public static Map<String, Object> rule(Rule rule) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", rule.id());
        fields.put("version", rule.version());
        if (rule.off()) {
            fields.put("off", true);
            effective(rule, fields);
            rule.adoptedBy().ifPresent(proposal -> fields.put("adoptedBy", proposal));
            return fields;
        }
        fields.put("title", rule.title());
        if (!rule.description().isEmpty()) {
            fields.put("description", rule.description());
        }
        fields.put("category", rule.category());
        fields.put("on", rule.on());
        if (!rule.when().expression().isEmpty()) {
            fields.put("when", rule.when().expression());
        }
        fields.put("points", rule.points());
        rule.halfLife().ifPresent(halfLife -> fields.put("halfLife", duration(halfLife)));
        rule.cap().ifPresent(cap -> fields.put("cap", Map.of("points", cap.points(), "per", duration(cap.per()))));
        rule.warnFirst().ifPresent(warnFirst -> fields.put("warnFirst", duration(warnFirst)));
        effective(rule, fields);
        if (rule.binding()) {
            fields.put("binding", true);
        }
        rule.adoptedBy().ifPresent(proposal -> fields.put("adoptedBy", proposal));
        return fields;
    }

    private static void effective(Rule rule, Map<String, Object> fields) {
        Map<String, Object> effective = new LinkedHashMap<>();
        rule.effective().from().ifPresent(from -> effective.put("from", from.toString()));
        rule.effective().until().ifPresent(until -> effective.put("until", until.toString()));
        if (!effective.isEmpty()) {
            fields.put("effective", effective);
        }
    }

    private static Map<String, Object> charter(Charter charter) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("supportThreshold", charter.supportThreshold().toString());
        fields.put("debate", duration(charter.debate()));
        fields.put("voting", duration(charter.voting()));
        fields.put("quorum", charter.quorum().toPlainString());
        fields.put("majority", charter.majority().toPlainString());
        fields.put("noticePeriod", duration(charter.noticePeriod()));
        if (!charter.help().equals(HelpTriggers.DEFAULT)) {
            fields.put("help", help(charter.help()));
        }
        return fields;
    }

    private static Map<String, Object> help(HelpTriggers help) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("below", help.below());
        help.fall().ifPresent(fall -> {
            Map<String, Object> falling = new LinkedHashMap<>();
            falling.put("points", fall.points());
            falling.put("within", duration(fall.within()));
            fields.put("fall", falling);
        });
        if (!help.repeated().isEmpty()) {
            fields.put("repeated", help.repeated().stream().map(repeated -> {
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("rule", repeated.rule());
                rule.put("times", repeated.times());
                rule.put("within", duration(repeated.within()));
                return rule;
            }).toList());
        }
        return fields;
    }

    /** {@code P60D} for whole days, as books write them; {@code PT36H} and the like otherwise. */
    public static String duration(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 && duration.getNano() == 0
                ? "P" + duration.toDays() + "D" : duration.toString();
    }
}
