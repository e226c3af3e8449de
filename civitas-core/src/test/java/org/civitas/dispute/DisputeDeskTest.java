package org.civitas.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When two reviewers disagree, the person's side wins. */
class DisputeDeskTest {

    private static Decision by(String reviewer, Outcome outcome, String corrected) {
        return new Decision(reviewer, "R-" + reviewer, outcome, "why", Optional.ofNullable(corrected),
                Instant.parse("2026-10-01T00:00:00Z"));
    }

    private static Outcome decided(Decision first, Decision second) {
        Outcome outcome = DisputeDesk.decisive(List.of(first, second)).outcome();
        assertThat(DisputeDesk.decisive(List.of(second, first)).outcome()).as("whoever decided first")
                .isEqualTo(outcome);
        return outcome;
    }

    @Test
    void reviewersWhoAgreeDecideAndTheOneMoreInThePersonsFavourWinsOtherwise() {
        assertThat(decided(by("a", Outcome.UPHELD, null), by("b", Outcome.UPHELD, null))).isEqualTo(Outcome.UPHELD);
        assertThat(decided(by("a", Outcome.UPHELD, null), by("b", Outcome.REMOVED, null)))
                .isEqualTo(Outcome.REMOVED);
        assertThat(decided(by("a", Outcome.UPHELD, null), by("b", Outcome.CORRECTED, "{\"kmh\":5}")))
                .isEqualTo(Outcome.CORRECTED);
        assertThat(decided(by("a", Outcome.CORRECTED, "{\"kmh\":5}"), by("b", Outcome.REMOVED, null)))
                .isEqualTo(Outcome.REMOVED);
    }

    @Test
    void twoCorrectionsStandOnlyIfTheyAgree() {
        Decision five = by("a", Outcome.CORRECTED, "{\"kmh\":5}");

        assertThat(DisputeDesk.decisive(List.of(five, by("b", Outcome.CORRECTED, "{\"kmh\":5}"))).corrected())
                .contains("{\"kmh\":5}");
        assertThat(decided(five, by("b", Outcome.CORRECTED, "{\"kmh\":8}"))).isEqualTo(Outcome.REMOVED);
    }
}
