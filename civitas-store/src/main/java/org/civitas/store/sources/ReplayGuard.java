package org.civitas.store.sources;

import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Remembers the signatures of recent signed requests, so that a request sent again is refused. Kept in the database,
 * so that every server of a deployment refuses it.
 */
public final class ReplayGuard {

    /** The SQL state of a unique-constraint violation, in H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    public ReplayGuard(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records {@code signature}; false if it was seen before (and is still remembered). */
    public boolean firstSighting(String signature, Instant at) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate(
                            "INSERT INTO seen_signatures (signature, seen_at) VALUES (:signature, :at)")
                    .bind("signature", signature)
                    .bind("at", at)
                    .execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Forgets signatures seen before {@code cutoff}: requests that old are refused for their age anyway. */
    public int forgetBefore(Instant cutoff) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM seen_signatures WHERE seen_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute());
    }
}
