package org.civitas.server.auth;

import java.time.Duration;
import org.civitas.CivitasException;

/** A password could not be hashed or checked now: as many are being computed as memory allows. */
public final class PasswordHashingBusyException extends CivitasException {

    /** When to try again: a slot frees as soon as one computation ends, well within a second. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    public PasswordHashingBusyException() {
        super("too many passwords are being checked at once; try again in a second");
    }
}
