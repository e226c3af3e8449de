package org.civitas.constitution;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One machine-checked limit of the constitution. Each kind checks one thing about a rule. */
public sealed interface Clause {

    String id();

    String text();

    /** How {@code rule} crosses this clause, if it does. */
    Optional<String> breachBy(RuleFacts rule);

    /** No rule may concern these matters. */
    record ForbiddenCategories(String id, String text, Set<String> categories) implements Clause {
        public ForbiddenCategories {
            categories = lowerCase(categories);
        }

        @Override
        public Optional<String> breachBy(RuleFacts rule) {
            return categories.contains(rule.category().toLowerCase(Locale.ROOT))
                    ? Optional.of("category '" + rule.category() + "' is protected")
                    : Optional.empty();
        }
    }

    /**
     * Data of these categories is shown to its person and to nobody they have not chosen: no rule may be in one of
     * them or read an event type of one of them.
     */
    record PersonalOnly(String id, String text, Set<String> categories) implements Clause {
        public PersonalOnly {
            categories = lowerCase(categories);
        }

        public boolean covers(String category) {
            return categories.contains(category.toLowerCase(Locale.ROOT));
        }

        @Override
        public Optional<String> breachBy(RuleFacts rule) {
            if (covers(rule.category())) {
                return Optional.of("category '" + rule.category() + "' is personal-only");
            }
            return rule.eventCategory().flatMap(category -> breachByReading(rule.eventType(), category));
        }

        /** How a rule reading events of {@code eventType}, of {@code category}, crosses this clause, if it does. */
        public Optional<String> breachByReading(String eventType, String category) {
            return covers(category) ? Optional.of("it reads event type '" + eventType
                    + "', of personal-only category '" + category + "'") : Optional.empty();
        }
    }

    /**
     * What a person's data may be shared for. A grant states its purpose; one that is not allowed, above all one for a
     * decision this clause names as never to be made with a score, is refused. Limits grants, not rules.
     */
    record Purposes(String id, String text, Set<String> allowed, Set<String> neverFor) implements Clause {
        public Purposes {
            allowed = lowerCase(allowed);
            neverFor = lowerCase(neverFor);
        }

        /** How sharing for {@code purpose} crosses this clause, if it does. */
        public Optional<String> breachBy(String purpose) {
            String asked = purpose.toLowerCase(Locale.ROOT);
            if (neverFor.contains(asked)) {
                return Optional.of("no data or score is shared for a decision about " + asked);
            }
            return allowed.contains(asked) ? Optional.empty() : Optional.of("'" + purpose
                    + "' is not an allowed purpose; allowed: " + String.join(", ", new TreeSet<>(allowed)));
        }

        @Override
        public Optional<String> breachBy(RuleFacts rule) {
            return Optional.empty();
        }
    }

    /** No condition may read attributes of these names, at any depth. */
    record ForbiddenAttributes(String id, String text, Set<String> names) implements Clause {
        public ForbiddenAttributes {
            names = lowerCase(names);
        }

        @Override
        public Optional<String> breachBy(RuleFacts rule) {
            Set<String> read = new TreeSet<>();
            for (String name : rule.attributesRead()) {
                if (names.contains(name.toLowerCase(Locale.ROOT))) {
                    read.add(name);
                }
            }
            return read.isEmpty() ? Optional.empty()
                    : Optional.of("its condition reads protected attribute" + (read.size() > 1 ? "s " : " ")
                            + String.join(", ", read.stream().map(name -> "'" + name + "'").toList()));
        }
    }

    /** Rules in these categories may reward but never cost points. */
    record NoPenaltiesIn(String id, String text, Set<String> categories) implements Clause {
        public NoPenaltiesIn {
            categories = lowerCase(categories);
        }

        @Override
        public Optional<String> breachBy(RuleFacts rule) {
            return rule.points() < 0 && categories.contains(rule.category().toLowerCase(Locale.ROOT))
                    ? Optional.of(rule.points() + " points in category '" + rule.category() + "'")
                    : Optional.empty();
        }
    }

    /** A rule's points lie within these bounds. */
    record PointsBetween(String id, String text, long min, long max) implements Clause {
        @Override
        public Optional<String> breachBy(RuleFacts rule) {
            return rule.points() < min || rule.points() > max
                    ? Optional.of(rule.points() + " points is outside " + min + " to " + max)
                    : Optional.empty();
        }
    }

    /** Every penalty fades: a rule that costs points has a half-life, and not a longer one than this. */
    record PenaltiesFade(String id, String text, Duration maxHalfLife) implements Clause {
        @Override
        public Optional<String> breachBy(RuleFacts rule) {
            if (rule.points() >= 0) {
                return Optional.empty();
            }
            if (rule.halfLife().isEmpty()) {
                return Optional.of("a penalty without a halfLife never fades");
            }
            return rule.halfLife().get().compareTo(maxHalfLife) > 0
                    ? Optional.of("halfLife " + rule.halfLife().get() + " is longer than " + maxHalfLife)
                    : Optional.empty();
        }
    }

    /** A condition names every attribute it reads, so anyone can see what a rule looks at. */
    record AttributesNamed(String id, String text) implements Clause {
        @Override
        public Optional<String> breachBy(RuleFacts rule) {
            return rule.unnamedAttributeAccess()
                    ? Optional.of("its condition reaches event.attributes without naming the attribute it reads")
                    : Optional.empty();
        }
    }

    /**
     * No reward may touch a basic right or a need: a reward whose id, title or what it gives holds one of these words
     * (or the word with an {@code s}, or, for words of six letters or more, any word it begins) is refused. Limits
     * rewards, not rules.
     */
    record RewardsNever(String id, String text, Set<String> words) implements Clause {
        public RewardsNever {
            words = lowerCase(words);
        }

        /** How a reward described by {@code description} crosses this clause, if it does. */
        public Optional<String> breachByReward(String description) {
            for (String token : description.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                for (String word : words) {
                    if (token.equals(word) || token.equals(word + "s")
                            || word.length() >= 6 && token.startsWith(word)) {
                        return Optional.of("'" + token + "' touches a basic right or a need; a reward is an extra");
                    }
                }
            }
            return Optional.empty();
        }

        @Override
        public Optional<String> breachBy(RuleFacts rule) {
            return Optional.empty();
        }
    }

    private static Set<String> lowerCase(Set<String> names) {
        Set<String> lower = new TreeSet<>();
        names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
        return Set.copyOf(lower);
    }
}
