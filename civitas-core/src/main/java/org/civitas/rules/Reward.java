package org.civitas.rules;

import java.util.Objects;

/**
 * A reward a jurisdiction offers for good conduct, from its book's catalogue: an extra, never a basic right or a need
 * (the constitution refuses one that touches them), given by {@code provider} (a registered source, which redeems the
 * claim tokens) to whoever {@code eligible} holds for. {@code eligible} is a CEL condition over the person's own
 * {@code score}, and {@code points} and {@code count}: per rule id, the worth now and the number of their
 * contributions.
 */
public record Reward(String id, String title, String gives, String provider, String eligible) {

    public Reward {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(gives, "gives");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(eligible, "eligible");
    }
}
