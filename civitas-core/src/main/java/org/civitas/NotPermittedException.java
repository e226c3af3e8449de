package org.civitas;

/**
 * Who asks may not do what they ask, whoever they are signed in as: a non-resident voting, say, or someone else
 * withdrawing a proposal. Unlike {@link NotFoundException}, it does not hide that the thing exists.
 */
public final class NotPermittedException extends CivitasException {

    public NotPermittedException(String message) {
        super(message);
    }
}
