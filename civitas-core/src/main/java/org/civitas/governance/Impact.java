package org.civitas.governance;

import java.time.Instant;
import java.util.List;

/**
 * What a proposed rule book would do to everyone's score, over a window of the real history: published before anyone
 * votes. Totals are always given; a breakdown cell about fewer than {@value #LEAST_PEOPLE_IN_A_CELL} people is
 * suppressed (its {@code people} is null), as in the public statistics.
 *
 * @param people the people with an event in the window that a rule of either book reads
 * @param affected those whose score, to the hundredth, would change
 * @param bands how many people each size of change would reach
 * @param before the distribution of scores under the book in force
 * @param after the distribution of scores under the proposed book
 * @param crossBelow1000 people at or above 1000 who would fall below it: an offer of help opened
 * @param crossAbove1000 people below 1000 who would rise to it or above: an offer of help no longer needed
 * @param matchedEvents events a rule that the proposal adds, changes or retires matches, under either book
 * @param districts the change by district where people live, if where they live is known (not to the CLI)
 */
public record Impact(
        Instant from, Instant to, long people, long affected, List<Cell> bands, List<Cell> before, List<Cell> after,
        double meanChange, double medianChange, long crossBelow1000, long crossAbove1000, long matchedEvents,
        List<District> districts) {

    /** The fewest people a published cell may be about. */
    public static final int LEAST_PEOPLE_IN_A_CELL = 20;

    public Impact {
        bands = List.copyOf(bands);
        before = List.copyOf(before);
        after = List.copyOf(after);
        districts = List.copyOf(districts);
    }

    /** This impact with its change by district. */
    public Impact withDistricts(List<District> changes) {
        return new Impact(from, to, people, affected, bands, before, after, meanChange, medianChange, crossBelow1000,
                crossAbove1000, matchedEvents, changes);
    }

    /**
     * People whose value lies in {@code [from, to)}; an open end is null. A band of no change has {@code from} and
     * {@code to} both 0.
     *
     * @param people how many, or null when fewer than {@value #LEAST_PEOPLE_IN_A_CELL}
     */
    public record Cell(Double from, Double to, Long people) {
    }

    /**
     * The people of a district the window scores, and their mean change; both null when fewer than
     * {@value #LEAST_PEOPLE_IN_A_CELL}.
     */
    public record District(String district, Long people, Double meanChange) {

        /** The cell of {@code people} in {@code district} whose changes add up to {@code totalChange}. */
        public static District of(String district, long people, double totalChange) {
            boolean shown = people >= LEAST_PEOPLE_IN_A_CELL;
            return new District(district, shown ? people : null,
                    shown ? Math.round(totalChange / people * 100) / 100.0 : null);
        }
    }
}
