package org.civitas;

/**
 * The root of every failure Civitas reports. Subclasses name the failure; messages say what went wrong, with the
 * offending value, and what to do about it.
 */
public class CivitasException extends RuntimeException {

    public CivitasException(String message) {
        super(message);
    }

    public CivitasException(String message, Throwable cause) {
        super(message, cause);
    }
}
