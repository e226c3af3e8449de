package org.civitas.governance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.civitas.InvalidInputException;

/**
 * What a proposal would do to its jurisdiction's book: add a rule, change one (a rule of the book's own, or one of a
 * book above it, which the change then overrides), or retire one.
 *
 * @param ruleId the rule added, changed or retired
 * @param rule the rule's fields as its author wrote them (YAML or JSON), for an addition or a change
 */
public record ProposedChange(Kind kind, String ruleId, Optional<String> rule) {

    public enum Kind {
        ADD, CHANGE, RETIRE;

        /** The name the API uses: {@code add}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String id) {
            return Arrays.stream(values()).filter(kind -> kind.id().equals(id)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("change.kind", "'" + id
                            + "' is not a kind of change; it is add, change or retire"));
        }
    }

    public ProposedChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(rule, "rule");
    }
}
