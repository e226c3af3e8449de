package org.civitas.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void describesAFailureByItsInnermostMessage() {
        assertThat(Failures.describe(new IllegalStateException("writing failed", new UncheckedIOException(
                new IOException(" value too long for type character varying(256)\n")))))
                .isEqualTo("value too long for type character varying(256)");
        assertThat(Failures.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
