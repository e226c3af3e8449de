package org.civitas.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.civitas.rules.Charter;
import org.civitas.rules.HelpTriggers;
import org.civitas.rules.SupportThreshold;
import org.junit.jupiter.api.Test;

/** A vote is decided by its charter at the edges: the quorum met exactly, a majority exceeded, not reached. */
class TallyTest {

    private static final Charter CHARTER = new Charter(SupportThreshold.count(3), Duration.ofDays(14),
            Duration.ofDays(7), new BigDecimal("0.25"), new BigDecimal("0.5"), Duration.ofDays(30),
            HelpTriggers.DEFAULT);

    private static List<Ballot> ballots(int yes, int no, int abstain) {
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < yes + no + abstain; i++) {
            ballots.add(new Ballot("t" + i, i < yes ? Choice.YES : i < yes + no ? Choice.NO : Choice.ABSTAIN));
        }
        return ballots;
    }

    @Test
    void theQuorumCountsAbstentionsAndIsMetAtItsShareExactly() {
        assertThat(Tally.of(ballots(1, 0, 1), 8, CHARTER).quorumMet()).isTrue();
        assertThat(Tally.of(ballots(1, 0, 0), 8, CHARTER).quorumMet()).isFalse();
        assertThat(Tally.of(ballots(1, 0, 0), 8, CHARTER).carried()).as("without quorum").isFalse();
    }

    @Test
    void aMajorityMustBeExceededAndAbstentionsCountForNeither() {
        Tally tie = Tally.of(ballots(2, 2, 0), 8, CHARTER);
        Tally won = Tally.of(ballots(3, 2, 5), 10, CHARTER);

        assertThat(tie.carried()).isFalse();
        assertThat(won.carried()).isTrue();
        assertThat(won.abstain()).isEqualTo(5);
        assertThat(Tally.of(ballots(0, 0, 4), 8, CHARTER).carried()).as("only abstentions").isFalse();
    }
}
