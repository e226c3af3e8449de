package org.civitas.rules;

import java.util.Objects;

/**
 * A kind of good deed a resident may attest of another, from a book's catalogue: helped a neighbour, returned lost
 * property. An attestation becomes an event only when the person it praises confirms it; a rule of the book may reward
 * it, never punish it.
 */
public record AttestationKind(String id, String title) {

    public AttestationKind {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
