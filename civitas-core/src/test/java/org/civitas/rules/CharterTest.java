package org.civitas.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CharterTest {

    private static Charter charter(String quorum, String majority) {
        return new Charter(SupportThreshold.count(3), Duration.ofDays(14), Duration.ofDays(7), new BigDecimal(quorum),
                new BigDecimal(majority), Duration.ofDays(30), HelpTriggers.DEFAULT);
    }

    @Test
    void theQuorumIsMetAtItsShareExactly() {
        Charter tenth = charter("0.1", "0.5");

        assertThat(tenth.quorumMet(10, 100)).isTrue();
        assertThat(tenth.quorumMet(9, 100)).isFalse();
        assertThat(tenth.quorumMet(1, 10)).as("0.1 of 10 is 1, however binary floating point rounds it").isTrue();
        assertThat(charter("0", "0.5").quorumMet(0, 1_000)).isTrue();
        assertThat(charter("1", "0.5").quorumMet(999, 1_000)).isFalse();
    }

    @Test
    void aProposalCarriesOnlyAboveTheMajorityAndAbstentionsCountForNeither() {
        Charter half = charter("0.1", "0.5");

        assertThat(half.carried(51, 49)).isTrue();
        assertThat(half.carried(50, 50)).as("a tie does not exceed half").isFalse();
        assertThat(half.carried(0, 0)).as("no one said yes or no").isFalse();
        assertThat(charter("0.1", "0.6").carried(3, 2)).as("3/5 is 0.6, not above it").isFalse();
        assertThat(charter("0.1", "0.6").carried(61, 39)).isTrue();
    }

    @Test
    void aThresholdIsACountOrAShareRoundedUpAndNeverLessThanOne() {
        assertThat(SupportThreshold.parse("3").required(1_000)).isEqualTo(3);
        assertThat(SupportThreshold.parse("2%").required(1_000)).isEqualTo(20);
        assertThat(SupportThreshold.parse("2%").required(1_001)).isEqualTo(21);
        assertThat(SupportThreshold.parse("0.5%").required(10)).isEqualTo(1);
        assertThat(SupportThreshold.parse("2.5%").toString()).isEqualTo("2.5%");
        assertThatThrownBy(() -> SupportThreshold.parse("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SupportThreshold.parse("150%")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCharterOutsideItsBoundsCannotBeMade() {
        assertThatThrownBy(() -> charter("1.1", "0.5")).hasMessageContaining("quorum");
        assertThatThrownBy(() -> charter("0.1", "1")).hasMessageContaining("majority");
        assertThatThrownBy(() -> new Charter(SupportThreshold.count(1), Duration.ofDays(1), Duration.ofDays(1),
                BigDecimal.ZERO, new BigDecimal("0.5"), Duration.ofDays(29), HelpTriggers.DEFAULT))
                .hasMessageContaining("noticePeriod");
    }
}
