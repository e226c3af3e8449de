package org.civitas.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civitas.ConflictException;
import org.civitas.InvalidInputException;
import org.civitas.support.SupportOffer.Status;
import org.junit.jupiter.api.Test;

class SupportOfferTest {

    @Test
    void onlyAnOpenOfferIsAnsweredAndOnlyOnce() {
        assertThat(Status.OPEN.canBecome(Status.ACCEPTED)).isTrue();
        assertThat(Status.OPEN.canBecome(Status.DECLINED)).isTrue();
        assertThat(Status.OPEN.canBecome(Status.OPEN)).isFalse();
        assertThat(Status.ACCEPTED.canBecome(Status.COMPLETED)).as("a case completes").isTrue();
        for (Status answered : new Status[] {Status.ACCEPTED, Status.DECLINED, Status.COMPLETED}) {
            for (Status next : Status.values()) {
                assertThat(answered.canBecome(next)).as("%s to %s", answered, next)
                        .isEqualTo(answered == Status.ACCEPTED && next == Status.COMPLETED);
            }
        }
        assertThatThrownBy(() -> Status.DECLINED.moveTo(Status.COMPLETED)).isInstanceOf(ConflictException.class)
                .hasMessage("an offer that is declined cannot become completed");
    }

    @Test
    void aPersonAnswersAcceptOrDeclineAndNothingElse() {
        assertThat(Status.answered("accept")).isEqualTo(Status.ACCEPTED);
        assertThat(Status.answered("decline")).isEqualTo(Status.DECLINED);
        assertThatThrownBy(() -> Status.answered("open"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("answer: must be \"accept\" or \"decline\", not \"open\"")
                .extracting(refused -> ((InvalidInputException) refused).field()).isEqualTo("answer");
        assertThatThrownBy(() -> Status.answered("")).hasMessageEndingWith("not missing");
    }
}
