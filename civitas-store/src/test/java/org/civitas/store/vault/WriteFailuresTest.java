package org.civitas.store.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.UncheckedIOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.DateTimeException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class WriteFailuresTest {

    private static UnableToExecuteStatementException statementFailed(SQLException cause) {
        return new UnableToExecuteStatementException(cause, null);
    }

    @Test
    void aValueTheDatabaseRefusesLiesInTheData() {
        assertThat(WriteFailures.liesInTheData(statementFailed(new SQLException("value too long", "22001")))).isTrue();
        assertThat(WriteFailures.liesInTheData(statementFailed(new BatchUpdateException("date out of range", "22008", 0,
                new int[0], new SQLException("date out of range", "22008"))))).isTrue();
    }

    @Test
    void pureCodeFailingOverAnEntryLiesInTheData() {
        assertThat(WriteFailures.liesInTheData(new UncheckedIOException(new JsonGenerationException(
                "Illegal surrogate character", (JsonGenerator) null)))).isTrue();
        assertThat(WriteFailures.liesInTheData(new DateTimeException("Instant exceeds minimum or maximum instant")))
                .isTrue();
    }

    @Test
    void theDatabaseFailingDoesNot() {
        assertThat(WriteFailures.liesInTheData(new ConnectionException(new SQLTransientConnectionException(
                "the database cannot be reached", "08001")))).isFalse();
        assertThat(WriteFailures.liesInTheData(statementFailed(new SQLTransientConnectionException("timeout",
                "22000"))))
                .as("transient, whatever its state says").isFalse();
        assertThat(WriteFailures.liesInTheData(statementFailed(new SQLException("relation does not exist", "42P01"))))
                .isFalse();
        assertThat(WriteFailures.liesInTheData(statementFailed(new SQLException("disk full", "53100")))).isFalse();
        assertThat(WriteFailures.liesInTheData(statementFailed(new SQLException("no state")))).isFalse();
    }
}
