package org.civitas.constitution;

import java.util.Objects;
import org.civitas.InvalidInputException;

/** A field of what was sent would break the constitution: refused, naming the clause. */
public final class RefusedByConstitutionException extends InvalidInputException {

    private final Breach breach;

    public RefusedByConstitutionException(String field, Breach breach) {
        super(field, breach.toString());
        this.breach = Objects.requireNonNull(breach, "breach");
    }

    public Breach breach() {
        return breach;
    }
}
