package org.civitas;

/** What was asked for cannot be done as things stand: a name taken, an offer answered already. */
public final class ConflictException extends CivitasException {

    public ConflictException(String message) {
        super(message);
    }
}
