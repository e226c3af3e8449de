package org.civitas.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies an {@link Amendment} to the matches of one person's events, the same way for a scoring pass and for the
 * score board: a disputed event's matches count nothing until the dispute ends, a removed event's count no more (until
 * its source reinstates it), and a corrected event is matched again as corrected, keeping its place in the input.
 */
final class Amending {

    private Amending() {
    }

    /** {@code matches} (not changed) as {@code amendment}, the entry at {@code position}, leaves them. */
    static List<Match> amend(List<Match> matches, Amendment amendment, RuleMatcher matcher, long position) {
        List<Match> amended = new ArrayList<>(matches.size() + 1);
        long order = position;
        boolean found = false;
        for (Match match : matches) {
            if (!match.of(amendment.target())) {
                amended.add(match);
                continue;
            }
            if (!found) {
                order = match.order();
                found = true;
            }
            switch (amendment.kind()) {
                case DISPUTED -> amended.add(match.standing(Match.Standing.DISPUTED));
                case UPHELD, REINSTATED -> amended.add(match.standing(Match.Standing.COUNTS));
                case REMOVED -> amended.add(match.standing(Match.Standing.REMOVED));
                case CORRECTED -> { }
            }
        }
        if (amendment.correction().isPresent()) {
            matcher.match(amendment.correction().get(), order, amended::add);
        }
        return amended;
    }
}
