package org.civitas.server.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.civitas.sharing.GrantRequest;
import org.junit.jupiter.api.Test;

class GrantRequestJsonTest {

    private static final Instant EXPIRY = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void aPurposeIsLowerCasedAndTrimmedHoweverItArrives() throws Exception {
        GrantRequest fromJson = GrantRequestJson.read(new ObjectMapper().readTree("{\"party\":\"olga\",\"categories\":"
                + "[\"obligations\"],\"purpose\":\" Research \",\"expiresAt\":\"2027-01-01T00:00:00Z\"}"));
        GrantRequest fromForm = new GrantRequest("olga", List.of("obligations"), false, "PERSONAL", EXPIRY);

        assertThat(fromJson.purpose()).isEqualTo("research");
        assertThat(fromForm.purpose()).isEqualTo("personal");
    }
}
