package org.civitas.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.civitas.ConflictException;
import org.civitas.InvalidInputException;
import org.junit.jupiter.api.Test;

class ProposalStateTest {

    @Test
    void aProposalMovesOnlyAlongItsLifecycle() {
        assertThat(ProposalState.DRAFT.next()).containsExactlyInAnyOrder(ProposalState.OPEN, ProposalState.WITHDRAWN);
        assertThat(ProposalState.OPEN.next())
                .containsExactlyInAnyOrder(ProposalState.VOTING, ProposalState.WITHDRAWN, ProposalState.EXPIRED);
        assertThat(ProposalState.VOTING.next())
                .containsExactlyInAnyOrder(ProposalState.ADOPTED, ProposalState.REJECTED, ProposalState.LAPSED);
        for (ProposalState end : EnumSet.of(ProposalState.ADOPTED, ProposalState.REJECTED, ProposalState.LAPSED,
                ProposalState.WITHDRAWN, ProposalState.EXPIRED)) {
            assertThat(end.isFinal()).as(end.id()).isTrue();
            for (ProposalState next : ProposalState.values()) {
                assertThat(end.canBecome(next)).as("%s to %s", end, next).isFalse();
            }
        }
        assertThat(ProposalState.OPEN.moveTo(ProposalState.VOTING)).isEqualTo(ProposalState.VOTING);
    }

    @Test
    void anIllegalMoveIsRefusedNamingTheStates() {
        assertThatThrownBy(() -> ProposalState.VOTING.moveTo(ProposalState.WITHDRAWN))
                .isInstanceOf(ConflictException.class)
                .hasMessage("a proposal that is voting cannot become withdrawn;"
                        + " it can become adopted, rejected or lapsed");
        assertThatThrownBy(() -> ProposalState.ADOPTED.moveTo(ProposalState.OPEN))
                .hasMessage("a proposal that is adopted cannot become open; adopted is final");
    }

    @Test
    void statesAreNamedAsTheApiWritesThem() {
        for (ProposalState state : ProposalState.values()) {
            assertThat(ProposalState.of(state.id())).isEqualTo(state);
        }
        assertThatThrownBy(() -> ProposalState.of("passed"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("state: 'passed' is not a state of a proposal; there are draft, open, voting, adopted,"
                        + " rejected, lapsed, withdrawn, expired");
    }
}
