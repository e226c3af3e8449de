package org.civitas;

/** What was asked for does not exist, or not for the one who asks: a grant, an offer, a person's shared data. */
public final class NotFoundException extends CivitasException {

    public NotFoundException(String message) {
        super(message);
    }
}
