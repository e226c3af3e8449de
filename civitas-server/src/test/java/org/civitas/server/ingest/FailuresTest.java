package org.civitas.server.ingest;

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

class FailuresTest {

    private static UnableToExecuteStatementException statementFailed(SQLException cause) {
        return new UnableToExecuteStatementException(cause, null);
    }

    @Test
    void aValueTheDatabaseRefusesLiesInTheData() {
        assertThat(Failures.liesInTheData(statementFailed(new SQLException("value too long", "22001")))).isTrue();
        assertThat(Failures.liesInTheData(statementFailed(new BatchUpdateException("date out of range", "22008", 0,
                new int[0], new SQLException("date out of range", "22008"))))).isTrue();
    }

    @Test
    void pureCodeFailingOverAnEntryLiesInTheData() {
        assertThat(Failures.liesInTheData(new UncheckedIOException(new JsonGenerationException(
                "Illegal surrogate character", (JsonGenerator) null)))).isTrue();
        assertThat(Failures.liesInTheData(new DateTimeException("Instant exceeds minimum or maximum instant")))
                .isTrue();
    }

    @Test
    void theDatabaseFailingDoesNot() {
        assertThat(Failures.liesInTheData(new ConnectionException(new SQLTransientConnectionException(
                "the database cannot be reached", "08001")))).isFalse();
        assertThat(Failures.liesInTheData(statementFailed(new SQLTransientConnectionException("timeout", "22000"))))
                .as("transient, whatever its state says").isFalse();
        assertThat(Failures.liesInTheData(statementFailed(new SQLException("relation does not exist", "42P01"))))
                .isFalse();
        assertThat(Failures.liesInTheData(statementFailed(new SQLException("disk full", "53100")))).isFalse();
        assertThat(Failures.liesInTheData(statementFailed(new SQLException("no state")))).isFalse();
    }

    @Test
    void describesAFailureByItsInnermostMessage() {
        assertThat(Failures.describe(statementFailed(new SQLException(" value too long for type character"
                + " varying(256)\n", "22001")))).isEqualTo("value too long for type character varying(256)");
        assertThat(Failures.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
