package org.civitas.governance;

import java.util.List;
import org.civitas.rules.Charter;

/**
 * The count of a closed vote and what the charter makes of it: abstentions count towards the quorum, not the
 * majority.
 */
public record Tally(long yes, long no, long abstain, long eligible, boolean quorumMet, boolean carried) {

    /** The tally of {@code ballots} out of {@code eligible}, judged by {@code charter}. */
    public static Tally of(List<Ballot> ballots, long eligible, Charter charter) {
        long yes = ballots.stream().filter(ballot -> ballot.choice() == Choice.YES).count();
        long no = ballots.stream().filter(ballot -> ballot.choice() == Choice.NO).count();
        long abstain = ballots.size() - yes - no;
        boolean quorumMet = charter.quorumMet(ballots.size(), eligible);
        return new Tally(yes, no, abstain, eligible, quorumMet, quorumMet && charter.carried(yes, no));
    }
}
