package org.civitas;

import java.util.Objects;

/** One field of what was sent is wrong, and why: {@code expiresAt: must be in the future}. */
public class InvalidInputException extends CivitasException {

    private final String field;

    public InvalidInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = Objects.requireNonNull(field, "field");
    }

    public String field() {
        return field;
    }
}
