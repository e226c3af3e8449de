package org.civitas.store.vault;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.jdbi.v3.core.JdbiException;

/** Tells a write that failed on its data from one that failed on the database. */
final class WriteFailures {

    /** SQLSTATE class 22, "data exception": a value too long, out of range, or not valid in its type. */
    private static final String DATA_EXCEPTION = "22";

    private WriteFailures() {
    }

    /**
     * Whether {@code failure} lies in the data being written: a failure of pure code over the entry (its JSON cannot
     * be written, its day cannot be named), or the database refusing one of its values. Any other failure that
     * involved the database (a lost connection, an exhausted pool, a timeout, a statement it could not run) does
     * not.
     */
    static boolean liesInTheData(Throwable failure) {
        boolean touchedTheDatabase = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return !(sql instanceof SQLTransientException) && !(sql instanceof SQLRecoverableException)
                        && sql.getSQLState() != null && sql.getSQLState().startsWith(DATA_EXCEPTION);
            }
            touchedTheDatabase |= cause instanceof JdbiException;
        }
        return !touchedTheDatabase;
    }
}
